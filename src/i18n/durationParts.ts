/**
 * Whole hours, minutes and seconds in a span of milliseconds: never negative, and 0 for NaN or
 * an infinite span, so neither the visible duration nor its ISO form can read "∞:NaN:NaN".
 */
export function durationParts(ms: number): { h: number; m: number; s: number } {
  const total = Number.isFinite(ms) ? Math.floor(Math.max(0, ms) / 1000) : 0;
  return { h: Math.floor(total / 3600), m: Math.floor((total % 3600) / 60), s: total % 60 };
}

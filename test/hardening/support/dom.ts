/**
 * DOM checks the hardening tests share: what a panel must never show, whatever it was fed.
 */

/** Words that only appear on screen when a value went missing or wrong on the way. */
export const FORBIDDEN_WORDS = ['NaN', 'undefined', 'Invalid Date', 'null', 'Infinity', '∞', '[object Object]'] as const;

/** A minus sign (any of the dashes a formatter may use) right before a digit, in any script. */
export const NEGATIVE_NUMBER = /[-\u2212\u2012-\u2015\uFE63\uFF0D]\s*[\u200E\u200F\u061C]*\p{Nd}/u;

/** A duration as `CallTimer` formats it: `m:ss` or `h:mm:ss`, in the locale's digits. */
export const DURATION_SHAPE = /^[\u200E\u200F\u061C]*\p{Nd}+(:\p{Nd}{2}){1,2}$/u;

/** Each of `texts` with the untrusted strings in `echoed` that hold a forbidden word cut out (see `forbiddenWordsIn`). */
export function withoutEchoes(texts: readonly string[], echoed: readonly string[] = []): string[] {
  const cut = echoed.filter((s) => s !== '' && FORBIDDEN_WORDS.some((w) => s.includes(w)));
  // Longest first, so that a string containing another is cut whole.
  cut.sort((a, b) => b.length - a.length);
  const out: string[] = [];
  for (const original of texts) {
    // A text that is a piece of one of them (a value clipped with "…") is that data too.
    const piece = original.replace(/…$/, '');
    if (piece.trim() !== '' && cut.some((s) => s.includes(piece))) continue;
    let text = original;
    for (const s of cut) text = text.split(s).join('\u0000');
    out.push(text);
  }
  return out;
}

/** The forbidden words in `texts`, with where. */
export function forbiddenWordsInTexts(texts: readonly string[], echoed: readonly string[] = []): string[] {
  const found: string[] = [];
  for (const text of withoutEchoes(texts, echoed)) {
    for (const word of FORBIDDEN_WORDS) if (text.includes(word)) found.push(`${word} in ${JSON.stringify(text.slice(0, 120))}`);
  }
  return found;
}

/** Every text node under `root`. */
export function textNodes(root: Node): string[] {
  const out: string[] = [];
  const walker = root.ownerDocument!.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) out.push(node.nodeValue ?? '');
  return out;
}

/**
 * The forbidden words in `root`'s text. `echoed`: untrusted strings the panel shows as they came;
 * those that themselves hold a forbidden word are cut out first ("NaN" as a caller number is
 * data, not a bug). Strings without a forbidden word are not cut, so they cannot hide one.
 */
export function forbiddenWordsIn(root: Node, echoed: readonly string[] = []): string[] {
  return forbiddenWordsInTexts(textNodes(root), echoed);
}

/** What is wrong with one shown duration (its text and ISO `dateTime`); empty when all is well. */
export function durationProblems(text: string, iso: string): string[] {
  const problems: string[] = [];
  if (NEGATIVE_NUMBER.test(text)) problems.push(`negative duration ${JSON.stringify(text)}`);
  if (!DURATION_SHAPE.test(text)) problems.push(`not a duration: ${JSON.stringify(text)}`);
  // Hours may be astronomically many for absurd spans (then written with an exponent); never negative or NaN.
  if (!/^PT([\d.]+(e\+\d+)?H)?(\d+M)?(\d+S)?$/.test(iso) || iso === 'PT') problems.push(`bad ISO duration ${JSON.stringify(iso)} for ${JSON.stringify(text)}`);
  return problems;
}

/** Every duration shown under `root`: the timers, and the `<time>` elements holding an ISO duration. */
export function durationElements(root: ParentNode): Element[] {
  // A timer that reads unknown (data-state="unknown": a bad answer's moments) shows no duration.
  const timers = [...root.querySelectorAll('[data-slot="call-timer"]:not([data-state="unknown"])')];
  const durations = [...root.querySelectorAll('time')].filter((el) => (el.getAttribute('datetime') ?? '').startsWith('P'));
  return [...new Set([...timers, ...durations])];
}

/** What is wrong with the durations under `root` (negative, not a duration, NaN...); empty when all is well. */
export function badDurations(root: ParentNode): string[] {
  return durationElements(root).flatMap((el) => durationProblems(el.textContent ?? '', el.getAttribute('datetime') ?? ''));
}

/** Seconds in a formatted duration (`h:mm:ss` / `m:ss`; ASCII or Arabic-Indic digits). */
export function durationSeconds(text: string): number {
  const ascii = text
    .replace(/[\u200E\u200F\u061C]/g, '')
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\u06F0-\u06F9]/g, (d) => String(d.charCodeAt(0) - 0x06f0));
  if (!/^\d+(:\d{2}){1,2}$/.test(ascii)) return Number.NaN;
  return ascii.split(':').reduce((total, part) => total * 60 + Number(part), 0);
}

/** An ISO 8601 duration for `<time dateTime>`: 65 000 ms -> `PT1M5S`; never negative. */
export function isoDuration(ms: number): string {
  const total = Number.isFinite(ms) ? Math.floor(Math.max(0, ms) / 1000) : 0;
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return `PT${h ? `${h}H` : ''}${m ? `${m}M` : ''}${s || !(h || m) ? `${s}S` : ''}`;
}

/** An ISO 8601 instant for `<time dateTime>`. */
export function isoInstant(epochMs: number): string {
  return new Date(epochMs).toISOString();
}

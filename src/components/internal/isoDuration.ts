import { durationParts } from '../../i18n/durationParts';

/** An ISO 8601 duration for `<time dateTime>`: 65 000 ms -> `PT1M5S`; never negative. */
export function isoDuration(ms: number): string {
  const { h, m, s } = durationParts(ms);
  return `PT${h ? `${h}H` : ''}${m ? `${m}M` : ''}${s || !(h || m) ? `${s}S` : ''}`;
}

/** An ISO 8601 instant for `<time dateTime>`. */
export function isoInstant(epochMs: number): string {
  return new Date(epochMs).toISOString();
}

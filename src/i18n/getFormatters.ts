import { durationParts } from './durationParts';

/** Locale-aware formatting for everything the panel shows. */
export interface Formatters {
  readonly locale: string;
  /** A clock time, e.g. `14:02:11` (`2:02:11 PM` in `en-US`). */
  time(epochMs: number): string;
  /** A date and time, medium length. */
  dateTime(epochMs: number): string;
  /** A number with the locale's digits and grouping. */
  number(value: number): string;
  /** An elapsed time as `h:mm:ss` (`m:ss` under an hour) in the locale's digits; never negative. */
  duration(ms: number): string;
}

const cache = new Map<string, Formatters>();

/** The formatters for a locale, created once per locale and shared. */
export function getFormatters(locale: string): Formatters {
  let formatters = cache.get(locale);
  if (!formatters) {
    const plain = new Intl.NumberFormat(locale, { useGrouping: false });
    const twoDigits = new Intl.NumberFormat(locale, { minimumIntegerDigits: 2, useGrouping: false });
    formatters = {
      locale,
      // An Intl formatter's `format` comes bound to it.
      time: new Intl.DateTimeFormat(locale, { timeStyle: 'medium' }).format,
      dateTime: new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium' }).format,
      number: new Intl.NumberFormat(locale).format,
      duration(ms) {
        const { h, m, s } = durationParts(ms);
        const ss = twoDigits.format(s);
        return h > 0 ? `${plain.format(h)}:${twoDigits.format(m)}:${ss}` : `${plain.format(m)}:${ss}`;
      },
    };
    cache.set(locale, formatters);
  }
  return formatters;
}

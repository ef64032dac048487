/**
 * The locale to use: the given one, else the browser's (`navigator.language`), else `'en'`.
 * An invalid tag falls back to `'en'` instead of making every `Intl` formatter throw.
 */
export function resolveLocale(locale?: string): string {
  const wanted = locale || (typeof navigator === 'undefined' ? '' : navigator.language) || 'en';
  try {
    return Intl.getCanonicalLocales(wanted)[0] ?? 'en';
  } catch {
    return 'en';
  }
}

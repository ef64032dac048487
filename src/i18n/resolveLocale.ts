/**
 * The locale to use: the given one, else the browser's (`navigator.language`), else `'en'`.
 * A POSIX name as Java back ends and servers give it (`zh_CN`, `zh_CN.UTF-8`) is read as its
 * BCP 47 tag. An invalid tag falls back to `'en'` instead of making every `Intl` formatter throw.
 */
export function resolveLocale(locale?: string): string {
  const wanted = locale || (typeof navigator === 'undefined' ? '' : navigator.language) || 'en';
  try {
    return Intl.getCanonicalLocales(wanted.replace(/[.@].*$/, '').replace(/_/g, '-'))[0] ?? 'en';
  } catch {
    return 'en';
  }
}

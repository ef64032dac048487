const RTL_LANGUAGES = new Set(['ar', 'he', 'iw', 'fa', 'ur']);

/** `'rtl'` for Arabic, Hebrew, Persian and Urdu locales, else `'ltr'`. */
export function localeDirection(locale: string): 'ltr' | 'rtl' {
  const language = locale.split(/[-_]/)[0]?.toLowerCase() ?? '';
  return RTL_LANGUAGES.has(language) ? 'rtl' : 'ltr';
}

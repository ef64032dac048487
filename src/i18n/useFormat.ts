import type { Formatters } from './getFormatters';
import { useI18n } from './I18nContext';

/** The nearest `I18nProvider`'s formatters (memoised per locale). */
export function useFormat(): Formatters {
  return useI18n().format;
}

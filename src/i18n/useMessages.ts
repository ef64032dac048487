import { useI18n, type Translate } from './I18nContext';

/** The message lookup of the nearest `I18nProvider`: `t('status.lastUpdated', { time })`. */
export function useMessages(): Translate {
  return useI18n().t;
}

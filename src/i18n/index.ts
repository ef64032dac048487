// Internal barrel for tests; the public API is src/index.ts.
export { I18nProvider, type I18nProviderProps } from './I18nProvider';
export { I18nContext, createI18n, useI18n, type I18nValue, type Translate } from './I18nContext';
export { useMessages } from './useMessages';
export { useFormat } from './useFormat';
export { getFormatters, type Formatters } from './getFormatters';
export { interpolate } from './interpolate';
export { interpolateNodes } from './interpolateNodes';
export { localeDirection } from './localeDirection';
export { resolveLocale } from './resolveLocale';
export type { CallDirection, MessageKey, MessageValues, Messages } from './Messages';
// English is the default and always bundled. Other locales are separate modules, imported on
// their own so an app that does not use them does not ship them: `./messages/zh-CN`.
export { en } from './messages/en';

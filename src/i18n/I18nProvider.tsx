import { useContext, useMemo, type ReactNode } from 'react';
import { I18nContext, createI18n } from './I18nContext';
import type { Messages } from './Messages';

export interface I18nProviderProps {
  /** BCP 47 locale for dates, numbers and direction. Default: `navigator.language`, else `'en'`. */
  locale?: string;
  /**
   * Message overrides, any subset of keys, laid over English. Pass a whole catalogue
   * (`zhCN`) to switch language. Keep the object stable (a module constant or memoised).
   */
  messages?: Partial<Messages>;
  children?: ReactNode;
}

/**
 * Provides the locale, messages and memoised `Intl` formatters to every part below it.
 * A nested provider inherits what it does not set (the locale, and overrides it merges over).
 *
 * @example
 * import { zhCN } from 'cec-call-panel/locales/zh-CN';
 * <I18nProvider locale="zh-CN" messages={zhCN}><CallInfoView … /></I18nProvider>
 */
export function I18nProvider({ locale, messages, children }: I18nProviderProps) {
  const parent = useContext(I18nContext);
  const value = useMemo(
    () =>
      createI18n(
        locale ?? parent?.locale,
        parent?.messages && messages ? { ...parent.messages, ...messages } : (messages ?? parent?.messages),
      ),
    [locale, messages, parent],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

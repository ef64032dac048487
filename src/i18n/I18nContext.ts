import { createContext, useContext } from 'react';
import { getFormatters, type Formatters } from './getFormatters';
import { interpolate } from './interpolate';
import { localeDirection } from './localeDirection';
import type { MessageKey, MessageValues, Messages } from './Messages';
import { en } from './messages/en';
import { resolveLocale } from './resolveLocale';

/** Looks a message up and fills its `{placeholders}`. */
export type Translate = (key: MessageKey, values?: MessageValues) => string;

export interface I18nValue {
  /** The resolved BCP 47 locale used for every `Intl` formatter. */
  readonly locale: string;
  /** Writing direction derived from the locale. */
  readonly dir: 'ltr' | 'rtl';
  readonly t: Translate;
  readonly format: Formatters;
  /** The message overrides in force (inherited by a nested provider). */
  readonly messages: Partial<Messages> | undefined;
}

/** Builds the i18n value for a locale and message overrides (any subset of keys, over English). */
export function createI18n(locale?: string, messages?: Partial<Messages>): I18nValue {
  const resolved = resolveLocale(locale);
  const catalogue: Partial<Messages> = messages ? { ...en, ...messages } : en;
  return {
    locale: resolved,
    dir: localeDirection(resolved),
    t: (key, values) => interpolate(catalogue[key] ?? en[key], values),
    format: getFormatters(resolved),
    messages,
  };
}

export const I18nContext = createContext<I18nValue | null>(null);

let fallback: I18nValue | undefined;

/** The nearest `I18nProvider`'s value; without one, English and the browser's locale. */
export function useI18n(): I18nValue {
  return useContext(I18nContext) ?? (fallback ??= createI18n());
}

import type { MessageKey, Messages, MessageValues } from '../../src/i18n/Messages';
import { interpolate } from '../../src/i18n/interpolate';
import { ar } from '../../src/i18n/messages/ar';
import { en } from '../../src/i18n/messages/en';
import { zhCN } from '../../src/i18n/messages/zh-CN';
import { readStoryGlobals, type StoryLocale } from '../../.storybook/globals';

/**
 * The catalogue the preview's I18nProvider gets for each toolbar locale (`undefined`: the
 * built-in English). Module constants, so the provider's memo holds. The preview and the play
 * functions both read this table, so a play function always looks for the words on screen.
 */
export const STORY_MESSAGES: Record<StoryLocale, Partial<Messages> | undefined> = { en: undefined, 'zh-CN': zhCN, ar };

/** Every message of a locale, English filling any gap (as the provider does). */
export function catalogueFor(locale: StoryLocale): Messages {
  const messages = STORY_MESSAGES[locale];
  return messages ? { ...en, ...messages } : en;
}

const ESCAPE = /[.*+?^${}()|[\]\\]/g;
const escape = (text: string) => text.replace(ESCAPE, '\\$&');

export interface StoryI18n {
  locale: StoryLocale;
  /** The active catalogue. */
  messages: Messages;
  /** A message with its `{placeholders}` filled, as the panel shows it. */
  t: (key: MessageKey, values?: MessageValues) => string;
  /**
   * A message as an anchored RegExp: placeholders given a string stay literal, given a RegExp
   * match it, and any placeholder left out matches anything (`tMatch('status.retryingIn',
   * { seconds: /[1-8]/ })`, `tMatch('status.lastUpdated')`).
   */
  tMatch: (key: MessageKey, values?: Record<string, string | number | RegExp>, options?: { exact?: boolean }) => RegExp;
}

/**
 * The story's language for play functions: pass the play context's `globals`
 * (`play: async ({ canvasElement, globals }) => { const { t } = storyI18n(globals); … }`).
 * The locale is the one the preview decorator used: the story's globals, else the toolbar /
 * `STORYBOOK_STORY_GLOBALS`, else English.
 */
export function storyI18n(globals: Record<string, unknown> | undefined): StoryI18n {
  const { locale } = readStoryGlobals(globals ?? {});
  const messages = catalogueFor(locale);
  return {
    locale,
    messages,
    t: (key, values) => interpolate(messages[key], values),
    tMatch: (key, values = {}, { exact = true } = {}) => {
      const source = messages[key]
        .split(/(\{\w+\})/)
        .map((part) => {
          const name = /^\{(\w+)\}$/.exec(part)?.[1];
          if (name === undefined) return escape(part);
          const value = values[name];
          if (value === undefined) return '.+?';
          return value instanceof RegExp ? `(?:${value.source})` : escape(String(value));
        })
        .join('');
      return new RegExp(exact ? `^${source}$` : source);
    },
  };
}

const normalize = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();

/**
 * A Testing Library text matcher for a message whose placeholders the panel renders as elements
 * of their own (`Last updated <time>…</time>`): the innermost element whose whole text matches.
 * `getByText(textMatching(tMatch('status.lastUpdated')))`.
 */
export function textMatching(pattern: RegExp): (content: string, element: Element | null) => boolean {
  return (_content, element) =>
    !!element &&
    pattern.test(normalize(element.textContent)) &&
    ![...element.children].some((child) => pattern.test(normalize(child.textContent)));
}

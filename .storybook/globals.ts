import type { ColorScheme } from '../src/theme/types';

/** The languages of the toolbar: English, Simplified Chinese, Arabic (right to left); catalogues in stories/support/i18n.ts. */
export const STORY_LOCALES = ['en', 'zh-CN', 'ar'] as const;
export type StoryLocale = (typeof STORY_LOCALES)[number];

/** The colour schemes of the toolbar. */
export const STORY_SCHEMES = ['light', 'dark'] as const satisfies readonly ColorScheme[];
export type StoryScheme = (typeof STORY_SCHEMES)[number];

/** What a story's globals mean to the preview's decorator. */
export interface StoryGlobals {
  locale: StoryLocale;
  colorScheme: StoryScheme;
  unstyled: boolean;
}

/** The toolbar menus. */
export const STORY_GLOBAL_TYPES = {
  locale: {
    description: 'Language and writing direction of the panel',
    toolbar: {
      title: 'Language',
      icon: 'globe',
      items: [
        { value: 'en', title: 'English' },
        { value: 'zh-CN', title: '中文（简体）' },
        { value: 'ar', title: 'العربية (right to left)' },
      ],
      dynamicTitle: true,
    },
  },
  colorScheme: {
    description: 'Colour scheme of the panel and the page behind it',
    toolbar: {
      title: 'Scheme',
      icon: 'mirror',
      items: [
        { value: 'light', title: 'Light', icon: 'sun' },
        { value: 'dark', title: 'Dark', icon: 'moon' },
      ],
      dynamicTitle: true,
    },
  },
  unstyled: {
    description: "Drop the library's look (structure, classes and data attributes stay)",
    toolbar: {
      title: 'Styles',
      icon: 'paintbrush',
      items: [
        { value: 'styled', title: 'Styled' },
        { value: 'unstyled', title: 'Unstyled' },
      ],
      dynamicTitle: true,
    },
  },
};

/**
 * `STORYBOOK_STORY_GLOBALS="colorScheme=dark"` (or `locale=zh-CN`, `locale=ar`, `unstyled=unstyled`,
 * several with `,`) starts every story with those toolbar values: a whole pass of the story tests,
 * axe included, in the dark scheme, in Chinese, right to left or unstyled. Story-level `globals`
 * still win. Play functions read the same globals (stories/support/i18n.ts `storyI18n`), so they
 * look for the words of whichever language the story is in.
 */
function globalsFromEnv(): Record<string, string> {
  let text: unknown;
  try {
    text = import.meta.env.STORYBOOK_STORY_GLOBALS;
  } catch {
    text = undefined;
  }
  if (typeof text !== 'string') return {};
  return Object.fromEntries(
    text
      .split(',')
      .map((pair) => pair.split('=').map((part) => part.trim()))
      .filter((pair): pair is [string, string] => pair.length === 2 && !!pair[0] && !!pair[1]),
  );
}

export const STORY_INITIAL_GLOBALS = { locale: 'en', colorScheme: 'light', unstyled: 'styled', ...globalsFromEnv() };

/** Reads the toolbar's globals, falling back to the defaults for anything unknown (an old URL). */
export function readStoryGlobals(globals: Record<string, unknown>): StoryGlobals {
  const locale = STORY_LOCALES.find((value) => value === globals.locale) ?? 'en';
  const colorScheme = STORY_SCHEMES.find((value) => value === globals.colorScheme) ?? 'light';
  return { locale, colorScheme, unstyled: globals.unstyled === 'unstyled' };
}

/** Story-level globals for a story pinned to the dark scheme (a second axe pass in dark). */
export const DARK = { colorScheme: 'dark' } as const;
/** Story-level globals for Simplified Chinese. */
export const ZH_CN = { locale: 'zh-CN' } as const;
/** Story-level globals for Arabic: right to left. */
export const ARABIC = { locale: 'ar' } as const;
/** Story-level globals for the unstyled toggle. */
export const UNSTYLED = { unstyled: 'unstyled' } as const;

import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { en } from '../src/i18n/messages/en';

/**
 * A guard, not a page (hidden from the sidebar): play functions must look for the words of the
 * story's own language (`storyI18n(globals)` in stories/support/i18n.ts), or query by role and
 * data attributes, so the stories pass under every toolbar language
 * (`STORYBOOK_STORY_GLOBALS=locale=zh-CN`). This fails when a story file has an English catalogue
 * message as a string literal (`'Not reported'`) or the start of one in a RegExp
 * (`/^Retrying in/`). Comments are not checked.
 */
const SOURCES = import.meta.glob<string>('./*.stories.tsx', { query: '?raw', import: 'default', eager: true });

/** English messages worth looking for: a capital or a space (not the `call` of `data-timer="call"`). */
const WORDS = Object.values(en)
  .map((text) => text.split('{')[0]!.trimEnd())
  .filter((text) => text.length >= 4 && /[A-Za-z]{3}/.test(text) && /^[A-Z]|\s/.test(text));
const TEMPLATES = new Set(Object.values(en).filter((text) => text.includes('{')).map((text) => text.split('{')[0]!.trimEnd()));

const stripComments = (source: string) => source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');

function hardCodedEnglish(): string[] {
  const found: string[] = [];
  for (const [file, raw] of Object.entries(SOURCES)) {
    const source = stripComments(raw);
    for (const text of WORDS) {
      const literal = TEMPLATES.has(text) ? [`'${text}`, `"${text}`, `\`${text}`, `/^${text}`, `/${text}`] : [`'${text}'`, `"${text}"`, `\`${text}\``, `/^${text}`];
      if (literal.some((form) => source.includes(form))) found.push(`${file}: ${JSON.stringify(text)}`);
    }
  }
  return found;
}

const meta = {
  title: 'Docs/Guards/Play functions in every language',
  tags: ['!dev', '!autodocs'],
  render: () => <p>Story files are checked for hard-coded English messages.</p>,
} satisfies Meta;

export default meta;

export const NoHardCodedEnglish: StoryObj<typeof meta> = {
  play: async () => {
    await expect(Object.keys(SOURCES).length).toBeGreaterThan(5);
    await expect(hardCodedEnglish()).toEqual([]);
  },
};

/**
 * Checks on server-rendered markup (`renderToStaticMarkup`): the same as `dom.ts`, without
 * building a DOM, so that a property can render every locale and status of each input quickly.
 * React escapes `<`, `>`, `&`, `"` and `'` in text and attribute values, so tags split cleanly.
 */
import { durationProblems, forbiddenWordsInTexts } from './dom';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00A0' };

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') return String.fromCodePoint(name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1)));
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** The text pieces between tags (and comments), decoded. */
export function markupTexts(html: string): string[] {
  return html.split(/<[^>]*>/).filter((piece) => piece !== '').map(decode);
}

/** The forbidden words shown by `html` (see `forbiddenWordsIn`). */
export function forbiddenWordsInMarkup(html: string, echoed: readonly string[] = []): string[] {
  return forbiddenWordsInTexts(markupTexts(html), echoed);
}

/** What is wrong with the durations in `html`: every `<time>` with an ISO duration or a timer's slot. */
export function badDurationsInMarkup(html: string): string[] {
  const problems: string[] = [];
  for (const [, attrs = '', inner = ''] of html.matchAll(/<time\b([^>]*)>([^<]*)<\/time>/gi)) {
    const iso = decode(/\bdatetime="([^"]*)"/i.exec(attrs)?.[1] ?? '');
    if ((!iso.startsWith('P') && !/data-slot="call-timer"/.test(attrs)) || /data-state="unknown"/.test(attrs)) continue;
    problems.push(...durationProblems(decode(inner), iso));
  }
  return problems;
}

/** How many durations `html` shows (to know the checks above looked at something). */
export function durationCountInMarkup(html: string): number {
  return [...html.matchAll(/<time\b([^>]*)>/gi)].filter(([, attrs = '']) => /data-slot="call-timer"|datetime="P/i.test(attrs)).length;
}

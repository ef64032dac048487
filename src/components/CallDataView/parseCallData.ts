/** Call-associated data, read into key/value entries when it has that shape. */
export type ParsedCallData =
  | { readonly format: 'empty' }
  | { readonly format: 'json' | 'pairs'; readonly entries: ReadonlyArray<readonly [string, string]> }
  | { readonly format: 'text'; readonly text: string };

const PAIR_SEPARATORS = /[;&|\r\n]+/;
/** A key: letters, digits, `_`, `.`, `-` (any script), so prose or markup with an `=` stays text. */
const KEY = /^[\p{L}\p{N}_.-]{1,64}$/u;

/**
 * Reads free call data: a JSON object, or `key=value` pairs separated by `;`, `&`, `|` or new
 * lines; anything else stays text. Never evaluates anything; values are returned as plain strings.
 */
export function parseCallData(data: string): ParsedCallData {
  const text = data.trim();
  if (!text) return { format: 'empty' };
  if (text.startsWith('{')) {
    try {
      const value: unknown = JSON.parse(text);
      if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
        const entries = Object.entries(value).map(
          ([key, item]) => [key, typeof item === 'string' ? item : JSON.stringify(item)] as const,
        );
        return entries.length ? { format: 'json', entries } : { format: 'empty' };
      }
    } catch {
      // Not JSON after all: read it as pairs or text.
    }
  }
  const entries: Array<readonly [string, string]> = [];
  for (const part of text.split(PAIR_SEPARATORS)) {
    const item = part.trim();
    if (!item) continue;
    const eq = item.indexOf('=');
    const key = item.slice(0, eq).trim();
    if (eq < 0 || !KEY.test(key)) return { format: 'text', text };
    entries.push([key, item.slice(eq + 1).trim()]);
  }
  return { format: 'pairs', entries };
}

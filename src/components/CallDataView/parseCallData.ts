/**
 * How much call data is read for display: its first 65,536 UTF-16 units ("64 KB"). A gateway can
 * send megabytes; reading them all would freeze the agent's screen, so the rest is not decoded
 * (the model, `CallInfo.callData`, keeps all of it).
 */
export const CALL_DATA_READ_MAX = 65_536;

/**
 * Whether call data says nothing: blank, or an empty JSON object, which `parseCallData` reads as
 * `empty`. A test of the text alone, for callers that must not parse 64 KB to know.
 */
export function isBlankCallData(data: string): boolean {
  return /^\s*(\{\s*\})?\s*$/.test(data);
}

/** How deep JSON objects and arrays nest as lists; a value deeper than this is shown as JSON text. */
export const CALL_DATA_DEPTH_MAX = 4;

/** Key/value entries: a value is text, or a nested object's or array's entries (keys `1`, `2`, … for an array). */
export type CallDataEntries = ReadonlyArray<readonly [string, CallDataValue]>;
export type CallDataValue = string | { readonly kind: 'object' | 'array'; readonly entries: CallDataEntries };

/**
 * Call-associated data, read into key/value entries when it has that shape (JSON objects and
 * arrays nested as entries up to `CALL_DATA_DEPTH_MAX` lists deep). `cut` is `true` when the data
 * was longer than `CALL_DATA_READ_MAX` and only its start was read; absent otherwise.
 */
export type ParsedCallData = (
  | { readonly format: 'empty' }
  | { readonly format: 'json'; readonly entries: CallDataEntries }
  | { readonly format: 'pairs'; readonly entries: ReadonlyArray<readonly [string, string]> }
  | { readonly format: 'text'; readonly text: string }
) & { readonly cut?: boolean };

/**
 * A JSON value as a list value: text for a primitive, an empty object or array (`{}`, `[]`) and
 * anything past `depth` lists deep; nested entries otherwise.
 */
function toValue(item: unknown, depth: number): CallDataValue {
  if (typeof item === 'string') return item;
  if (item === null || typeof item !== 'object') return String(item);
  const array = Array.isArray(item);
  const pairs = Object.entries(item);
  if (!pairs.length || depth >= CALL_DATA_DEPTH_MAX) return JSON.stringify(item);
  return {
    kind: array ? 'array' : 'object',
    entries: pairs.map(([key, value], index) => [array ? String(index + 1) : key, toValue(value, depth + 1)] as const),
  };
}

const PAIR_SEPARATORS = /[;&|\r\n]+/;
/** A key: letters, digits, `_`, `.`, `-` (any script), so prose or markup with an `=` stays text. */
const KEY = /^[\p{L}\p{N}_.-]{1,64}$/u;

/**
 * The first `max` UTF-16 units of `text`, one fewer when the cut would split a surrogate pair
 * (the rule of `cutText`, without its `…`): never a lone surrogate.
 */
function prefixOf(text: string, max: number): string {
  const last = text.charCodeAt(max - 1);
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? max - 1 : max);
}

/**
 * Reads free call data: a JSON object (nested objects and arrays as nested entries), or `key=value` pairs separated by `;`, `&`, `|` or new
 * lines; anything else stays text. Never evaluates anything; values are returned as plain strings.
 *
 * Reads at most the first `max` UTF-16 units (default `CALL_DATA_READ_MAX`), cut on a code-point
 * boundary, and says so with `cut: true`. Cut JSON is no longer JSON, so it reads as text; cut
 * pairs are the pairs within the start, the last value cut short (a key cut short is dropped).
 */
export function parseCallData(data: string, max: number = CALL_DATA_READ_MAX): ParsedCallData {
  const cut = data.length > max;
  const parsed = read((cut ? prefixOf(data, max) : data).trim(), cut);
  return cut ? { ...parsed, cut } : parsed;
}

function read(text: string, cut: boolean): ParsedCallData {
  if (!text) return cut ? { format: 'text', text } : { format: 'empty' };
  if (!cut && text.startsWith('{')) {
    try {
      const value: unknown = JSON.parse(text);
      if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
        const entries = Object.entries(value).map(([key, item]) => [key, toValue(item, 1)] as const);
        return entries.length ? { format: 'json', entries } : { format: 'empty' };
      }
    } catch {
      // Not JSON after all (or too deep to write back as text): read it as pairs or text.
    }
  }
  const parts = text.split(PAIR_SEPARATORS);
  // The start of a key the cut fell in (no `=` yet): dropped, the pairs before it are shown.
  if (cut && parts.length > 1 && KEY.test(parts.at(-1)!.trim())) parts.pop();
  const entries: Array<readonly [string, string]> = [];
  for (const part of parts) {
    const item = part.trim();
    if (!item) continue;
    const eq = item.indexOf('=');
    const key = item.slice(0, eq).trim();
    if (eq < 0 || !KEY.test(key)) return { format: 'text', text };
    entries.push([key, item.slice(eq + 1).trim()]);
  }
  return { format: 'pairs', entries };
}

import type { CallDataOptions } from './callDataOptions';

/**
 * How much call data is read for display: its first 65,536 UTF-16 units ("64 KB"). A gateway can
 * send megabytes; reading them all would freeze the agent's screen, so the rest is not decoded
 * (the model, `CallInfo.callData`, keeps all of it).
 */
export const CALL_DATA_READ_MAX = 65_536;

/** How deep JSON objects and arrays nest as lists; a value deeper than this is shown as JSON text. */
export const CALL_DATA_DEPTH_MAX = 4;

/** What the decoder reads of `CallDataOptions`: the format props (labels and links are the view's). */
export type CallDataDecodeOptions = Pick<CallDataOptions, 'callDataEncoding' | 'callDataFields'>;

/** Key/value entries: a value is text, or a nested object's or array's entries (keys `1`, `2`, … for an array). */
export type CallDataEntries = ReadonlyArray<readonly [string, CallDataValue]>;
/**
 * A positional value: its name and value and, beyond `callDataFields`, its 1-based position (the
 * key is then that number as text; the view names it "Field {position}").
 */
export type CallDataField = readonly [key: string, value: string, position?: number];
export type CallDataValue = string | { readonly kind: 'object' | 'array'; readonly entries: CallDataEntries };

/**
 * Call-associated data, read into key/value entries when it has that shape. `cut` is `true` when
 * the data was longer than `CALL_DATA_READ_MAX` and only its start was read; absent otherwise.
 * `base64`, only with `callDataEncoding: 'base64'`: `true` when the text was decoded, `false` when
 * it was not Base64 of UTF-8 text (it is then shown as it is, as `text`).
 */
export type ParsedCallData = (
  | { readonly format: 'empty' }
  | { readonly format: 'json'; readonly entries: CallDataEntries }
  | { readonly format: 'fields'; readonly entries: ReadonlyArray<CallDataField> }
  | { readonly format: 'pairs'; readonly entries: ReadonlyArray<readonly [string, string]> }
  | { readonly format: 'text'; readonly text: string }
) & { readonly cut?: boolean; readonly base64?: boolean };

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

/** A key: letters, digits, `_`, `.`, `-` (any script), so prose or markup with an `=` stays text. */
const KEY = /^[\p{L}\p{N}_.-]{1,64}$/u;
/** Blank, or an empty JSON object. */
const BLANK = /^\s*(\{\s*\})?\s*$/;
/** C0 controls but tab, line feed and carriage return, and DEL: bytes, not text. */
const CONTROLS = /[\0-\x08\v\f\x0e-\x1f\x7f]/;

/**
 * The first `max` UTF-16 units of `text`, one fewer when the cut would split a surrogate pair
 * (the rule of `cutText`, without its `…`): never a lone surrogate.
 */
function prefixOf(text: string, max: number): string {
  const last = text.charCodeAt(max - 1);
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? max - 1 : max);
}

/**
 * Base64 (standard alphabet or the URL-safe one, ASCII whitespace ignored, padding optional:
 * `atob`'s rules) of UTF-8 text; `undefined` when it is not that, or decodes to control
 * characters. Of a `cut` text, the whole 4-character groups are decoded and a UTF-8 sequence the
 * cut split is dropped.
 */
function fromBase64(text: string, cut: boolean): string | undefined {
  // `-` and `_` are the URL-safe alphabet's (Java's Base64.getUrlEncoder()): never in the standard one.
  let code = text.replace(/[\t\n\f\r ]+/g, '').replace(/-/g, '+').replace(/_/g, '/');
  if (cut) code = code.slice(0, code.length & ~3);
  try {
    const bytes = Uint8Array.from(atob(code), (c) => c.charCodeAt(0));
    const decoded = new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: cut });
    return CONTROLS.test(decoded) ? undefined : decoded;
  } catch {
    return undefined;
  }
}

/** `%XX` sequences of `&`-joined pairs decoded (UTF-8); as written when there are none or they are not UTF-8. `+` stays. */
function unescapeQuery(text: string): string {
  if (!/%[\da-f]{2}/i.test(text)) return text;
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Whether `decodeCallData(data, options)` reads `empty`, from the text alone (a short Base64 decode aside). */
export function isBlankCallData(data: string, options: CallDataDecodeOptions = {}): boolean {
  let text: string | undefined = data;
  if (options.callDataEncoding === 'base64' && data.trim()) {
    const cut = data.length > CALL_DATA_READ_MAX;
    text = fromBase64(cut ? prefixOf(data, CALL_DATA_READ_MAX) : data, cut);
    if (text === undefined) return false;
  }
  return BLANK.test(text) || (!!options.callDataFields && /^[\s,]*$/.test(text));
}

/**
 * Reads free, untrusted call data into entries. Never evaluates anything; values are plain strings.
 *
 * 1. `callDataEncoding: 'base64'`: the text is decoded (UTF-8, fatal); text that is not Base64 of
 *    UTF-8 (or decodes to control characters other than tab and line breaks) is `text`, as written.
 * 2. A JSON object: `json`, nested objects and arrays as nested entries, `CALL_DATA_DEPTH_MAX` lists
 *    deep at most; `{}` is `empty`.
 * 3. With `callDataFields`: `fields`, the text split at every `,` (no quoting); value `i` is named
 *    `callDataFields[i]`, values beyond the names (or under an empty one) carry their 1-based position. Values are trimmed;
 *    an empty one is left out (as the panel hides empty fields), the next keep their positions;
 *    all empty is `empty`.
 * 4. `key=value` pairs: `pairs`. Lines (`\n`, `\r`) are split at one separator: the first of `|`,
 *    `;`, `&` present in the text that makes every non-blank part a pair (the other two then stay
 *    inside values). A key is 1-64 letters, digits, `_`, `.` or `-`; the value is everything after
 *    the first `=` (so `a=b=c` is `a`: `b=c`), trimmed and possibly empty; duplicate keys are kept
 *    in order. Joined by `&`, keys and values have `%XX` decoded (when that is valid UTF-8; `+`
 *    stays `+`). One part that is not a pair (`=x`, `a=1;b`, prose) makes the whole text `text`.
 * 5. Anything else: `text`, trimmed.
 *
 * Reads at most the first `max` UTF-16 units (default `CALL_DATA_READ_MAX`), cut on a code-point
 * boundary, and says so with `cut: true`. Cut JSON is no longer JSON, so it reads as text; cut
 * pairs or fields are those within the start, the last value cut short (a key cut short is dropped).
 */
export function decodeCallData(data: string, options: CallDataDecodeOptions = {}, max: number = CALL_DATA_READ_MAX): ParsedCallData {
  const cut = data.length > max;
  let text = cut ? prefixOf(data, max) : data;
  let base64: boolean | undefined;
  if (options.callDataEncoding === 'base64') {
    const decoded = fromBase64(text, cut);
    base64 = decoded !== undefined;
    text = decoded ?? text;
  }
  const trimmed = text.trim();
  const parsed: ParsedCallData =
    base64 === false && trimmed ? { format: 'text', text: trimmed } : read(trimmed, cut, options.callDataFields);
  return { ...parsed, ...(cut && { cut }), ...(base64 !== undefined && { base64 }) };
}

function read(text: string, cut: boolean, fields: readonly string[] | undefined): ParsedCallData {
  if (!text) return cut ? { format: 'text', text } : { format: 'empty' };
  if (!cut && text.startsWith('{')) {
    try {
      const value: unknown = JSON.parse(text);
      if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
        const entries = Object.entries(value).map(([key, item]) => [key, toValue(item, 1)] as const);
        return entries.length ? { format: 'json', entries } : { format: 'empty' };
      }
    } catch {
      // Not JSON after all (or too deep to write back as text): read it as fields, pairs or text.
    }
  }
  if (fields) {
    const entries: CallDataField[] = [];
    text.split(',').forEach((part, index) => {
      const value = part.trim();
      const name = fields[index];
      if (value) entries.push(name ? [name, value] : [String(index + 1), value, index + 1]);
    });
    return entries.length ? { format: 'fields', entries } : { format: 'empty' };
  }
  const lines = text.split(/[\r\n]+/);
  const separators = [...'|;&'].filter((s) => text.includes(s));
  for (const separator of separators.length ? separators : ['\n']) {
    const parts = lines.flatMap((line) => line.split(separator));
    // The start of a key the cut fell in (no `=` yet): dropped, the pairs before it are shown.
    if (cut && parts.length > 1 && KEY.test(parts.at(-1)!.trim())) parts.pop();
    const entries = pairsOf(parts, separator === '&');
    if (entries) return { format: 'pairs', entries };
  }
  return { format: 'text', text };
}

/** Every non-blank part as a `key=value` pair, or `undefined` when one is not. */
function pairsOf(parts: string[], query: boolean): Array<readonly [string, string]> | undefined {
  const entries: Array<readonly [string, string]> = [];
  for (const part of parts) {
    const item = part.trim();
    if (!item) continue;
    const eq = item.indexOf('=');
    let key = item.slice(0, eq).trim();
    let value = item.slice(eq + 1).trim();
    if (query) [key, value] = [unescapeQuery(key), unescapeQuery(value)];
    if (eq < 0 || !KEY.test(key)) return undefined;
    entries.push([key, value]);
  }
  return entries;
}

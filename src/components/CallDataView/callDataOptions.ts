/**
 * How the host's contact center writes call data, for `CallDataView` (and the panel, which passes
 * these on). JSON and `key=value` pairs are recognised by themselves; Base64 and positional
 * values are chosen by these props, because nothing in the text can tell them apart safely.
 * The exact rules are `decodeCallData`'s.
 */
export interface CallDataOptions {
  /**
   * `'base64'`: the text is Base64 (as `appdata?isEncodeResult=true` sends it; standard alphabet,
   * line breaks and missing padding allowed), UTF-8 inside; it is decoded first and then read like
   * any other call data. Text that is not Base64 of UTF-8 text (or decodes to control characters)
   * is shown as it is, as text (`data-encoding="invalid"` on the view).
   */
  callDataEncoding?: 'base64';
  /**
   * Read the text as comma-separated values named by position: value 1 is `callDataFields[0]`,
   * and so on; values beyond the names (or under an empty one) are "Field N" (`callData.field`).
   * Every `,` separates (no quoting); values are trimmed and empty ones left out, as the panel
   * hides empty fields (the values after them keep their positions). JSON is still recognised
   * first; pairs are not looked for.
   */
  callDataFields?: readonly string[];
  /**
   * Labels shown instead of keys (`{ acct: 'Account' }`); a key without one is shown as it is. A
   * nested JSON key matches by its dotted path first (`'order.id'`, array items by 1-based index:
   * `'items.1'`), then by its bare key (`'id'`); a positional value beyond `callDataFields` by its
   * position (`'21'`). Only the object's own string properties count (never `__proto__` & co.).
   */
  callDataLabels?: Readonly<Record<string, string>>;
  /**
   * Makes a key's value a link (keys matched as for `callDataLabels`): the builder gets the whole
   * value and the key it was found under. Its result (a non-blank string or a `URL`), resolved
   * against `document.baseURI`, becomes a link only when it is http, https, tel or mailto; anything
   * else (`javascript:`, `data:`, …, a throw or another type) leaves plain text. http and https
   * links open in a new tab with `rel="noopener noreferrer"` and "(opens in a new tab)" in their
   * accessible name (`callData.newTab`, visually hidden). Builders run at each render of the view.
   */
  callDataLinks?: Readonly<Record<string, (value: string, key: string) => string | URL | null | undefined>>;
}

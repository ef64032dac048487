import { withoutBidiControls } from './withoutBidiControls';

/** Whose number is shown: the caller, the called number, or the original called number. */
export type NumberRole = 'caller' | 'called' | 'original';

/**
 * The host's display of a party number (after `dialPrefix`), e.g. a mask: `'••••5678'`. It gets
 * the number without bidi controls; whatever it returns is shown, copied and spoken, bidi
 * controls removed (`''` shows "Not reported", with nothing to copy). A formatter that throws or
 * returns a non-string leaves the number unformatted.
 */
export type FormatNumber = (number: string, context: { role: NumberRole }) => string;

export interface NumberDisplayOptions {
  /**
   * How party numbers are displayed (caller, called, original called) and announced. The copy
   * buttons copy what is displayed, and are named with it: a masked number (`'••••5678'`) never
   * reaches the clipboard or the accessibility tree. Default: as received.
   */
  formatNumber?: FormatNumber;
  /**
   * The outside-line prefix (or prefixes, the first match wins) to drop from the called number of
   * an outgoing call, `'9'` of `'913800138000'`; the number is kept whole when nothing would be
   * left. Default: none.
   */
  dialPrefix?: string | readonly string[];
  /**
   * The agent's own work number: a call whose caller it is (a consultation or an internal call the
   * agent placed) shows the called number as the other party. `CallInfoPanel` passes its `agentId`.
   */
  agentId?: string;
}

/**
 * A party number as the panel shows, copies and speaks it: without bidi controls (no spoofed
 * reordering), the dial prefix dropped from the called number of an outgoing call, then the
 * host's `formatNumber`. `''` stays `''` (the panel says "Not reported").
 */
export function displayNumber(number: string, role: NumberRole, outgoing: boolean, { formatNumber, dialPrefix }: NumberDisplayOptions): string {
  let shown = withoutBidiControls(number);
  if (!shown) return shown;
  if (outgoing && role === 'called' && dialPrefix != null) {
    const prefix = (typeof dialPrefix === 'string' ? [dialPrefix] : dialPrefix).find((p) => p && shown.length > p.length && shown.startsWith(p));
    if (prefix) shown = shown.slice(prefix.length);
  }
  if (!formatNumber) return shown;
  try {
    const formatted: unknown = formatNumber(shown, { role });
    return typeof formatted === 'string' ? withoutBidiControls(formatted) : shown;
  } catch {
    return shown;
  }
}

/**
 * The texts a gateway sends in `enterReasonDesc` / `leaveReasonDesc`. The reference gives the
 * codes' meanings, not the exact strings (only "Normal reason" appears in its example), so these
 * are written in the same terse style; the panel shows them as secondary text only.
 */
export const GATEWAY_REASON_TEXTS: Readonly<Record<number, string>> = Object.freeze({
  0: 'Normal reason',
  1: 'Transfer on overflow',
  2: 'Transfer on timeout',
  3: 'Transfer for no agent on duty',
  4: 'Transfer for queuing cancelled',
  5: 'Transfer for agent no answer',
  8: 'Three-party help',
  9: 'Call unhold',
  10: 'Three-party call',
  11: 'Released by help requester',
  15: 'User release',
  16: 'Agent release',
  17: 'Call transfer out',
  18: 'Call hold',
  51: 'User call joins conference',
  52: 'Conference released',
  53: 'Removed from conference',
  88: 'User hang up after answer',
});

/** The gateway's text for a reason code; `"Unknown reason"` for codes it has no text for. */
export function gatewayReasonText(code: number): string {
  return GATEWAY_REASON_TEXTS[code] ?? 'Unknown reason';
}

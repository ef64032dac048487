import { useState } from 'react';
import type { CallInfo } from '../../gateway/model';
import type { HoldPeriod } from '../internal/medium';

interface Seen {
  readonly callId: string | null;
  readonly periods: readonly HoldPeriod[];
}

const NONE: readonly HoldPeriod[] = [];

/**
 * The periods the call on screen was seen on hold, on the gateway's clock. The gateway reports
 * that a call is held but not since when, so a hold begins at the render of the first answer that
 * shows it and ends at the first that does not: to within one poll. Forgotten with the call.
 * State adjusted while rendering (React's pattern for state derived from a prop's history): an
 * answer that changes nothing costs nothing.
 */
export function useHoldPeriods(call: CallInfo | null, clockOffset: number): readonly HoldPeriod[] {
  const [seen, setSeen] = useState<Seen>({ callId: null, periods: NONE });
  const callId = call?.callId ?? null;
  const held = call?.phase === 'held';
  const periods = seen.callId === callId ? seen.periods : NONE;
  const open = periods.at(-1)?.end === null;
  if (held !== open) {
    const now = Date.now() + clockOffset;
    const next = held
      ? [...periods, { begin: now, end: null }]
      : open
        ? [...periods.slice(0, -1), { begin: periods.at(-1)!.begin, end: call?.phase === 'ended' ? (call.endTime ?? now) : now }]
        : periods;
    setSeen({ callId, periods: next });
    return next;
  }
  return periods;
}

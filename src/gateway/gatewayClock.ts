import type { CallInfo } from './model';

/**
 * What the desktop knows of the gateway's clock: the offset to add to the desktop's time to get
 * the gateway's. Live durations count from the gateway's moments ("talk began at ..."), so they
 * must be read on the gateway's clock: on a desktop 2 minutes behind the gateway every live timer
 * would sit at 0:00 for 2 minutes, on one 2 hours ahead a call just answered would read 2:00:00.
 *
 * Each answer bounds the offset:
 * - its `Date` header (whole seconds) was stamped between sending and receiving, so the offset
 *   lies in [date - received, date + 1 s - sent];
 * - without a `Date` header (a cross-origin gateway that does not expose it), every moment in the
 *   call had happened when it answered, so the offset is at least latest moment - received. That
 *   bounds a gateway ahead: exactly, to within a poll, for a moment seen as it happened; low by
 *   the moment's age for one that happened before the first answer. Timers never stall at 0:00.
 *   A gateway behind cannot be seen without the header. A header that a moment contradicts (the
 *   moment lies more than a second past what the header allows) is a proxy's clock, not the
 *   gateway's: it is ignored from then on, and the moments bound the offset as without one.
 * The bounds of successive answers are intersected, so the estimate sharpens towards the round
 * trip. A contradiction (a clock was set) or a jump of the desktop's clock starts again from the
 * newest answer. The estimate is 0 while 0 is within the bounds (no correction for clocks that
 * agree to within what can be measured), else the middle of the bounds (the lower bound when
 * there is no upper one). Listeners hear of it only when it moves by a quarter second or more.
 */
export interface GatewayClock {
  /** The offset in ms: gateway time = desktop time + offset. 0 until an answer says otherwise. */
  readonly read: () => number;
  /** Calls `listener` when `read()` changes; returns the unsubscribe. */
  readonly subscribe: (listener: () => void) => () => void;
  /**
   * Learns from one successful answer: when the request was sent and the answer received (desktop
   * epoch ms), the answer's `Date` header (or `null`), and the call it carried.
   */
  readonly observe: (sentAt: number, receivedAt: number, dateHeader: string | null, call: CallInfo | null) => void;
}

/** Desktop clock readings further than this from the monotonic clock's mean the desktop's clock was set. */
const JUMP_MS = 1_000;
/** Smaller moves of the estimate are not worth a re-render (timers show whole seconds). */
const PUBLISH_MS = 250;

export function createGatewayClock(): GatewayClock {
  const listeners = new Set<() => void>();
  let low = -Infinity;
  let high = Infinity;
  let published = 0;
  /** Desktop time minus monotonic time at the last answer, to notice the desktop's clock being set. */
  let wallMinusMono: number | undefined;
  /** The `Date` header turned out to be another clock than the one stamping the call's moments. */
  let headerIsOtherClock = false;

  return {
    read: () => published,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    observe(sentAt, receivedAt, dateHeader, call) {
      const date = Date.parse(dateHeader ?? '');
      const momentsLow = latestMoment(call) - receivedAt;
      // A moment later than the header's clock allows (with a second to spare) means the header is
      // not the clock that stamps the calls: a proxy's (nginx sends its own Date by default). From
      // then on, only the moments count.
      if (momentsLow > date + 2_000 - sentAt) headerIsOtherClock = true;
      const [sampleLow, sampleHigh] =
        date === date && !headerIsOtherClock ? [date - receivedAt, date + 1_000 - sentAt] : [momentsLow, Infinity];

      const drift = receivedAt - performance.now();
      const jumped = wallMinusMono !== undefined && Math.abs(drift - wallMinusMono) > JUMP_MS;
      wallMinusMono = drift;
      if (jumped || sampleLow > high || sampleHigh < low) {
        low = sampleLow;
        high = sampleHigh;
      } else {
        low = Math.max(low, sampleLow);
        high = Math.min(high, sampleHigh);
      }

      const estimate = low <= 0 && high >= 0 ? 0 : high === Infinity ? low : (low + high) / 2;
      if (Math.abs(estimate - published) >= PUBLISH_MS) {
        published = Math.round(estimate);
        listeners.forEach((listener) => listener());
      }
    },
  };
}

/** The latest moment the call reports (began, ended, a trace segment began or ended); -Infinity for none. */
export function latestMoment(call: CallInfo | null): number {
  const trace = call?.trace;
  const spans = trace ? [trace.wait, trace.answer, trace.talk] : [];
  return Math.max(...[call?.beginTime, call?.endTime, ...spans.flatMap((span) => [span.begin, span.end])].map((moment) => moment ?? -Infinity));
}

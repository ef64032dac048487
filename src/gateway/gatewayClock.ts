import type { CallInfo } from './model';

/**
 * What the desktop knows of the gateway's clock: the offset to add to the desktop's time to get
 * the gateway's. Live durations count from the gateway's moments ("talk began at ..."), so they
 * must be read on the gateway's clock: on a desktop 2 minutes behind the gateway every live timer
 * would sit at 0:00 for 2 minutes, on one 2 hours ahead a call just answered would read 2:00:00.
 *
 * Only answers' `Date` headers teach it. A header (whole seconds) was stamped between sending and
 * receiving, so it puts the offset in [date - received, date + 1 s - sent]. Of the last
 * {@link WINDOW} such bounds it keeps the (n/4 + 1)-th highest low and the (n/4 + 1)-th lowest
 * high, so a stray header or two (a proxy, a clock set mid-window) moves nothing; if those
 * contradict each other (the gateway's clock was set), it goes by the median of the bounds'
 * middles until the older headers have left the window. The estimate is 0 while 0 is within the
 * bounds (no correction for clocks that agree to within what can be measured), else their middle.
 * Call moments never move it: one absurd moment in one answer would otherwise move every timer
 * of every agent on the gateway. Without headers (a cross-origin gateway that does not expose
 * `Date`) it keeps its last value, or 0. When the desktop's clock is set (its wall clock jumps
 * against its monotonic clock), what was learnt is moved by the jump. Listeners hear of it only
 * when it moves by a quarter second or more.
 */
export interface GatewayClock {
  /** The offset in ms: gateway time = desktop time + offset. 0 until a `Date` header says otherwise. */
  readonly read: () => number;
  /** Calls `listener` when `read()` changes; returns the unsubscribe. */
  readonly subscribe: (listener: () => void) => () => void;
  /**
   * Learns from one successful answer: when the request was sent and the answer received (desktop
   * epoch ms) and the answer's `Date` header (or `null`). The call it carried is ignored: its
   * moments never move the offset.
   */
  readonly observe: (sentAt: number, receivedAt: number, dateHeader: string | null, call?: CallInfo | null) => void;
}

/** Desktop clock readings further than this from the monotonic clock's mean the desktop's clock was set. */
const JUMP_MS = 1_000;
/** Smaller moves of the estimate are not worth a re-render (timers show whole seconds). */
const PUBLISH_MS = 250;
/** How many of the latest `Date` headers count. */
const WINDOW = 9;

export function createGatewayClock(): GatewayClock {
  const listeners = new Set<() => void>();
  /** [low, high] bounds of the offset from the latest headers, oldest first. */
  let bounds: Array<[number, number]> = [];
  let published = 0;
  /** Desktop time minus monotonic time at the last answer, to notice the desktop's clock being set. */
  let wallMinusMono: number | undefined;
  const nth = (values: number[], k: number) => values.sort((a, b) => a - b)[k]!;

  return {
    read: () => published,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    observe(sentAt, receivedAt, dateHeader) {
      const drift = receivedAt - performance.now();
      const jump = drift - (wallMinusMono ?? drift);
      wallMinusMono = drift;
      // The desktop's clock moved by `jump`: the gateway's is that much less ahead of it.
      if (Math.abs(jump) > JUMP_MS) bounds = bounds.map(([low, high]) => [low - jump, high - jump]);
      const date = Date.parse(dateHeader ?? '');
      if (date === date) bounds = [...bounds, [date - receivedAt, date + 1_000 - sentAt] as [number, number]].slice(-WINDOW);
      const n = bounds.length;
      if (!n) return;

      const k = n >> 2;
      const low = -nth(bounds.map(([low]) => -low), k);
      const high = nth(bounds.map(([, high]) => high), k);
      const estimate =
        low > high ? nth(bounds.map(([low, high]) => (low + high) / 2), n >> 1) : low <= 0 && high >= 0 ? 0 : (low + high) / 2;
      if (Math.abs(estimate - published) >= PUBLISH_MS) {
        published = Math.round(estimate);
        listeners.forEach((listener) => listener());
      }
    },
  };
}

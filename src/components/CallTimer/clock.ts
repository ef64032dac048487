/**
 * The one clock every `CallTimer` on the page shares: a single `setInterval(1000)` that runs only
 * while at least one timer is subscribed, so N timers cost one interval and tick in one commit.
 */
const listeners = new Set<() => void>();
let now = 0;
let interval: ReturnType<typeof setInterval> | undefined;

function tick() {
  now = Date.now();
  listeners.forEach((listener) => listener());
}

/** `useSyncExternalStore` subscribe: starts the interval with the first subscriber, stops it with the last. */
export function subscribeClock(listener: () => void): () => void {
  listeners.add(listener);
  interval ??= setInterval(tick, 1000);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && interval !== undefined) {
      clearInterval(interval);
      interval = undefined;
    }
  };
}

/**
 * `useSyncExternalStore` snapshot: the time of the last tick, refreshed when it is a second or
 * more away from the real clock (first render, throttled background tabs, a changed system clock),
 * so repeated reads within a render agree.
 */
export function readClock(): number {
  const real = Date.now();
  if (Math.abs(real - now) >= 1000) now = real;
  return now;
}

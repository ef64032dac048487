/**
 * What the polling policy (`src/query/pollingPolicy.ts`) predicts, worked out from its exported
 * constants: how many requests a panel may send during an outage, at most and at least.
 */
import { BACKOFF_MAX_MS, BACKOFF_MIN_MS } from '../../../src/query';

/** The backoff base before retry `failures` (1-based): doubling from `minMs`, capped at `BACKOFF_MAX_MS`. */
export function backoffBase(failures: number, minMs = BACKOFF_MIN_MS): number {
  return Math.min(BACKOFF_MAX_MS, minMs * 2 ** Math.min(Math.max(0, failures - 1), 10));
}

/**
 * The requests sent in an outage of `outageMs`, counting the first failed one at time 0 (the worst
 * alignment: the outage begins just as a poll leaves), when each wait is `jitter(base)` and each
 * failure arrives `answerMs` after its request (a timeout; 0 for an instant failure).
 */
function requestsDuring(outageMs: number, wait: (failures: number) => number, answerMs: number): number {
  let t = 0;
  let requests = 0;
  for (let failures = 1; t <= outageMs && requests < 10_000; failures++) {
    requests += 1;
    t += answerMs + wait(failures);
  }
  return requests;
}

/**
 * The most requests the policy allows in `outageMs` of failures: every wait at its shortest
 * (jitter 0, which `Math.random() === 0` gives), the first failure at the outage's first instant.
 */
export function maxRequestsDuringOutage(outageMs: number, { minMs = BACKOFF_MIN_MS, answerMs = 0 } = {}): number {
  return requestsDuring(outageMs, (n) => backoffBase(n, minMs), answerMs);
}

/**
 * The fewest: every wait at its longest (jitter doubles it, still capped at `BACKOFF_MAX_MS`),
 * and the outage beginning just after a good poll (so its first failure comes one `pollMs` later).
 */
export function minRequestsDuringOutage(outageMs: number, { minMs = BACKOFF_MIN_MS, answerMs = 0, pollMs = 0 } = {}): number {
  if (outageMs < pollMs) return 0;
  return requestsDuring(outageMs - pollMs, (n) => Math.min(BACKOFF_MAX_MS, 2 * backoffBase(n, minMs)), answerMs);
}

/** A small deterministic PRNG (mulberry32) for `Math.random` in tests: jitter, but repeatable. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * The times (ms after the outage began) at which the policy sends its requests during an outage
 * with no jitter (`Math.random() === 0`), the first failing request leaving at `firstAt`, each
 * failure known `answerMs` after its request, the next request `wait(failures)` after that.
 */
export function outageRequestTimes(
  outageMs: number,
  { firstAt, answerMs = 0, wait }: { firstAt: number; answerMs?: number; wait: (failures: number) => number },
): number[] {
  const times: number[] = [];
  for (let t = firstAt, failures = 1; t <= outageMs && times.length < 10_000; failures++) {
    times.push(t);
    t += answerMs + wait(failures);
  }
  return times;
}

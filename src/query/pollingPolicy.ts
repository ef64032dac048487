import type { Query } from '@tanstack/react-query';
import type { GatewayError } from '../gateway/GatewayError';
import type { CallInfo } from '../gateway/model';
import type { RefetchIntervalSetting } from './types';

/** Default time between polls. */
export const DEFAULT_POLL_INTERVAL_MS = 3_000;
/** Retry delays after failures grow from about this... */
export const BACKOFF_MIN_MS = 1_000;
/** ...to at most this. */
export const BACKOFF_MAX_MS = 30_000;
/** "The interface is invoked repeatedly" asks for more patience from the first retry. */
const RATE_LIMITED_MIN_MS = 5_000;

type CallInfoQuery = Query<CallInfo | null, GatewayError, CallInfo | null, readonly unknown[]>;

/** Whether the last answer says polling cannot help until something changes (sign-in, auth, config). */
export function isPollingStopped(query: CallInfoQuery): boolean {
  const { error, status } = query.state;
  return status === 'error' && error !== null && !error.retryable;
}

/** Query -> errorUpdateCount at its last success, to count failures in a row without state of our own. */
const errorsAtLastSuccess = new WeakMap<object, number>();

/** How many polls in a row have failed (0 after a success). */
export function consecutiveFailures(query: CallInfoQuery): number {
  const { status, errorUpdateCount } = query.state;
  if (status === 'success') {
    errorsAtLastSuccess.set(query, errorUpdateCount);
    return 0;
  }
  // 'error', or 'pending' again while a query that never succeeded retries.
  return errorUpdateCount - (errorsAtLastSuccess.get(query) ?? 0);
}

/**
 * Delay before retry number `failures` (1-based): doubling from 1 s (5 s when rate-limited),
 * each step jittered up to twice its base so that desktops hit by the same outage do not
 * retry in step, never over 30 s.
 */
export function backoffDelay(failures: number, error: GatewayError | null, random: () => number = Math.random): number {
  const min = error?.kind === 'rate-limited' ? RATE_LIMITED_MIN_MS : BACKOFF_MIN_MS;
  const base = min * 2 ** Math.min(Math.max(0, failures - 1), 10);
  return Math.min(BACKOFF_MAX_MS, Math.round(base * (1 + random())));
}

/**
 * Query -> the backoff drawn for its latest failure. TanStack Query evaluates the interval on
 * every render of every observer and restarts its timer when the number differs, so a fresh
 * draw each time would let a host that re-renders often postpone the retry indefinitely.
 */
const backoffDrawn = new WeakMap<object, { readonly errorUpdateCount: number; readonly delay: number }>();

/**
 * The `refetchInterval` for TanStack Query: the host's setting while answers succeed, backoff
 * after retryable failures, and `false` (stop) after non-retryable ones.
 */
export function pollingInterval(setting: RefetchIntervalSetting | undefined) {
  return (query: CallInfoQuery): number | false => {
    if (isPollingStopped(query)) return false;
    const failures = consecutiveFailures(query);
    if (failures > 0) {
      const { errorUpdateCount, error } = query.state;
      const drawn = backoffDrawn.get(query);
      if (drawn?.errorUpdateCount === errorUpdateCount) return drawn.delay;
      const delay = backoffDelay(failures, error);
      backoffDrawn.set(query, { errorUpdateCount, delay });
      return delay;
    }
    if (typeof setting === 'function') {
      return setting({ callInfo: query.state.data, error: query.state.error });
    }
    return setting ?? DEFAULT_POLL_INTERVAL_MS;
  };
}

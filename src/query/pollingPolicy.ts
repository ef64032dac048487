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
/** The shortest time between polls: a shorter `refetchInterval` is raised to this. */
export const MIN_POLL_INTERVAL_MS = 1_000;
/** "The interface is invoked repeatedly" asks for more patience from the first retry. */
const RATE_LIMITED_MIN_MS = 5_000;

/** A query of one of the gateway's call-data interfaces (`T`: what it answers with). */
// Any answer type: the policy reads only the state.
type GatewayQuery<T = any> = Query<T, GatewayError, T, readonly unknown[]>;

/** Whether the last answer says polling cannot help until something changes (sign-in, auth, config). */
export function isPollingStopped(query: GatewayQuery): boolean {
  // An 'error' status always has its error.
  return query.state.status === 'error' && !query.state.error!.retryable;
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
 * What the backoff needs beyond TanStack Query's own state, which counts failures
 * (`errorUpdateCount`) but not those since the last success, and has no room for a delay.
 */
interface Backoff {
  /** `errorUpdateCount` at the last success: the failures in a row are the ones after it. */
  errorsAtLastSuccess: number;
  /**
   * The delay drawn for failure number `errorUpdateCount`. Drawn once per failure: TanStack Query
   * evaluates the interval on every render of every observer and restarts its timer when the
   * number differs, so a fresh draw each time would let a host that re-renders often postpone
   * the retry indefinitely.
   */
  drawn: { readonly errorUpdateCount: number; readonly delay: number } | null;
  /** Development builds: the too-short `refetchInterval` was reported (once per query, not per poll). */
  warned?: boolean;
}

/** The one place backoff state lives: a record per query, dropped with the query. */
const backoffs = new WeakMap<GatewayQuery, Backoff>();

function backoffOf(query: GatewayQuery): Backoff {
  let backoff = backoffs.get(query);
  if (!backoff) backoffs.set(query, (backoff = { errorsAtLastSuccess: 0, drawn: null }));
  return backoff;
}

/** The wait before the next retry, or `null` when the query is not failing retryably. */
function retryDelay(query: GatewayQuery): number | null {
  if (isPollingStopped(query)) return null;
  const { status, errorUpdateCount, error } = query.state;
  const backoff = backoffOf(query);
  if (status === 'success') {
    backoff.errorsAtLastSuccess = errorUpdateCount;
    return null;
  }
  // 'error', or 'pending' again while a query that never succeeded retries.
  const failures = errorUpdateCount - backoff.errorsAtLastSuccess;
  if (failures <= 0) return null;
  if (backoff.drawn?.errorUpdateCount !== errorUpdateCount) {
    backoff.drawn = { errorUpdateCount, delay: backoffDelay(failures, error) };
  }
  return backoff.drawn.delay;
}

/**
 * When the retry after the last failure is due, epoch ms: the failure's time plus its backoff,
 * which is when TanStack Query's interval timer (restarted by that failure) fires. `null` unless
 * the last request failed and polling goes on. Already past while that retry is on its way, or
 * while the document is hidden (the retry then waits for it to show again).
 */
export function nextRetryAt(query: GatewayQuery): number | null {
  if (query.state.status !== 'error') return null;
  const delay = retryDelay(query);
  return delay === null ? null : query.state.errorUpdatedAt + delay;
}

/**
 * For `refetchOnWindowFocus`, `refetchOnReconnect` and `refetchOnMount`: whether such an event
 * may ask now. Not once polling has stopped, nor before a pending retry is due, so tab switches
 * cannot cut a backoff short (an explicit refresh still asks at once).
 */
export function mayRefetchOnEvent(query: GatewayQuery): boolean {
  return !isPollingStopped(query) && !((nextRetryAt(query) ?? 0) > Date.now());
}

/**
 * The interval the host asked for (a function is asked with the last call and error), a positive
 * one under a second raised to a second; `false` and 0 (or less) mean polling off. The one reading
 * of the setting: the poll, the hook's Guid re-read and the panel's age check all use it.
 * `onRaised` hears of a raised setting (the development warning).
 */
export function askedInterval(
  setting: RefetchIntervalSetting | undefined,
  callInfo: CallInfo | null | undefined,
  error: GatewayError | null,
  onRaised?: (ms: number) => void,
): number | false {
  const ms = typeof setting === 'function' ? setting({ callInfo, error }) : (setting ?? DEFAULT_POLL_INTERVAL_MS);
  if (!((ms as number) > 0 && (ms as number) < MIN_POLL_INTERVAL_MS)) return ms;
  onRaised?.(ms as number);
  return MIN_POLL_INTERVAL_MS;
}

/**
 * The `refetchInterval` for TanStack Query: the host's setting while answers succeed (see
 * `askedInterval`), backoff after retryable failures, and `false` (stop) after non-retryable ones.
 * `spacing` is for the interfaces beside "query call information": their asked interval is
 * multiplied by it, and they do not stop on their own, because they follow the current call's
 * query (the hook disables them while its requests fail), so a Guid that rotated between two
 * requests costs them one interval, not the rest of the shift.
 */
export function pollingInterval<T = CallInfo | null>(setting: RefetchIntervalSetting | undefined, spacing?: (query: GatewayQuery<T>) => number) {
  return (query: GatewayQuery<T>): number | false => {
    if (!spacing && isPollingStopped(query)) return false;
    const delay = retryDelay(query);
    if (delay !== null) return delay;
    const asked = askedInterval(
      setting,
      // A function setting is the host's for the current call; the others are given a number.
      query.state.data as CallInfo | null | undefined,
      query.state.error,
      process.env.NODE_ENV !== 'production'
        ? (ms) => {
            const backoff = backoffOf(query);
            if (backoff.warned) return;
            backoff.warned = true;
            console.warn(`cec-call-panel: refetchInterval ${ms} ms is under the gateway's limit; polling every ${MIN_POLL_INTERVAL_MS} ms instead.`);
          }
        : undefined,
    );
    return asked && spacing ? asked * spacing(query) : asked;
  };
}

/**
 * The polling, event and retry options every interface's query shares: the host's interval
 * (times `spacing`, see `pollingInterval`) with backoff, no polls while the document is hidden
 * (`refetchIntervalInBackground` stays false), no event cutting a backoff short, no retry inside
 * a poll (the next poll is the retry, so a failure shows at once).
 */
export function queryPolicy<T = CallInfo | null>(setting: RefetchIntervalSetting | undefined, spacing?: (query: GatewayQuery<T>) => number) {
  return {
    refetchInterval: pollingInterval<T>(setting, spacing),
    refetchOnWindowFocus: mayRefetchOnEvent,
    refetchOnReconnect: mayRefetchOnEvent,
    refetchOnMount: mayRefetchOnEvent,
    retry: false,
    retryOnMount: false,
    // A second panel mounting right after a poll reuses its answer instead of asking again.
    staleTime: 1_000,
  } as const;
}

import { queryOptions, type UseQueryOptions } from '@tanstack/react-query';
import type { GatewayError } from '../gateway/GatewayError';
import { fetchCallInfo } from '../gateway/fetchCallInfo';
import type { GuidSource } from '../gateway/requestGateway';
import type { GatewayClock } from '../gateway/gatewayClock';
import type { CallInfo } from '../gateway/model';
import { callInfoKeys } from './callInfoKeys';
import { queryPolicy } from './pollingPolicy';
import type { CallInfoConfig } from './types';

/** A `CallInfoConfig` with the provider's defaults filled in, and the gateway's clock to feed. */
export type ResolvedCallInfoConfig = Omit<CallInfoConfig, 'baseUrl' | 'guid'> & {
  baseUrl: string;
  guid: GuidSource;
  clock?: GatewayClock;
};

/**
 * What `callInfoQueryOptions` returns, named with a type every @tanstack/react-query 5 release
 * exports, so the published declarations need no other package and no recent minor.
 */
export type CallInfoQueryOptions = UseQueryOptions<CallInfo | null, GatewayError, CallInfo | null, readonly unknown[]>;


/**
 * The one options factory for "query call information": key, fetcher and polling policy.
 * Use it with `useQuery`, `prefetchQuery` or `ensureQueryData` so they all share one cache entry.
 *
 * Polling: every `refetchInterval` (default 3 s, at least 1 s) while the document is visible;
 * after a retryable failure, backoff from 1 s to 30 s with jitter, which focus, visibility,
 * reconnect and mount events do not cut short; after a failure that retrying cannot
 * fix (signed out, authentication expired, invalid request or agent ID) no more requests until
 * the config changes or something calls `refetch`/`invalidateQueries` (see `refreshCallInfo`).
 * Failures are not retried inside a poll (the next poll is the retry), so the panel learns of a
 * failure at once and can mark the call stale.
 */
export function callInfoQueryOptions(config: ResolvedCallInfoConfig): CallInfoQueryOptions {
  const { agentId, baseUrl, isNoContainLastCall, select } = config;
  return queryOptions<CallInfo | null, GatewayError, CallInfo | null, readonly unknown[]>({
    queryKey: callInfoKeys.detail(agentId, baseUrl, isNoContainLastCall),
    // The config names every option of the request as `fetchCallInfo` does.
    queryFn: ({ signal }) => fetchCallInfo({ ...config, signal }),
    // `undefined` is TanStack Query's default: enabled.
    enabled: config.enabled,
    // TanStack Query shares the selected call structurally with the last one, so a selection
    // that comes out equal keeps its reference and re-renders nothing.
    ...(select === undefined ? {} : { select: (call: CallInfo | null) => call && select(call) }),
    ...queryPolicy(config.refetchInterval),
  });
}

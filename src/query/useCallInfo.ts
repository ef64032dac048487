import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useSyncExternalStore } from 'react';
import type { GatewayError } from '../gateway/GatewayError';
import type { CallInfo } from '../gateway/model';
import { callInfoQueryOptions, type ResolvedCallInfoConfig } from './callInfoQueryOptions';
import { useCallInfoDefaults } from './CallInfoProvider';
import { gatewayClockFor } from './gatewayClocks';
import { nextRetryAt } from './pollingPolicy';
import type { CallInfoConfig, UseCallInfoResult } from './types';

/**
 * Polls "query call information" for one agent and returns the call.
 *
 * - Polls every `refetchInterval` (default 3000 ms), never while the document is hidden.
 * - Retryable failures (network, timeout, 5xx, bad answers, rate limits) back off from 1 s to
 *   30 s; the last good call stays in `callInfo` with `isStale: true`, and `nextRetryAt` says
 *   when the next request goes.
 * - Failures retrying cannot fix (`not-signed-in`, `auth-expired`, `invalid-request`,
 *   `invalid-agent-id`) stop polling until the config or the Guid string changes or
 *   `refresh()` (or `refreshCallInfo`) is called.
 * - Hooks for the same agent and gateway share one request and one cache entry.
 * - `clockOffset` says how far the gateway's clock is from the desktop's, learnt from its answers.
 *
 * Needs the host's `QueryClientProvider`. `baseUrl`, `guid` and `fetch` default to the
 * nearest `CallInfoProvider`'s.
 *
 * @example
 * const { callInfo, error, isStale } = useCallInfo({ agentId: '60015', guid: () => session.guid });
 */
export function useCallInfo(config: CallInfoConfig): UseCallInfoResult {
  const queryClient = useHostQueryClient();
  const defaults = useCallInfoDefaults();
  const guid = config.guid ?? defaults.guid ?? '';
  const baseUrl = config.baseUrl ?? defaults.baseUrl ?? '';
  const clock = gatewayClockFor(queryClient, baseUrl);
  const resolved: ResolvedCallInfoConfig = {
    ...config,
    baseUrl,
    guid,
    fetch: config.fetch ?? defaults.fetch,
    timeoutMs: config.timeoutMs ?? defaults.timeoutMs,
    clock,
  };
  const options = callInfoQueryOptions(resolved);
  const query = useQuery(options, queryClient);
  const clockOffset = useSyncExternalStore(clock.subscribe, clock.read, clock.read);

  const { refetch } = query;
  const { queryKey } = options;
  const refresh = useCallback(async () => {
    // Cancel a request on its way first: TanStack Query folds a refetch into a first request
    // (no data yet) whatever `cancelRefetch` says, and it may predate what the host knows.
    void queryClient.cancelQueries({ queryKey });
    await refetch();
    // `queryKey` is made of the agent, the base URL and isNoContainLastCall: new only when they change.
  }, [refetch, queryClient, config.agentId, baseUrl, config.isNoContainLastCall]);

  // A new Guid string is the host's answer to "authentication expired": ask again with it.
  const previousGuid = useRef(guid);
  useEffect(() => {
    if (previousGuid.current === guid) return;
    previousGuid.current = guid;
    if (typeof guid === 'string' && queryClient.getQueryState<CallInfo | null, GatewayError>(options.queryKey)?.error?.kind === 'auth-expired') {
      void refetch();
    }
  });

  // Getters, not a spread: TanStack Query re-renders only for the fields a component reads.
  return {
    get callInfo() {
      return query.data;
    },
    get error() {
      return query.error ?? null;
    },
    get isStale() {
      return query.isError && query.data !== undefined;
    },
    get isLoading() {
      return query.isLoading;
    },
    get isFetching() {
      return query.isFetching;
    },
    get lastUpdatedAt() {
      return query.dataUpdatedAt === 0 ? null : query.dataUpdatedAt;
    },
    get nextRetryAt() {
      // Reads (so tracks) `isError` and `errorUpdatedAt` only: they change with each failure and
      // with the recovery, not with healthy polls or a retry's request on its way.
      const { isError, errorUpdatedAt } = query;
      if (!isError || errorUpdatedAt === 0) return null;
      const cached = queryClient.getQueryCache().find<CallInfo | null, GatewayError>({ queryKey: options.queryKey, exact: true });
      return cached ? nextRetryAt(cached) : null;
    },
    clockOffset,
    refresh,
    query,
  };
}

function useHostQueryClient(): QueryClient {
  try {
    return useQueryClient();
  } catch {
    throw new Error(
      'cec-call-panel: useCallInfo and <CallInfoPanel> need a QueryClient. Wrap your app in ' +
        '<QueryClientProvider client={new QueryClient()}> from @tanstack/react-query.',
    );
  }
}

import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useSyncExternalStore } from 'react';
import { failedGuid, readGuid } from '../gateway/requestGateway';
import type { GatewayClock } from '../gateway/gatewayClock';
import type { GatewayError } from '../gateway/GatewayError';
import type { CallInfo } from '../gateway/model';
import { callInfoQueryOptions, type ResolvedCallInfoConfig } from './callInfoQueryOptions';
import { useCallInfoDefaults } from './CallInfoProvider';
import { coordinatorFor, type Coordinator } from './crossTab';
import { gatewayClockFor } from './gatewayClocks';
import { DEFAULT_POLL_INTERVAL_MS, askedInterval, nextRetryAt } from './pollingPolicy';
import type { CallInfoConfig, UseCallInfoResult } from './types';

/**
 * Polls "query call information" for one agent and returns the call.
 *
 * - Polls every `refetchInterval` (default 3000 ms), never while the document is hidden.
 * - Retryable failures (network, timeout, 5xx, bad answers, rate limits) back off from 1 s to
 *   30 s; the last good call stays in `callInfo` with `isStale: true`, and `nextRetryAt` says
 *   when the next request goes.
 * - Failures retrying cannot fix (`not-signed-in`, `auth-expired`, `invalid-request`,
 *   `invalid-agent-id`) stop polling until the config changes or `refresh()` (or
 *   `refreshCallInfo`) is called. No Guid yet (empty, or a getter that yields nothing, throws or
 *   rejects) is `not-signed-in`, with no request. After such a failure (and `100-006`, `100-008`,
 *   `000-003`) the Guid source is read once per interval: a Guid other than the one that failed
 *   asks again at once.
 * - Hooks for the same agent and gateway share one request and one cache entry.
 * - Tabs of one origin showing the same agent and gateway poll once: one leader asks and shares
 *   its answers and errors with the others (`crossTab`, default on; see crossTab.ts).
 * - `clockOffset` says how far the gateway's clock is from the desktop's, learnt from its answers.
 *
 * Needs the host's `QueryClientProvider`. `baseUrl`, `guid` and `fetch` default to the
 * nearest `CallInfoProvider`'s.
 *
 * @example
 * const { callInfo, error, isStale } = useCallInfo({ agentId: '60015', guid: () => session.guid });
 */
export function useCallInfo(config: CallInfoConfig): UseCallInfoResult {
  return useCurrentCall(config).result;
}

/** What the current call's hook knows beyond its result, for `useAgentCalls` (internal). */
export interface CurrentCall {
  readonly result: UseCallInfoResult;
  readonly queryClient: QueryClient;
  readonly resolved: ResolvedCallInfoConfig & { clock: GatewayClock };
  /** This tab asks the gateway for the agent (see `useCrossTab`). */
  readonly leading: boolean;
  /** The tab's part in the election, `null` where it polls on its own. */
  readonly coordinator: Coordinator | null;
}

/** `useCallInfo`, with the QueryClient, the resolved config and the tab's lead it worked out once. */
export function useCurrentCall(config: CallInfoConfig): CurrentCall {
  const [queryClient, resolved] = useResolvedConfig(config);
  const { guid, baseUrl, clock } = resolved;
  const [leading, coordinator, barredBy] = useCrossTab(queryClient, resolved);
  // A follower tab asks nothing: the leader's answers reach its cache (see crossTab.ts).
  const options = callInfoQueryOptions(leading ? resolved : { ...resolved, enabled: false });
  const query = useQuery(options, queryClient);
  const clockOffset = useSyncExternalStore(clock.subscribe, clock.read, clock.read);

  const { refetch } = query;
  const { queryKey } = options;
  const refresh = useCallback(async () => {
    // A follower's refresh is the leader's to carry out, once for every tab; with polling
    // stopped (signed out, expired) this tab's own Guid may be the newer one: it takes the lead.
    if (!leading && coordinator) {
      if (queryClient.getQueryState<CallInfo | null, GatewayError>(queryKey)?.error?.retryable !== false) return coordinator.forwardRefresh();
      await coordinator.takeLead();
    }
    // Cancel a request on its way first: TanStack Query folds a refetch into a first request
    // (no data yet) whatever `cancelRefetch` says, and it may predate what the host knows.
    void queryClient.cancelQueries({ queryKey });
    await refetch();
    // `queryKey` is made of the agent, the base URL and isNoContainLastCall: new only when they change.
  }, [refetch, queryClient, config.agentId, baseUrl, config.isNoContainLastCall, leading, coordinator]);

  // Signed out or expired: no request, but the Guid source is read each interval (a changed
  // string at once), and a Guid other than the one that failed asks again at once. An effect,
  // not `refetchInterval`: a refetch would clear the error of a query with no data yet.
  const error = query.error;
  const following = !leading && !!coordinator;
  // What stopped this tab asking: its failure, or the lead it gave back because its own Guid
  // failed where another tab's worked (crossTab.ts).
  const stop = (following && barredBy) || (error?.retryable === false && config.enabled !== false ? error : null);
  // The Guid that failed. A follower of another tab's failure never learns it (it is not posted):
  // its own Guid source's first reading after the failure is the one to differ from ('').
  const failed = !stop ? undefined : stop === barredBy ? (failedGuid(stop) ?? '') : following ? '' : failedGuid(stop);
  // Read even while polling is off: a stopped session still looks for the next Guid.
  const every = askedInterval(config.refetchInterval, query.data, error) || DEFAULT_POLL_INTERVAL_MS;
  const latestGuid = useRef(guid);
  latestGuid.current = guid;
  const baseline = useRef<{ readonly stop: GatewayError; readonly guid: string }>(undefined);
  useEffect(() => {
    if (failed === undefined) return;
    const check = async () => {
      const next = await readGuid(latestGuid.current);
      if (!following) {
        if (next && next !== failed) void refetch({ cancelRefetch: false });
      } else if (baseline.current?.stop !== stop) baseline.current = { stop: stop!, guid: failed || next };
      else if (next && next !== baseline.current.guid) {
        // A new Guid here: this tab leads (which lifts a bar) and asks at once with it.
        await coordinator!.takeLead();
        void refetch({ cancelRefetch: false });
      }
    };
    if (typeof guid === 'string' || (following && baseline.current?.stop !== stop)) void check();
    const timer = setInterval(check, every);
    return () => clearInterval(timer);
  }, [stop, typeof guid === 'string' && guid, every, following]);

  // `onError` once as each kind of failure begins; '' once an answer has come. A query with no
  // answer yet clears its error while it retries: that keeps the kind last told.
  const told = useRef<string>(undefined);
  const kind = error ? error.kind : query.data === undefined ? told.current : '';
  useEffect(() => {
    if (kind !== told.current && (told.current = kind)) config.onError?.(error!);
  }, [kind]);

  // Getters, not a spread: TanStack Query re-renders only for the fields a component reads.
  const result: UseCallInfoResult = {
    get callInfo() {
      return query.data;
    },
    get error() {
      return error ?? null;
    },
    get isStale() {
      return query.isError && query.data !== undefined;
    },
    get isLoading() {
      // A follower waits for the leader's first answer: loading, though it sends nothing.
      return query.isLoading || (!leading && config.enabled !== false && query.isPending);
    },
    get isFetching() {
      return query.isFetching;
    },
    get lastUpdatedAt() {
      return query.dataUpdatedAt || null; // 0 before the first answer
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
  return { result, queryClient, resolved, leading, coordinator };
}

/**
 * Whether this tab asks the gateway for the agent: the leader among the tabs showing it (see
 * crossTab.ts), or every tab where they cannot coordinate or `crossTab` is `false`. A disabled
 * hook "leads" and asks nothing.
 */
function useCrossTab(
  queryClient: QueryClient,
  config: ResolvedCallInfoConfig,
): [leading: boolean, coordinator: Coordinator | null, barredBy: GatewayError | null] {
  const { agentId, baseUrl, isNoContainLastCall } = config;
  const intervalMs = askedInterval(config.refetchInterval, undefined, null) || DEFAULT_POLL_INTERVAL_MS;
  // A disabled hook sits the election out: leading, it would ask nothing for the tabs that follow.
  const coordinator = config.crossTab === false || config.enabled === false ? null : coordinatorFor(queryClient, { agentId, baseUrl, isNoContainLastCall, intervalMs });
  const subscribe = useCallback((onChange: () => void) => coordinator?.subscribe(onChange) ?? (() => {}), [coordinator]);
  const leading = useSyncExternalStore(subscribe, () => coordinator?.isLeader() ?? true, () => true);
  const barredBy = useSyncExternalStore(subscribe, () => coordinator?.barredBy() ?? null, () => null);
  return [leading, coordinator, barredBy];
}

/** The host's QueryClient, and `config` with the nearest `CallInfoProvider`'s defaults and the gateway's clock. */
function useResolvedConfig<C extends CallInfoConfig>(config: C): [QueryClient, C & ResolvedCallInfoConfig & { clock: GatewayClock }] {
  const queryClient = useHostQueryClient();
  const defaults = useCallInfoDefaults();
  const baseUrl = config.baseUrl ?? defaults.baseUrl ?? '';
  return [
    queryClient,
    {
      ...config,
      baseUrl,
      guid: config.guid ?? defaults.guid ?? '',
      fetch: config.fetch ?? defaults.fetch,
      timeoutMs: config.timeoutMs ?? defaults.timeoutMs,
      clock: gatewayClockFor(queryClient, baseUrl),
    },
  ];
}

function useHostQueryClient(): QueryClient {
  try {
    return useQueryClient();
  } catch {
    throw new Error('cec-call-panel needs a QueryClientProvider above it.');
  }
}

import { queryOptions, type UseQueryOptions } from '@tanstack/react-query';
import { fetchAllCallIds, fetchCallInfoByCallId } from '../gateway/fetchAgentCalls';
import type { GatewayError } from '../gateway/GatewayError';
import type { CallInfo } from '../gateway/model';
import type { ResolvedCallInfoConfig } from './callInfoQueryOptions';
import { callInfoKeys } from './callInfoKeys';
import { queryPolicy } from './pollingPolicy';

/**
 * The config of the interfaces beside "query call information": the same gateway, agent and
 * Guid, and the interval as a number (`useAgentCalls` passes the current call's; default 3000 ms).
 */
export type AgentCallsQueryConfig = Omit<ResolvedCallInfoConfig, 'refetchInterval' | 'select' | 'isNoContainLastCall' | 'onError'> & {
  refetchInterval?: number | false;
};

export type AllCallIdsQueryOptions = UseQueryOptions<string[], GatewayError, string[], readonly unknown[]>;
export type CallInfoByCallIdQueryOptions = UseQueryOptions<CallInfo | null, GatewayError, CallInfo | null, readonly unknown[]>;

/**
 * The options factory for "call IDs of all the agent's calls" (`allcallid`). Asked every
 * interval while the agent has two calls or more, every third one while it has one or none:
 * a consultation's first moments are caught by `useAgentCalls`, which asks again at once when
 * the current call changes.
 */
export function allCallIdsQueryOptions(config: AgentCallsQueryConfig): AllCallIdsQueryOptions {
  return queryOptions<string[], GatewayError, string[], readonly unknown[]>({
    queryKey: callInfoKeys.allCallIds(config.agentId, config.baseUrl),
    queryFn: ({ signal }) => fetchAllCallIds({ ...config, signal }),
    enabled: config.enabled,
    ...queryPolicy<string[]>(config.refetchInterval, ({ state }) => ((state.data?.length ?? 0) > 1 ? 1 : 3)),
  });
}

/** The options factory for "call information by call ID" (`callinfobycallid/{callId}`), asked every interval. */
export function callInfoByCallIdQueryOptions(config: AgentCallsQueryConfig & { callId: string }): CallInfoByCallIdQueryOptions {
  return queryOptions<CallInfo | null, GatewayError, CallInfo | null, readonly unknown[]>({
    queryKey: callInfoKeys.byCallId(config.agentId, config.baseUrl, config.callId),
    queryFn: ({ signal }) => fetchCallInfoByCallId({ ...config, signal }),
    enabled: config.enabled,
    ...queryPolicy<CallInfo | null>(config.refetchInterval, () => 1),
  });
}

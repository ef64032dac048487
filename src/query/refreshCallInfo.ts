import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { callInfoKeys } from './callInfoKeys';
import { followersOf } from './crossTab';

/**
 * "Refresh now": asks the gateway again for the agent's call at once instead of at the next
 * poll (cancelling a request already on its way, which may predate the event), and resumes
 * polling that a non-retryable failure had stopped. Call it from the host's
 * gateway event loop on events such as `AgentEvent_Incoming_CallInfo` or the end of a call.
 * Without `agentId`, every agent's call information is refreshed.
 *
 * @example
 * onAgentEvent((event) => { if (event.type === 'AgentEvent_Incoming_CallInfo') refreshCallInfo(queryClient, '60015'); });
 */
export function refreshCallInfo(queryClient: QueryClient, agentId?: string): Promise<void> {
  // Where another tab leads for the agent, it asks, once for every tab.
  for (const follower of followersOf(queryClient, agentId)) follower.forwardRefresh();
  const filters = { queryKey: agentId === undefined ? callInfoKeys.all : callInfoKeys.agent(agentId) };
  // A request on its way may predate the event: cancel it, so the new one is not folded into it
  // (TanStack Query's `cancelRefetch` leaves alone a first request, one with no data yet).
  void queryClient.cancelQueries(filters);
  return queryClient.invalidateQueries(filters);
}

/** `refreshCallInfo` bound to the host's QueryClient, for use inside React. */
export function useRefreshCallInfo(): (agentId?: string) => Promise<void> {
  const queryClient = useQueryClient();
  return useCallback((agentId?: string) => refreshCallInfo(queryClient, agentId), [queryClient]);
}

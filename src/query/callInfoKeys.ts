/**
 * Query keys of call information. Every variable the request uses is in the key except the
 * Guid, which is a credential and must not end up in a cache key, a devtools panel or a log.
 */
export const callInfoKeys = {
  /** Every call-information query of this library. */
  all: ['cec-call-panel', 'callinfo'] as const,
  /** Every query for one agent, whatever the base URL or options (what "refresh now" targets). */
  agent: (agentId: string) => [...callInfoKeys.all, agentId] as const,
  /** One request: agent, gateway and options. */
  detail: (agentId: string, baseUrl: string, isNoContainLastCall: boolean | undefined) =>
    [...callInfoKeys.agent(agentId), { baseUrl, isNoContainLastCall: isNoContainLastCall ?? null }] as const,
  /** The IDs of all the agent's calls (`allcallid`) on one gateway. */
  allCallIds: (agentId: string, baseUrl: string) => [...callInfoKeys.agent(agentId), 'allcallid', { baseUrl }] as const,
  /** One of the agent's calls by its ID (`callinfobycallid`) on one gateway. */
  byCallId: (agentId: string, baseUrl: string, callId: string) =>
    [...callInfoKeys.agent(agentId), 'callinfobycallid', callId, { baseUrl }] as const,
};

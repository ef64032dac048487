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
};

// Internal barrel for tests; the public API is src/index.ts.
export { callInfoKeys } from './callInfoKeys';
export { callInfoQueryOptions } from './callInfoQueryOptions';
export type { CallInfoQueryOptions, ResolvedCallInfoConfig } from './callInfoQueryOptions';
export { CallInfoProvider, useCallInfoDefaults } from './CallInfoProvider';
export type { CallInfoDefaults, CallInfoProviderProps } from './CallInfoProvider';
export { BACKOFF_MAX_MS, BACKOFF_MIN_MS, DEFAULT_POLL_INTERVAL_MS, backoffDelay } from './pollingPolicy';
export { refreshCallInfo, useRefreshCallInfo } from './refreshCallInfo';
export type { AgentCallsConfig, CallInfoConfig, RefetchIntervalSetting, UseAgentCallsResult, UseCallInfoResult } from './types';
export { useCallInfo } from './useCallInfo';
export { useAgentCalls } from './useAgentCalls';
export { allCallIdsQueryOptions, callInfoByCallIdQueryOptions } from './agentCallsQueryOptions';
export type { AgentCallsQueryConfig, AllCallIdsQueryOptions, CallInfoByCallIdQueryOptions } from './agentCallsQueryOptions';

// Internal barrel for tests; the public API is src/index.ts.
export * from './codes';
export { fetchCallInfo, callInfoPath } from './fetchCallInfo';
export type { FetchCallInfoOptions } from './fetchCallInfo';
export { fetchAllCallIds, fetchCallInfoByCallId } from './fetchAgentCalls';
export type { FetchCallInfoByCallIdOptions } from './fetchAgentCalls';
export { isValidAgentId, DEFAULT_TIMEOUT_MS } from './requestGateway';
export type { GatewayRequestOptions, GuidSource } from './requestGateway';
export { createGatewayClock } from './gatewayClock';
export type { GatewayClock } from './gatewayClock';
export { GatewayError, isGatewayError } from './GatewayError';
export type { GatewayErrorDetails } from './GatewayError';
export type { CallInfo, CallPhase, CallTrace, DirectMode, EpochMs, TraceReason, TraceSpan } from './model';
export { derivePhase } from './normalizeCallInfo';
export { parseCallInfoResponse } from './parseCallInfoResponse';
export { callInfoResponseSchema, callInfoSchema } from './schema';
export { allCallIdsResponseSchema, callInfoByCallIdResponseSchema } from './agentCallsSchema';
export type { CallInfoResponse, WireResult, WireTrace } from './schema';

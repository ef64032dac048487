// Internal barrel for tests; the public API is src/index.ts.
export * from './codes';
export { fetchCallInfo, isValidAgentId, callInfoPath, DEFAULT_TIMEOUT_MS } from './fetchCallInfo';
export type { FetchCallInfoOptions, GuidSource } from './fetchCallInfo';
export { createGatewayClock } from './gatewayClock';
export type { GatewayClock } from './gatewayClock';
export { GatewayError, isGatewayError } from './GatewayError';
export type { GatewayErrorDetails } from './GatewayError';
export type { CallInfo, CallPhase, CallTrace, DirectMode, EpochMs, TraceReason, TraceSpan } from './model';
export { derivePhase } from './normalizeCallInfo';
export { parseCallInfoResponse } from './parseCallInfoResponse';
export { callInfoResponseSchema, callInfoSchema } from './schema';
export type { CallInfoResponse, WireResult, WireTrace } from './schema';

/**
 * `cec-call-panel/simulator`: a deterministic CC-Gateway for stories, tests and demos: "query
 * call information" and its siblings `allcallid` and `callinfobycallid/{callid}`, for agents with
 * one call or several. Browser-safe; the HTTP server is in `./node`.
 */
export { GatewaySimulator, DEFAULT_AGENT_ID } from './GatewaySimulator';
export type { GatewaySimulatorOptions, SimulatorState } from './GatewaySimulator';
export type {
  AgentCallView,
  AgentView,
  CallTarget,
  ConsultOptions,
  ReleaseOptions,
  SetScenarioOptions,
  SimulatedAgentOptions,
  StartCallOptions,
} from './SimulatedAgent';
export { SCENARIOS, SCENARIO_IDS, SCENARIO_LIST, SCENARIO_EPOCH_MS, isScenarioId } from './scenarios';
export type { Scenario, ScenarioCall, ScenarioContext, ScenarioId } from './scenarios';
export type { CallEvent, CallScript, CallStep, CallTemplate, SimDevice } from './CallScript';
export type { SimCallPhase } from './foldCallSteps';
export { faults } from './faults';
export { createMswHandlers } from './mswHandlers';
export type { MswHttp } from './mswHandlers';
export type { Fault, FaultKind } from './faults';
export type { ActiveFault, FaultOptions } from './FaultBoard';
export type { RequestLog, RequestLogEntry, RequestOutcome } from './RequestLog';
export { SimulatorError } from './SimulatorError';
export type { SimulatorErrorCode } from './SimulatorError';
export { DEFAULT_WIRE_STYLE } from './wire';
export type { WireCallById, WireCallIds, WireCallInfo, WireEnvelope, WireNumber, WireStyle, WireTrace } from './wire';
export type { GatewayRoute, GatewayRouteKind } from './callInfoRoute';
export { GATEWAY_REASON_TEXTS } from './reasonTexts';
export { longCallData } from './longCallData';

/**
 * `cec-call-panel`: the public API, written out. Every name here is a semver promise; anything
 * not listed is internal and may change in any release. test/package/exports.test.ts holds the
 * list of runtime names, so a change to it is a visible diff.
 */

// The panel, the view and its parts.
export { CallInfoPanel, type CallInfoPanelProps } from './components/CallInfoPanel/CallInfoPanel';
export { CallInfoView, type CallInfoViewPart, type CallInfoViewProps } from './components/CallInfoView/CallInfoView';
export {
  DEFAULT_SECTIONS,
  type CallInfoExtraSection,
  type CallInfoFreshness,
  type CallInfoSection,
  type CallInfoStatus,
} from './components/CallInfoView/types';
export { CallParties, type CallPartiesPart, type CallPartiesProps } from './components/CallParties/CallParties';
export { SkillTag, type SkillTagPart, type SkillTagProps } from './components/SkillTag/SkillTag';
export { MediaBadge, type MediaBadgePart, type MediaBadgeProps } from './components/MediaBadge/MediaBadge';
export { CallTypeBadge, type CallTypeBadgePart, type CallTypeBadgeProps } from './components/CallTypeBadge/CallTypeBadge';
export { CallTimer, type CallTimerPart, type CallTimerProps } from './components/CallTimer/CallTimer';
export { TraceTimeline, type TraceTimelinePart, type TraceTimelineProps } from './components/TraceTimeline/TraceTimeline';
export { CallDataView, type CallDataViewPart, type CallDataViewProps } from './components/CallDataView/CallDataView';
export type { CallDataOptions } from './components/CallDataView/callDataOptions';
export {
  decodeCallData,
  type CallDataDecodeOptions,
  type CallDataEntries,
  type CallDataField,
  type CallDataValue,
  type ParsedCallData,
} from './components/CallDataView/decodeCallData';
export { CallLegs, type CallLegsPart, type CallLegsProps } from './components/CallLegs/CallLegs';
export type { FormatNumber, NumberDisplayOptions, NumberRole } from './components/internal/partyNumber';
export { CallDetails, type CallDetailsPart, type CallDetailsProps } from './components/CallDetails/CallDetails';

// The hooks, the options factory, its keys, and "refresh now".
export { useCallInfo } from './query/useCallInfo';
export { useAgentCalls } from './query/useAgentCalls';
export type { AgentCallsConfig, CallInfoConfig, RefetchIntervalSetting, UseAgentCallsResult, UseCallInfoResult } from './query/types';
export {
  allCallIdsQueryOptions,
  callInfoByCallIdQueryOptions,
  type AgentCallsQueryConfig,
  type AllCallIdsQueryOptions,
  type CallInfoByCallIdQueryOptions,
} from './query/agentCallsQueryOptions';
export { callInfoQueryOptions, type CallInfoQueryOptions, type ResolvedCallInfoConfig } from './query/callInfoQueryOptions';
export { callInfoKeys } from './query/callInfoKeys';
export { refreshCallInfo, useRefreshCallInfo } from './query/refreshCallInfo';
export { CallInfoProvider, type CallInfoDefaults, type CallInfoProviderProps } from './query/CallInfoProvider';

// The gateway client, its wire schemas and its errors.
export { fetchCallInfo, type FetchCallInfoOptions } from './gateway/fetchCallInfo';
export { fetchAllCallIds, fetchCallInfoByCallId, type FetchCallInfoByCallIdOptions } from './gateway/fetchAgentCalls';
export type { GatewayRequestOptions, GuidSource } from './gateway/requestGateway';
export { parseCallInfoResponse } from './gateway/parseCallInfoResponse';
export { callInfoResponseSchema, callInfoSchema, type CallInfoResponse, type WireResult, type WireTrace } from './gateway/schema';
export { allCallIdsResponseSchema, callInfoByCallIdResponseSchema } from './gateway/agentCallsSchema';
export { GatewayError, isGatewayError, type GatewayErrorDetails } from './gateway/GatewayError';
export type {
  AbilityKind,
  CallTypeKind,
  Coded,
  DeviceKind,
  DirectModeKind,
  GatewayErrorKind,
  MediaKind,
  ReasonKind,
} from './gateway/codes';
export type { CallInfo, CallPhase, CallTrace, DirectMode, EpochMs, TraceReason, TraceSpan } from './gateway/model';
export type { GatewayClock } from './gateway/gatewayClock';

// Languages and theme.
export { I18nProvider, type I18nProviderProps } from './i18n/I18nProvider';
export { en } from './i18n/messages/en';
export type { CallDirection, MessageKey, MessageValues, Messages } from './i18n/Messages';
export type { ColorScheme, Density } from './theme/types';

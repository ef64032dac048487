// Internal barrel for tests and stories; the public API is src/index.ts.
export * from './CallParties/CallParties';
export * from './SkillTag/SkillTag';
export * from './MediaBadge/MediaBadge';
export * from './CallTypeBadge/CallTypeBadge';
export { directionOf } from './CallTypeBadge/directionOf';
export * from './CallTimer/CallTimer';
export * from './TraceTimeline/TraceTimeline';
export * from './CallDataView/CallDataView';
export { parseCallData, type ParsedCallData } from './CallDataView/parseCallData';
export * from './CallDetails/CallDetails';
export * from './CallInfoView/CallInfoView';
export * from './CallInfoView/types';
export * from './CallInfoPanel/CallInfoPanel';
export * from './CallLegs/CallLegs';

export { TraceTimeline, type TraceTimelinePart, type TraceTimelineProps } from './TraceTimeline';

import type { CallInfo, CallTrace, EpochMs, TraceReason, TraceSpan } from '../../src/gateway/model';
import { NOW } from '../../test/fixtures/callInfos';

/**
 * The shared fixtures are pinned to a fixed `NOW` (tests fake the clock). A story runs on the real
 * clock, so it moves every moment of a fixture by `now - NOW`: a call that is 1:05 old in the
 * tests is 1:05 old when the story renders, and its timers tick from there.
 */
export function rebaseTime(time: EpochMs, now: number): EpochMs {
  return time === null ? null : time + (now - NOW);
}

function rebaseSpan(span: TraceSpan, now: number): TraceSpan {
  return { begin: rebaseTime(span.begin, now), end: rebaseTime(span.end, now) };
}

/** A trace with every moment moved to the story's clock. */
export function rebaseTrace<T extends CallTrace | null | undefined>(trace: T, now: number): T {
  if (!trace) return trace;
  const moved: CallTrace = {
    ...trace,
    wait: rebaseSpan(trace.wait, now),
    answer: rebaseSpan(trace.answer, now),
    talk: rebaseSpan(trace.talk, now),
  };
  return moved as T;
}

/** A call with every moment moved to the story's clock (`null`/`undefined` pass through). */
export function rebaseCall<T extends CallInfo | null | undefined>(call: T, now: number): T {
  if (!call) return call;
  const moved: CallInfo = {
    ...call,
    beginTime: rebaseTime(call.beginTime, now),
    endTime: rebaseTime(call.endTime, now),
    trace: rebaseTrace(call.trace, now),
  };
  return moved as T;
}

/** A reason as the normaliser makes it, for stories that need one no fixture has. */
export function reason(code: number, kind: TraceReason['kind'], gatewayText: string | null = null): TraceReason {
  return { code, kind, gatewayText };
}

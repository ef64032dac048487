import type { CallScript } from './CallScript';
import { foldCallSteps, type SimCallPhase } from './foldCallSteps';
import { renderCall, toLastCall } from './renderCall';
import type { WireCallInfo, WireStyle } from './wire';

/** Where a script's call is placed in time, and how its answers are shaped. */
export interface CallContext {
  /** Epoch ms the script's step times count from. */
  readonly startedAt: number;
  readonly callid: string;
  /** Epoch ms the agent signed in (for `logontimes`). */
  readonly signedInAt: number;
  readonly style: WireStyle;
}

/** A script's call at one moment. */
export interface CallSnapshot {
  readonly phase: SimCallPhase;
  /** The call in progress, `null` before its first step and after its release. */
  readonly current: WireCallInfo | null;
  /** The released call as the last call, `null` until it is released. */
  readonly last: WireCallInfo | null;
}

/** Evaluates a script `elapsedMs` after its start (a `null` script is no call at all). */
export function evaluateCall(script: CallScript | null, elapsedMs: number, context: CallContext): CallSnapshot {
  if (script === null) return { phase: 'not-started', current: null, last: null };
  const state = foldCallSteps(script.template, script.steps, elapsedMs, context.startedAt);
  if (state.phase === 'not-started') return { phase: state.phase, current: null, last: null };
  const render = (at: number) =>
    renderCall(script.template, state, {
      now: at,
      callid: context.callid,
      logonSeconds: (at - context.signedInAt) / 1000,
      style: context.style,
    });
  if (state.phase === 'released') {
    return { phase: state.phase, current: null, last: toLastCall(render(state.endTime ?? context.startedAt + elapsedMs)) };
  }
  return { phase: state.phase, current: render(context.startedAt + elapsedMs), last: null };
}

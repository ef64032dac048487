import type { CallScript } from './CallScript';
import { evaluateCall } from './evaluateCall';
import { foldCallSteps, sortSteps, type SimCallPhase } from './foldCallSteps';
import type { WireCallInfo, WireStyle } from './wire';

/** Where an agent's calls are placed in time, and how their answers are shaped. */
export interface CallsContext {
  /** Epoch ms every script's step times count from. */
  readonly startedAt: number;
  /** The call ID of the script at `index`, whose first step is at epoch ms `beganAt`. */
  readonly callidOf: (index: number, beganAt: number) => string;
  /** Epoch ms the agent signed in (for `logontimes`). */
  readonly signedInAt: number;
  readonly style: WireStyle;
}

/** One of an agent's calls at one moment. */
export interface CallLeg {
  /** The script's position in the agent's list of scripts. */
  readonly index: number;
  readonly callid: string;
  readonly phase: SimCallPhase;
  /** Epoch ms of the call's first step. */
  readonly beganAt: number;
  /** Epoch ms of the hold the call is in, `null` unless it is held. */
  readonly heldAt: number | null;
  /** Epoch ms of its release, `null` until then. */
  readonly endedAt: number | null;
  /** The call with its trace while it is live, `null` otherwise. */
  readonly current: WireCallInfo | null;
  /** The call as the last call once released, `null` before. */
  readonly last: WireCallInfo | null;
}

/** An agent's calls at one moment. */
export interface CallsSnapshot {
  /** The live calls (queued, ringing, talking, held), in the order they began. */
  readonly live: readonly CallLeg[];
  /**
   * The call "query call information" answers with: the most recently begun live call that is
   * not held; if every live call is held, the most recently held one; `null` with no live call.
   */
  readonly current: CallLeg | null;
  /** The most recently released call, as the last call. */
  readonly last: WireCallInfo | null;
  /** The current call's phase; with none live, `'released'` once a call has ended, else `'not-started'`. */
  readonly phase: SimCallPhase;
}

const LIVE_PHASES: readonly SimCallPhase[] = ['queued', 'ringing', 'talking', 'held'];

/** Evaluates every script `elapsedMs` after the common start. */
export function evaluateCalls(scripts: readonly CallScript[], elapsedMs: number, context: CallsContext): CallsSnapshot {
  const legs: CallLeg[] = [];
  scripts.forEach((script, index) => {
    const steps = sortSteps(script.steps);
    const first = steps[0];
    if (first === undefined || first.at > elapsedMs) return;
    const beganAt = context.startedAt + first.at;
    // A fixed call ID in the template is the one the call is sent with, so it is the one listed.
    const callid = script.template.callid ?? context.callidOf(index, beganAt);
    const snap = evaluateCall(script, elapsedMs, { startedAt: context.startedAt, callid, signedInAt: context.signedInAt, style: context.style });
    const state = foldCallSteps(script.template, script.steps, elapsedMs, context.startedAt);
    let heldAt: number | null = null;
    for (const step of steps) {
      if (step.at > elapsedMs) break;
      if (step.event === 'hold') heldAt = context.startedAt + step.at;
      else if (step.event === 'unhold' || step.event === 'release') heldAt = null;
    }
    legs.push({ index, callid, phase: snap.phase, beganAt, heldAt: snap.phase === 'held' ? heldAt : null, endedAt: state.endTime, current: snap.current, last: snap.last });
  });

  // Stable: calls that began at the same moment keep their script order.
  const live = legs.filter((leg) => LIVE_PHASES.includes(leg.phase)).sort((a, b) => a.beganAt - b.beganAt || a.index - b.index);
  const notHeld = live.filter((leg) => leg.phase !== 'held');
  const held = live.filter((leg) => leg.phase === 'held');
  const current = notHeld.at(-1)
    ?? held.reduce<CallLeg | null>((best, leg) => (best === null || (leg.heldAt ?? leg.beganAt) >= (best.heldAt ?? best.beganAt) ? leg : best), null);
  const released = legs.filter((leg) => leg.phase === 'released');
  const lastLeg = released.reduce<CallLeg | null>((best, leg) => (best === null || (leg.endedAt ?? 0) >= (best.endedAt ?? 0) ? leg : best), null);
  return {
    live,
    current,
    last: lastLeg?.last ?? null,
    phase: current?.phase ?? (lastLeg ? 'released' : 'not-started'),
  };
}

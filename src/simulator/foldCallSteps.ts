import type { CallStep, CallTemplate } from './CallScript';
import { gatewayReasonText } from './reasonTexts';

/** Where a simulated call is: before its first step, in the queue, ringing, talking, held, or over. */
export type SimCallPhase = 'not-started' | 'queued' | 'ringing' | 'talking' | 'held' | 'released';

/** A call's state at one moment: epoch-ms times (`null` until they happen) and the trace's device fields. */
export interface CallState {
  readonly phase: SimCallPhase;
  /** When the first step happened (the wire's `begintime`). */
  readonly beginTime: number | null;
  readonly endTime: number | null;
  readonly waitBegin: number | null;
  readonly waitEnd: number | null;
  readonly answerBegin: number | null;
  readonly answerEnd: number | null;
  readonly talkBegin: number | null;
  readonly talkEnd: number | null;
  readonly deviceNo: number;
  readonly deviceType: number;
  readonly callDirectMode: string;
  readonly enterReason: number;
  readonly enterReasonDesc: string;
  readonly leaveReason: number;
  readonly leaveReasonDesc: string;
}

/** The steps in time order (stable for equal times), without changing the input. */
export function sortSteps(steps: readonly CallStep[]): CallStep[] {
  return steps.map((step, index) => ({ step, index }))
    .sort((a, b) => a.step.at - b.step.at || a.index - b.index)
    .map(({ step }) => step);
}

/**
 * The call's state after every step at or before `elapsedMs` (milliseconds since `startedAt`,
 * the scenario's epoch-ms start). Steps are applied in time order.
 */
export function foldCallSteps(
  template: CallTemplate,
  steps: readonly CallStep[],
  elapsedMs: number,
  startedAt: number,
): CallState {
  let state: CallState = {
    phase: 'not-started',
    beginTime: null,
    endTime: null,
    waitBegin: null,
    waitEnd: null,
    answerBegin: null,
    answerEnd: null,
    talkBegin: null,
    talkEnd: null,
    ...template.queueDevice,
    callDirectMode: 'WAIT_DIRECT',
    ...reasons(0, 0),
  };
  for (const step of sortSteps(steps)) {
    if (step.at > elapsedMs || state.phase === 'released') break;
    state = applyStep(template, state, step, startedAt + step.at);
  }
  return state;
}

function applyStep(template: CallTemplate, state: CallState, step: CallStep, t: number): CallState {
  const begun: CallState = { ...state, beginTime: state.beginTime ?? t };
  const next = eventDefaults(template, begun, step, t);
  return {
    ...next,
    ...(step.deviceNo === undefined ? {} : { deviceNo: step.deviceNo }),
    ...(step.deviceType === undefined ? {} : { deviceType: step.deviceType }),
    ...(step.callDirectMode === undefined ? {} : { callDirectMode: step.callDirectMode }),
    ...(step.enterReason === undefined
      ? {}
      : { enterReason: step.enterReason, enterReasonDesc: gatewayReasonText(step.enterReason) }),
    ...(step.enterReasonDesc === undefined ? {} : { enterReasonDesc: step.enterReasonDesc }),
    ...(step.leaveReason === undefined
      ? {}
      : { leaveReason: step.leaveReason, leaveReasonDesc: gatewayReasonText(step.leaveReason) }),
    ...(step.leaveReasonDesc === undefined ? {} : { leaveReasonDesc: step.leaveReasonDesc }),
  };
}

function eventDefaults(template: CallTemplate, s: CallState, step: CallStep, t: number): CallState {
  switch (step.event) {
    case 'queue':
      return {
        ...s, phase: 'queued', waitBegin: s.waitBegin ?? t,
        ...template.queueDevice, callDirectMode: 'WAIT_DIRECT', ...reasons(0, 0),
      };
    case 'leave':
      return { ...s, callDirectMode: 'NORMAL_DIRECT' };
    case 'ring':
      return {
        ...s, phase: 'ringing', waitEnd: s.waitBegin === null ? s.waitEnd : t, answerBegin: t,
        ...template.agentDevice, callDirectMode: 'NORMAL_DIRECT', ...reasons(0, 0),
      };
    case 'answer':
      return {
        ...s, phase: 'talking', answerBegin: s.answerBegin ?? t, answerEnd: t, talkBegin: t,
        waitEnd: s.waitBegin !== null && s.waitEnd === null ? t : s.waitEnd,
      };
    case 'hold':
      return { ...s, phase: 'held', callDirectMode: 'KEEP_DIRECT', leaveReason: 18, leaveReasonDesc: gatewayReasonText(18) };
    case 'unhold':
      return { ...s, phase: 'talking', callDirectMode: 'NORMAL_DIRECT', ...reasons(9, 0) };
    case 'release':
      return {
        ...s, phase: 'released', endTime: t, callDirectMode: 'RELEASE_DIRECT',
        waitEnd: s.waitBegin !== null && s.waitEnd === null ? t : s.waitEnd,
        answerEnd: s.answerBegin !== null && s.answerEnd === null ? t : s.answerEnd,
        talkEnd: s.talkBegin !== null ? t : s.talkEnd,
        leaveReason: 16, leaveReasonDesc: gatewayReasonText(16),
      };
  }
}

function reasons(enter: number, leave: number) {
  return {
    enterReason: enter,
    enterReasonDesc: gatewayReasonText(enter),
    leaveReason: leave,
    leaveReasonDesc: gatewayReasonText(leave),
  };
}

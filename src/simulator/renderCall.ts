import type { CallTemplate } from './CallScript';
import type { CallState } from './foldCallSteps';
import type { WireCallInfo, WireNumber, WireStyle, WireTrace } from './wire';

/** What rendering needs beyond the call itself. */
export interface RenderContext {
  /** The moment rendered, epoch ms (for `waitTime` while the call still waits). */
  readonly now: number;
  readonly callid: string;
  /** The agent's total login duration, seconds (3.13 `logontimes`). */
  readonly logonSeconds: number;
  readonly style: WireStyle;
}

const TRACE_TIMES = ['waitBeginTime', 'waitEndTime', 'answerBeginTime', 'answerEndTime', 'talkBeginTime', 'talkEndTime'] as const;

/** Trace fields the reference marks "not available for the last call". */
const NOT_IN_LAST_CALL = ['waitEndTime', 'answerEndTime', 'talkEndTime', 'leaveReason', 'leaveReasonDesc'] as const;

/**
 * The wire `result` for a call in the given state, shaped by `context.style`: `caller`/`called`
 * as strings, `endtime` null while the call goes on, unset trace times as the style says, and
 * only fields 3.1-3.13 when the template is `'basic'` (older gateways).
 */
export function renderCall(template: CallTemplate, state: CallState, context: RenderContext): WireCallInfo {
  const { style } = context;
  const num = (value: number): WireNumber => (style.numbersAsStrings ? String(value) : value);
  const waitMs = state.waitBegin === null ? 0 : (state.waitEnd ?? context.now) - state.waitBegin;

  const result: WireCallInfo = {
    callfeature: num(template.callfeature),
    callid: template.callid ?? context.callid,
    caller: template.caller,
    called: template.called,
    callskill: template.callskill,
    callskillid: num(template.callskillid),
    orgicallednum: template.orgicallednum,
    calldata: template.calldata,
    begintime: state.beginTime === null ? null : num(state.beginTime),
    endtime: state.endTime === null ? null : num(state.endTime),
    userPriority: num(template.userPriority),
    trunkNo: num(template.trunkNo),
    logontimes: num(Math.max(0, Math.floor(context.logonSeconds))),
  };
  if (template.fields === 'basic') return { ...result, ...template.extra };

  const times: Record<(typeof TRACE_TIMES)[number], number | null> = {
    waitBeginTime: state.waitBegin,
    waitEndTime: state.waitEnd,
    answerBeginTime: state.answerBegin,
    answerEndTime: state.answerEnd,
    talkBeginTime: state.talkBegin,
    talkEndTime: state.talkEnd,
  };
  const trace: WireTrace = {};
  for (const key of TRACE_TIMES) {
    const value = times[key];
    if (value !== null) trace[key] = num(value);
    else if (style.unsetTime === 'zero') trace[key] = num(0);
    else if (style.unsetTime === 'null') trace[key] = null;
  }
  Object.assign(trace, {
    deviceNo: num(state.deviceNo),
    deviceType: num(state.deviceType),
    callDirectMode: state.callDirectMode,
    enterReason: num(state.enterReason),
    enterReasonDesc: state.enterReasonDesc,
    leaveReason: num(state.leaveReason),
    leaveReasonDesc: state.leaveReasonDesc,
    vdnId: num(template.vdnId),
  });

  return {
    ...result,
    mediaType: num(template.mediaType),
    ...(template.mediaAbility === null ? {} : { mediaAbility: num(template.mediaAbility) }),
    waitTime: num(Math.max(0, Math.floor(waitMs / 1000))),
    trace,
    ...template.extra,
  };
}

/** The call as the gateway sends it as the agent's last call: without the trace fields the reference says are not available then. */
export function toLastCall(call: WireCallInfo): WireCallInfo {
  if (call.trace === undefined) return { ...call };
  const trace: WireTrace = { ...call.trace };
  for (const key of NOT_IN_LAST_CALL) delete trace[key];
  return { ...call, trace };
}

/**
 * The call as "call information by call ID" sends it: fields 3.1-3.13 and the media type and
 * ability, never the wait time or trace; without `begintime`/`endtime` in the `'omitted'` style.
 */
export function toCallById(call: WireCallInfo, style: WireStyle): WireCallInfo {
  const { trace: _trace, waitTime: _waitTime, ...rest } = call;
  if (style.callByIdTimes !== 'omitted') return rest;
  const { begintime: _begin, endtime: _end, ...untimed } = rest;
  return untimed;
}

/**
 * The call as a gateway whose clock reads `offsetMs` away would report it: every moment (begin,
 * end, trace times) shifted, in the wire type it had; unset times (`null`, `0`, absent) left unset.
 */
export function shiftCallTimes(call: WireCallInfo | null, offsetMs: number): WireCallInfo | null {
  if (call === null || offsetMs === 0) return call;
  const shift = (value: WireNumber | null | undefined) => {
    const ms = Number(value);
    if (value === null || value === undefined || !Number.isFinite(ms) || ms === 0) return value;
    return typeof value === 'string' ? String(ms + offsetMs) : ms + offsetMs;
  };
  const shifted: WireCallInfo = { ...call, begintime: shift(call.begintime), endtime: shift(call.endtime) };
  if (call.trace) {
    const trace: WireTrace = { ...call.trace };
    for (const key of TRACE_TIMES) if (key in trace) trace[key] = shift(trace[key]);
    shifted.trace = trace;
  }
  return shifted;
}

import {
  CALL_TYPES,
  DEVICE_TYPES,
  DIRECT_MODES,
  MEDIA_ABILITIES,
  MEDIA_TYPES,
  REASONS,
  lookupCode,
} from './codes';
import type { CallInfo, CallPhase, CallTrace, DirectMode, TraceReason } from './model';
import type { WireResult, WireTrace } from './schema';

/** The wire's "no trunk". */
const NO_TRUNK = 65535;

/** Maps a validated wire result to the `CallInfo` the panel shows. */
export function normalizeCallInfo(wire: WireResult): CallInfo {
  const trace = wire.trace ? normalizeTrace(wire.trace) : null;
  const endTime = wire.endtime;
  return {
    callId: wire.callid.trim(),
    caller: wire.caller,
    called: wire.called,
    originalCalled: wire.orgicallednum === '' ? null : wire.orgicallednum,
    skill: { id: wire.callskillid, name: wire.callskill },
    callType: wire.callfeature === null ? null : lookupCode(CALL_TYPES, wire.callfeature),
    media: wire.mediaType === null ? null : lookupCode(MEDIA_TYPES, wire.mediaType),
    ability: wire.mediaAbility === null ? null : lookupCode(MEDIA_ABILITIES, wire.mediaAbility),
    beginTime: wire.begintime,
    endTime,
    waitSeconds: wire.waitTime,
    priority: wire.userPriority,
    trunkNo: wire.trunkNo === NO_TRUNK ? null : wire.trunkNo,
    vdnId: wire.trace?.vdnId ?? null,
    logonSeconds: wire.logontimes,
    callData: wire.calldata,
    trace,
    phase: derivePhase(endTime, trace),
  };
}

function normalizeTrace(wire: WireTrace): CallTrace {
  return {
    wait: { begin: wire.waitBeginTime, end: wire.waitEndTime },
    answer: { begin: wire.answerBeginTime, end: wire.answerEndTime },
    talk: { begin: wire.talkBeginTime, end: wire.talkEndTime },
    device: {
      no: wire.deviceNo,
      type: wire.deviceType === null ? null : lookupCode(DEVICE_TYPES, wire.deviceType),
    },
    directMode: normalizeDirectMode(wire.callDirectMode),
    enterReason: normalizeReason(wire.enterReason, wire.enterReasonDesc),
    leaveReason: normalizeReason(wire.leaveReason, wire.leaveReasonDesc),
  };
}

function normalizeDirectMode(raw: string): DirectMode | null {
  const mode = raw.trim();
  if (mode === '') return null;
  return {
    raw: mode,
    kind: Object.hasOwn(DIRECT_MODES, mode) ? DIRECT_MODES[mode as keyof typeof DIRECT_MODES] : 'unknown',
  };
}

function normalizeReason(code: number | null, text: string): TraceReason | null {
  if (code === null) return null;
  return { ...lookupCode(REASONS, code), gatewayText: text.trim() === '' ? null : text };
}

/**
 * The phase, from the most advanced moment the gateway reports. An end time or an ended talk
 * means the call is over. A wait or ringing that ended with nothing after it (the call moved
 * on, say to another device) and a call without a trace are `in-progress`: not guessed.
 */
export function derivePhase(endTime: number | null, trace: CallTrace | null): CallPhase {
  if (endTime !== null) return 'ended';
  if (trace === null) return 'in-progress';
  const { wait, answer, talk } = trace;
  if (talk.begin !== null) {
    if (talk.end !== null) return 'ended';
    return trace.directMode?.kind === 'held' ? 'held' : 'talking';
  }
  if (answer.begin !== null) return answer.end === null ? 'ringing' : 'in-progress';
  if (wait.begin !== null) return wait.end === null ? 'queued' : 'in-progress';
  return 'in-progress';
}

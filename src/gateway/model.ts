import type {
  AbilityKind,
  CallTypeKind,
  Coded,
  DeviceKind,
  DirectModeKind,
  MediaKind,
  ReasonKind,
} from './codes';

/** Epoch milliseconds, or `null` for a moment that has not happened (the wire's null, 0 or absence). */
export type EpochMs = number | null;

/**
 * Where the call is, derived from its trace and end time:
 * - `queued`: waiting in a queue, not yet offered to an agent;
 * - `ringing`: offered to an agent, not yet answered;
 * - `talking`: in conversation;
 * - `held`: in conversation, put on hold (the trace's `callDirectMode` is `KEEP_DIRECT`);
 * - `ended`: over (this is how the agent's previous call always reads);
 * - `in-progress`: the call goes on but the gateway sent no trace to tell which phase
 *   (older gateways omit it), so the panel does not guess.
 */
export type CallPhase = 'queued' | 'ringing' | 'talking' | 'held' | 'ended' | 'in-progress';

/** A span of the call's track on the device: begin and end, each null until it happens. */
export interface TraceSpan {
  readonly begin: EpochMs;
  readonly end: EpochMs;
}

/** Why the call entered or left a device. */
export interface TraceReason extends Coded<ReasonKind> {
  /** The gateway's own description, shown as secondary text; `null` when it sent none. */
  readonly gatewayText: string | null;
}

/** How the call left the device (`callDirectMode`); `raw` keeps the wire value. */
export interface DirectMode {
  readonly raw: string;
  readonly kind: DirectModeKind | 'unknown';
}

/** The call's track on the current device. */
export interface CallTrace {
  readonly wait: TraceSpan;
  readonly answer: TraceSpan;
  readonly talk: TraceSpan;
  readonly device: {
    readonly no: number | null;
    readonly type: Coded<DeviceKind> | null;
  };
  readonly directMode: DirectMode | null;
  readonly enterReason: TraceReason | null;
  readonly leaveReason: TraceReason | null;
}

/** One call, as the panel shows it: every field normalised, every code named. */
export interface CallInfo {
  readonly callId: string;
  /** Calling number, exactly as received (a string: leading `+` and `0` survive). */
  readonly caller: string;
  /** Called number, exactly as received. */
  readonly called: string;
  /** Original called number, `null` when empty. */
  readonly originalCalled: string | null;
  readonly skill: { readonly id: number | null; readonly name: string };
  readonly callType: Coded<CallTypeKind> | null;
  /** `null` when the gateway omits it (older gateways do). */
  readonly media: Coded<MediaKind> | null;
  readonly ability: Coded<AbilityKind> | null;
  readonly beginTime: EpochMs;
  readonly endTime: EpochMs;
  readonly waitSeconds: number | null;
  /** Customer level (`userPriority`). */
  readonly priority: number | null;
  /** Trunk number; `null` for none (the wire's 65535). */
  readonly trunkNo: number | null;
  readonly vdnId: number | null;
  readonly logonSeconds: number | null;
  /** Call-associated data: free, untrusted text; `''` when none. */
  readonly callData: string;
  /** `null` when the gateway sent no trace. */
  readonly trace: CallTrace | null;
  readonly phase: CallPhase;
}

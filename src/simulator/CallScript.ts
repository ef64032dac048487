/**
 * A call as data: the fields that stay fixed for the call, and a timeline of steps over the
 * clock. {@link foldCallSteps} turns the steps up to a moment into the call's state, and
 * {@link renderCall} turns that into the wire `result`.
 */

/** A device the call can sit on: the trace's `deviceNo` and `deviceType`. */
export interface SimDevice {
  readonly deviceNo: number;
  /** 1 call queue, 2 agent, 3 automatic flow, 4 conference resource, 5 paired call, 6 agent queue, 7 common call. */
  readonly deviceType: number;
}

/** The fields that stay the same for the whole call. */
export interface CallTemplate {
  /** 3.1 call type (`callfeature`). */
  readonly callfeature: number;
  /** 3.2 a fixed call ID; default: made by the simulator from the start time, `"1476838963-224"` style. */
  readonly callid?: string;
  readonly caller: string;
  readonly called: string;
  readonly callskill: string;
  readonly callskillid: number;
  readonly orgicallednum: string;
  /** 3.8 call-associated data: free, untrusted text. */
  readonly calldata: string;
  readonly userPriority: number;
  /** 65535 is the gateway's "no trunk". */
  readonly trunkNo: number;
  /** 3.14 media type. */
  readonly mediaType: number;
  /** 3.15 media ability; `null` leaves the field out. */
  readonly mediaAbility: number | null;
  /** Where the call waits before it is offered (`queue` steps). */
  readonly queueDevice: SimDevice;
  /** Where the call rings and is talked on (`ring` steps). */
  readonly agentDevice: SimDevice;
  readonly vdnId: number;
  /** `'basic'` sends only fields 3.1-3.13, as older gateways do. Default `'full'`. */
  readonly fields?: 'full' | 'basic';
  /** Extra fields newer gateways add, sent as they are. */
  readonly extra?: Readonly<Record<string, unknown>>;
}

/**
 * What happens at a step:
 * - `queue`: the call waits on the queue device (wait starts, if it had not);
 * - `leave`: the call leaves its device without being answered (overflow, timeout...);
 * - `ring`: offered to the agent (wait ends, answer starts);
 * - `answer`: the conversation starts;
 * - `hold` / `unhold`: the call is held / taken back;
 * - `release`: the call ends and becomes the agent's last call.
 */
export type CallEvent = 'queue' | 'leave' | 'ring' | 'answer' | 'hold' | 'unhold' | 'release';

/** One step of a call's timeline. Trace fields given here override the event's defaults. */
export interface CallStep {
  /** Milliseconds after the scenario's start. */
  readonly at: number;
  readonly event: CallEvent;
  readonly deviceNo?: number;
  readonly deviceType?: number;
  readonly callDirectMode?: string;
  readonly enterReason?: number;
  /** Default: the gateway's text for `enterReason`. */
  readonly enterReasonDesc?: string;
  readonly leaveReason?: number;
  /** Default: the gateway's text for `leaveReason`. */
  readonly leaveReasonDesc?: string;
}

/** A whole call: its fixed fields and its timeline. */
export interface CallScript {
  readonly template: CallTemplate;
  readonly steps: readonly CallStep[];
}

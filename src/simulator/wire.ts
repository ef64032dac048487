/**
 * The interface's answer as it travels, in the shapes real gateways send (not the shapes the
 * reference states): `caller`/`called` as strings, `endtime` null while the call goes on, trace
 * times `0`, `null` or absent for phases that have not happened, unknown extra fields.
 */

/** A number as the gateway may send it: a number, or (some versions) a numeric string. */
export type WireNumber = number | string;

/** `result.trace`: the call's track on the current device (3.17). */
export interface WireTrace {
  waitBeginTime?: WireNumber | null;
  waitEndTime?: WireNumber | null;
  answerBeginTime?: WireNumber | null;
  answerEndTime?: WireNumber | null;
  talkBeginTime?: WireNumber | null;
  talkEndTime?: WireNumber | null;
  deviceNo?: WireNumber | null;
  deviceType?: WireNumber | null;
  callDirectMode?: string | null;
  enterReason?: WireNumber | null;
  enterReasonDesc?: string | null;
  leaveReason?: WireNumber | null;
  leaveReasonDesc?: string | null;
  vdnId?: WireNumber | null;
  [extra: string]: unknown;
}

/** `result`: one call (3.1-3.17). Fields 3.14-3.17 are absent on older gateways. */
export interface WireCallInfo {
  callfeature?: WireNumber;
  callid?: string;
  caller?: string;
  called?: string;
  callskill?: string;
  callskillid?: WireNumber;
  orgicallednum?: string;
  calldata?: string;
  begintime?: WireNumber | null;
  endtime?: WireNumber | null;
  userPriority?: WireNumber;
  trunkNo?: WireNumber;
  logontimes?: WireNumber;
  mediaType?: WireNumber;
  mediaAbility?: WireNumber;
  waitTime?: WireNumber;
  trace?: WireTrace;
  [extra: string]: unknown;
}

/** The JSON envelope every answer carries. `result` is absent in one "no call" variant. */
export interface WireEnvelope {
  message: string;
  retcode: string | number;
  result?: WireCallInfo | Record<string, never> | null;
}

/** How a simulated gateway shapes its answers; each real-world quirk is one switch. */
export interface WireStyle {
  /** How "no call" is sent: `result: null`, no `result` key, or `result: {}`. Default `'null'`. */
  noCall: 'null' | 'absent' | 'empty-object';
  /** How a trace time for a phase that has not happened is sent. Default `'zero'`. */
  unsetTime: 'zero' | 'null' | 'absent';
  /** `retcode` as the string `"0"` (default) or the number `0`. */
  retcode: 'string' | 'number';
  /** Send numeric fields (codes, IDs, times) as numeric strings. Default `false`. */
  numbersAsStrings: boolean;
  /**
   * How generated call IDs look: `"1476838963-224"` (`'dashed'`, default) or `"1476838963224"`
   * (`'digits'`): real gateways send both.
   */
  callIdFormat?: 'dashed' | 'digits';
  /** `allcallid` for an agent with no call: `result: []` (`'empty-list'`, default) or `result: null`. */
  noCallIds?: 'empty-list' | 'null';
  /** `allcallid` sends digits-only call IDs as JSON numbers, as some gateways do. Default `false`. */
  callIdsAsNumbers?: boolean;
  /** `callinfobycallid`'s `result`: the call as an object (`'object'`, default: real gateways) or a one-element list (`'list'`: the reference). */
  callInfoByCallId?: 'object' | 'list';
  /** `callinfobycallid` sends `begintime`/`endtime` (`'sent'`, default) or leaves them out (`'omitted'`). */
  callByIdTimes?: 'sent' | 'omitted';
}

/** `allcallid`'s `result`: the agent's call IDs in the order the calls began (strings, or numbers in one style), or `null` in one "none" style. */
export type WireCallIds = Array<string | number> | null;

/** `callinfobycallid`'s `result`: fields 3.1-3.13 (plus media type and ability) without trace; an object, a one-element list, or `null` for a call the agent does not have. */
export type WireCallById = WireCallInfo | [WireCallInfo] | null;

/** The style of a current gateway: `result: null`, unset times `0`, `retcode: "0"`, real numbers, dashed call IDs, by-call-ID answers as objects with times. */
export const DEFAULT_WIRE_STYLE: Readonly<WireStyle> = Object.freeze({
  noCall: 'null',
  unsetTime: 'zero',
  retcode: 'string',
  numbersAsStrings: false,
  callIdFormat: 'dashed',
  noCallIds: 'empty-list',
  callIdsAsNumbers: false,
  callInfoByCallId: 'object',
  callByIdTimes: 'sent',
});

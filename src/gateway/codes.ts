/**
 * The gateway's code tables, as data. Each table maps a wire code to a stable, named kind;
 * the UI's message catalogue has one entry per kind (`callType.incoming`, `reason.overflow`...),
 * typed from these tables, so adding a row here without words there fails the build.
 *
 * Source: the CC-Gateway reference for "query call information" (see the README).
 */

/** `callfeature`: the call type. */
export const CALL_TYPES = {
  0: 'incoming',
  6: 'internal',
  7: 'outgoing',
  40: 'reserved-outbound',
  41: 'presold-outbound',
  43: 'predicted-outbound',
  44: 'preview-outbound',
  45: 'reserved-callback',
  51: 'consult-two-party',
  52: 'consult-three-party',
  53: 'conference',
} as const satisfies Record<number, string>;

/** `mediaType`: the medium the call is carried on. */
export const MEDIA_TYPES = {
  1: 'text-chat',
  2: 'click-to-dial',
  4: 'callback-request',
  5: 'voice',
  15: 'predicted-outbound',
  16: 'preview-outbound',
  17: 'message',
  19: 'video',
  51: 'web-chat',
  53: 'social-chat',
} as const satisfies Record<number, string>;

/** `mediaAbility`: what the call can carry. */
export const MEDIA_ABILITIES = {
  1: 'voice',
  2: 'video',
  3: 'voice-video',
} as const satisfies Record<number, string>;

/** `trace.deviceType`: the kind of device the call is on. */
export const DEVICE_TYPES = {
  1: 'queue',
  2: 'agent',
  3: 'ivr-flow',
  4: 'conference',
  5: 'paired-call',
  6: 'agent-queue',
  7: 'common-call',
} as const satisfies Record<number, string>;

/** `trace.callDirectMode`: why the call left the device. */
export const DIRECT_MODES = {
  NORMAL_DIRECT: 'normal',
  KEEP_DIRECT: 'held',
  WAIT_DIRECT: 'waiting',
  RELEASE_DIRECT: 'released',
} as const satisfies Record<string, string>;

/** `trace.enterReason` / `trace.leaveReason`: why the call entered or left a device. */
export const REASONS = {
  0: 'normal',
  1: 'overflow',
  2: 'timeout',
  3: 'no-agent-on-duty',
  4: 'queuing-cancelled',
  5: 'agent-no-answer',
  6: 'suspended-resumed',
  7: 'held-connected',
  8: 'three-party-help',
  9: 'unheld',
  10: 'three-party-call',
  11: 'help-requester-released',
  12: 'intercepted',
  13: 'picked-up',
  14: 'no-called-analysis',
  15: 'user-released',
  16: 'agent-released',
  17: 'transferred-out',
  18: 'held',
  19: 'internal-error',
  20: 'called-busy',
  21: 'line-busy',
  22: 'phone-powered-off',
  23: 'phone-out-of-service',
  24: 'number-invalid',
  25: 'no-acd-resource',
  26: 'user-no-answer',
  27: 'called-rejected',
  28: 'connected-to-queue',
  29: 'three-party-to-queue',
  30: 'connected-to-queue-timeout',
  31: 'three-party-to-queue-timeout',
  34: 'network-queue-failed',
  35: 'network-queue-origin',
  36: 'queue-rerouted',
  37: 'cdn-inbound',
  38: 'cdn-consultation',
  39: 'cdn-routing-result',
  40: 'cdn-routing-timeout',
  41: 'agent-cancelled-consultation',
  42: 'pgr-cdn-timeout',
  43: 'pgr-cdn-normal',
  44: 'pgr-inbound',
  45: 'pgr-consultation',
  46: 'cdn-agent-unreachable',
  47: 'multi-queue',
  48: 'answered-from-slave-queue',
  50: 'agent-rejected',
  51: 'joined-conference',
  52: 'conference-released',
  53: 'removed-from-conference',
  54: 'completion-rate-low',
  88: 'user-hung-up',
  89: 'user-on-hook',
} as const satisfies Record<number, string>;

export type CallTypeKind = (typeof CALL_TYPES)[keyof typeof CALL_TYPES];
export type MediaKind = (typeof MEDIA_TYPES)[keyof typeof MEDIA_TYPES];
export type AbilityKind = (typeof MEDIA_ABILITIES)[keyof typeof MEDIA_ABILITIES];
export type DeviceKind = (typeof DEVICE_TYPES)[keyof typeof DEVICE_TYPES];
export type DirectModeKind = (typeof DIRECT_MODES)[keyof typeof DIRECT_MODES];
export type ReasonKind = (typeof REASONS)[keyof typeof REASONS];

/** Failures a client can meet, named for what the caller should do about them. */
export type GatewayErrorKind =
  | 'invalid-agent-id'
  | 'network'
  | 'timeout'
  | 'http'
  | 'bad-response'
  | 'not-signed-in'
  | 'auth-expired'
  | 'invalid-request'
  | 'rate-limited'
  | 'switching-over'
  | 'gateway';

/** `retcode` values the reference documents, with the kind each maps to. */
export const RETCODES = {
  '000-001': 'gateway',
  '000-002': 'invalid-request',
  '000-003': 'auth-expired',
  '000-004': 'switching-over',
  '000-006': 'invalid-request',
  '000-007': 'rate-limited',
  '100-006': 'not-signed-in',
  '100-007': 'gateway',
  '100-008': 'not-signed-in',
} as const satisfies Record<string, GatewayErrorKind>;

/**
 * Whether retrying the same request can help. Kinds that need the caller or the host to change
 * something first (sign in, re-authenticate, fix the agent ID) are not retryable.
 */
export const RETRYABLE_KINDS = {
  'invalid-agent-id': false,
  network: true,
  timeout: true,
  http: true,
  'bad-response': true,
  'not-signed-in': false,
  'auth-expired': false,
  'invalid-request': false,
  'rate-limited': true,
  'switching-over': true,
  gateway: true,
} as const satisfies Record<GatewayErrorKind, boolean>;

/** A code that came over the wire, with its named kind (`'unknown'` for codes not in the table). */
export interface Coded<K extends string> {
  readonly code: number;
  readonly kind: K | 'unknown';
}

/** Looks a wire code up in a table; unseen codes come back as `'unknown'` with the code kept. */
export function lookupCode<K extends string>(table: Readonly<Record<number, K>>, code: number): Coded<K> {
  return { code, kind: Object.hasOwn(table, code) ? (table[code] as K) : 'unknown' };
}

import { CALL_TYPES, DEVICE_TYPES, DIRECT_MODES, MEDIA_ABILITIES, MEDIA_TYPES, REASONS } from '../../gateway/codes';
import type { MessageKey, Messages } from '../Messages';

/** The keys under `prefix.`, without it: `group('copy', …)` takes `done` for `copy.done`. */
type Group<P extends string> = { [K in MessageKey as K extends `${P}.${infer Rest}` ? Rest : never]: string };

/**
 * One family of messages, written without its key prefix: every key of the family, and no
 * other, or the build fails. Keeps its order (no key is integer-like), so `en` keeps the
 * key order extra locales are compiled in (see scripts/build.mjs).
 */
function group<P extends string>(prefix: P, messages: Group<P>) {
  return Object.fromEntries(Object.entries(messages).map(([key, text]) => [`${prefix}.${key}`, text])) as {
    [K in MessageKey as K extends `${P}.${string}` ? K : never]: string;
  };
}

/**
 * A family of messages for a code table of `src/gateway/codes.ts`, keyed by the code as it comes
 * over the wire: `byCode('reason', REASONS, { 1: … })` gives `reason.overflow`. Every code of the
 * table, and no other, or the build fails. Numeric codes come out in ascending order, as the
 * tables list them.
 */
function byCode<P extends string, T extends Readonly<Record<string | number, string>>>(
  prefix: P,
  table: T,
  messages: { [C in keyof T]: string },
) {
  return Object.fromEntries(Object.entries(messages).map(([code, text]) => [`${prefix}.${table[code]}`, text])) as {
    [Key in `${P}.${T[keyof T] & string}`]: string;
  };
}

/**
 * English, the default catalogue (bundled): the flat `{ 'reason.overflow': … }` every locale has,
 * written in families without their key prefix. The families that put words to a gateway code
 * table are keyed by the code, the others by the rest of the key.
 */
export const en: Messages = {
  ...byCode('callType', CALL_TYPES, {
    0: 'Incoming',
    6: 'Internal',
    7: 'Outgoing',
    40: 'Scheduled outbound',
    41: 'Presold outbound',
    43: 'Predictive outbound',
    44: 'Preview outbound',
    45: 'Scheduled callback',
    51: 'Consultation',
    52: 'Three-way consultation',
    53: 'Conference',
  }),

  ...byCode('media', MEDIA_TYPES, {
    1: 'Text chat',
    2: 'Click to dial',
    4: 'Callback request',
    5: 'Voice',
    15: 'Predictive outbound',
    16: 'Preview outbound',
    17: 'Message',
    19: 'Video',
    51: 'Web chat',
    53: 'Social chat',
  }),

  ...byCode('ability', MEDIA_ABILITIES, {
    1: 'Voice',
    2: 'Video',
    3: 'Voice and video',
  }),

  ...byCode('device', DEVICE_TYPES, {
    1: 'Call queue',
    2: 'Agent',
    3: 'Automatic flow',
    4: 'Conference resource',
    5: 'Paired call',
    6: 'Agent queue',
    7: 'Common call',
  }),

  ...byCode('directMode', DIRECT_MODES, {
    NORMAL_DIRECT: 'Left normally',
    KEEP_DIRECT: 'Held',
    WAIT_DIRECT: 'Waiting',
    RELEASE_DIRECT: 'Released',
  }),

  ...byCode('reason', REASONS, {
    0: 'Normal access or transfer',
    1: 'Transferred on overflow',
    2: 'Transferred on timeout',
    3: 'Transferred because no one is on duty',
    4: 'Transferred when queuing was cancelled',
    5: 'Transferred because the agent did not answer for a long time',
    6: 'Suspended call resumed',
    7: 'Held call connected',
    8: 'Three-party help initiated',
    9: 'Call unheld',
    10: 'Three-party call initiated',
    11: 'Released by the party who asked for internal help',
    12: 'Call intercepted',
    13: 'Call picked up',
    14: 'No called-number analysis configured for the call',
    15: 'The customer released the call',
    16: 'The agent released the call',
    17: 'Call transferred out',
    18: 'Call held',
    19: 'Internal processing error',
    20: 'Called party busy',
    21: 'Line busy',
    22: 'Phone powered off',
    23: 'Phone out of service',
    24: 'Number invalid',
    25: 'No resource available on the ACD',
    26: 'The customer did not answer',
    27: 'The called party rejected the call',
    28: 'Connected call transferred to a queue',
    29: 'Three-party call transferred to a queue',
    30: 'Connected call timed out while being transferred to a queue',
    31: 'Three-party call timed out while being transferred to a queue',
    34: 'Network call failed to queue (timeout, overflow or busy)',
    35: 'Network call queued at the original call center',
    36: 'Queued call rerouted',
    37: 'Entered the CDN through the inbound route',
    38: 'Entered the CDN from agent consultation',
    39: 'The CDN returned the routing result',
    40: 'CDN routing timed out',
    41: 'The agent cancelled the call during consultation',
    42: 'Entered the PGR from a timed-out CDN route',
    43: 'Entered the PGR from a normal CDN route',
    44: 'Entered the PGR through the inbound route',
    45: 'Entered the PGR from agent consultation',
    46: 'The CDN rerouted the call because the agent was unreachable',
    47: 'Call queued in several queues',
    48: 'Call in the master queue answered from a slave queue',
    50: 'The agent rejected the call',
    51: 'The customer joined a conference',
    52: 'Conference released by the chairperson or a server fault',
    53: 'Removed from the conference',
    54: 'Transferred because the completion rate fell below the threshold',
    88: 'The customer hung up after the agent answered',
    89: 'The customer put the phone down after the agent answered',
  }),

  ...group('error', {
    'invalid-agent-id': 'The agent ID is not a valid work number.',
    network: 'Check the network connection. The panel keeps trying.',
    timeout: 'No answer in time. The panel keeps trying.',
    http: 'The gateway answered with an HTTP error.',
    'bad-response': 'Its answer could not be read. The panel keeps trying.',
    'not-signed-in': 'The agent is not signed in.',
    'auth-expired': 'The session has expired.',
    'invalid-request': 'The gateway refused the request as invalid.',
    'rate-limited': 'Too many requests. The panel waits, then tries again.',
    'switching-over': 'The agent is moving to another gateway. The panel tries again shortly.',
    gateway: 'The gateway could not answer this request.',
  }),

  ...group('headline', {
    'invalid-agent-id': 'Agent ID not accepted',
    network: 'Gateway unreachable',
    timeout: 'Gateway slow to answer',
    http: 'Gateway error',
    'bad-response': 'Unreadable answer',
    'invalid-request': 'Request refused',
    'rate-limited': 'Gateway busy',
    'switching-over': 'Switching gateway',
    gateway: 'Gateway error',
  }),

  ...group('phase', {
    queued: 'In queue',
    ringing: 'Ringing',
    ringingChat: 'Offered',
    talking: 'Talking',
    talkingChat: 'Chatting',
    held: 'On hold',
    ended: 'Ended',
    'in-progress': 'In progress',
  }),

  ...group('mediaNoun', {
    'text-chat': 'text chat',
    'click-to-dial': 'click-to-dial call',
    'callback-request': 'callback request',
    voice: 'voice call',
    'predicted-outbound': 'predicted outbound call',
    'preview-outbound': 'previewed outbound call',
    message: 'message',
    video: 'video call',
    'web-chat': 'web chat',
    'social-chat': 'social chat',
    unknown: 'call',
  }),

  ...group('announce.call', {
    incoming: 'Incoming {media} from {party}, skill {skill}',
    outgoing: 'Outgoing {media} to {party}, skill {skill}',
    internal: 'Internal {media} from {party}, skill {skill}',
    consultation: 'Consultation {media} from {party}, skill {skill}',
    conference: 'Conference {media} with {party}, skill {skill}',
    unknown: 'New {media} with {party}, skill {skill}',
  }),
  'announce.ended': 'Call with {party} ended',
  'announce.held': 'Call with {party} on hold',
  'announce.resumed': 'Call with {party} resumed',
  'announce.sessionExpired': 'Session expired. The call shown is no longer updated.',

  unknownCode: 'unknown (code {code})',
  'value.none': 'None',
  'value.notReported': 'Not reported',

  'panel.title': 'Call information',
  ...group('status', {
    loading: 'Loading call information…',
    noCall: 'No call right now',
    live: 'Live call',
    lastCall: 'Last call',
    signedOut: 'Signed out',
    signedOutHint: 'Sign in to the agent gateway to see your calls.',
    authExpired: 'Session expired',
    authExpiredHint: 'Sign in again to keep seeing call information.',
    error: 'Call information could not be loaded',
    stale: 'Not up to date',
    lastUpdated: 'Last updated {time}',
    retryingIn: 'Retrying in {seconds} s',
    holdSince: 'Counted from the first update that showed the hold',
    errorIssues: 'What the answer got wrong (shown in development builds only)',
  }),
  'action.retry': 'Retry',
  'action.reauthenticate': 'Sign in again',
  'action.signIn': 'Sign in',

  ...group('label', {
    caller: 'Caller',
    called: 'Called',
    originalCalled: 'Originally called',
    skill: 'Skill',
    skillId: 'ID {id}',
    callId: 'Call ID',
    priority: 'Customer priority',
    trunk: 'Trunk',
    vdn: 'VDN',
    beginTime: 'Started',
    waitTime: 'Waiting time',
    duration: 'Call duration',
  }),

  ...group('trace', {
    title: 'Call track',
    wait: 'Queue wait',
    answer: 'Ringing',
    talk: 'Talk',
    answerChat: 'Offered',
    talkChat: 'Chat',
    hold: 'On hold',
    notReached: 'Not reached',
    span: '{start} – {end}',
    since: 'since {start}',
    device: 'Device',
    deviceValue: '{type} {no}',
    directMode: 'Left the device',
    enterReason: 'Entered because',
    leaveReason: 'Left because',
    gatewayTextShow: "Gateway's words",
    none: 'No call track reported',
  }),

  ...group('copy', {
    caller: 'Copy caller number {value}',
    called: 'Copy called number {value}',
    originalCalled: 'Copy original called number {value}',
    callId: 'Copy call ID {value}',
    done: 'Copied',
    failed: 'Could not copy',
  }),

  ...group('callData', {
    title: 'Call data',
    expand: 'Show all ({count})',
    expandText: 'Show all',
    collapse: 'Show less',
    empty: 'No call data',
    cut: 'Showing the first 64 KB',
    field: 'Field {position}',
    newTab: '(opens in a new tab)',
  }),

  'calls.label': 'Calls',
};

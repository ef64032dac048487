import type { CallScript, CallStep, CallTemplate } from './CallScript';
import { evaluateCalls } from './evaluateCalls';
import type { SimCallPhase } from './foldCallSteps';
import { longCallData } from './longCallData';
import { DEFAULT_WIRE_STYLE, type WireCallInfo, type WireStyle } from './wire';

/** The named call scripts the simulator can play. */
export const SCENARIO_IDS = [
  'idle',
  'inbound-voice',
  'preview-outbound',
  'predicted-outbound',
  'video-call',
  'web-chat',
  'consult-two-party',
  'consult-three-party',
  'conference',
  'transfer-overflow',
  'transfer-timeout',
  'long-call-data',
  'unknown-codes',
  'older-gateway',
  'consult-customer-held',
  'three-party-conference',
  'inbound-while-held',
] as const;

export type ScenarioId = (typeof SCENARIO_IDS)[number];

/** Where {@link Scenario.resultAt} places the call when not told: the reference's example call. */
export const SCENARIO_EPOCH_MS = 1_476_838_963_000;

/** Optional placement for {@link Scenario.resultAt}. */
export interface ScenarioContext {
  /** Epoch ms of the scenario's start. Default {@link SCENARIO_EPOCH_MS}. */
  startedAt: number;
  /** Default `"{startedAt in seconds}-224"`. */
  callid: string;
  /** Epoch ms the agent signed in. Default one hour before `startedAt`. */
  signedInAt: number;
  /** Default: the scenario's own style over {@link DEFAULT_WIRE_STYLE}. */
  style: WireStyle;
}

/** One of the live calls of a scenario at a moment (see {@link Scenario.callsAt}). */
export interface ScenarioCall {
  readonly callid: string;
  readonly phase: SimCallPhase;
  readonly held: boolean;
  /** The call "query call information" answers with. */
  readonly current: boolean;
  /** The call with its trace, as "query call information" would send it if it were the current one. */
  readonly call: WireCallInfo;
}

/** A named call script, as data, with its answer at any moment. */
export interface Scenario {
  readonly id: ScenarioId;
  readonly title: string;
  readonly description: string;
  /** The call, or `null` for no call at all; in a scenario with several calls, the first one. */
  readonly script: CallScript | null;
  /** Every call of the scenario, in script order: one for most, several for a consultation or conference, none for idle. */
  readonly calls: readonly CallScript[];
  /** The wire quirks this scenario's gateway shows (the rest are the defaults). */
  readonly wire: Readonly<Partial<WireStyle>>;
  /** Milliseconds after the start at which the (last) call is released; `null` if one never is. */
  readonly releaseAt: number | null;
  /**
   * The wire `result` `elapsedMs` after the start: the current call (with several live calls,
   * the most recently begun one not held, else the most recently held), or `null` (none yet, or released).
   */
  resultAt(elapsedMs: number, context?: Partial<ScenarioContext>): WireCallInfo | null;
  /**
   * The live calls `elapsedMs` after the start, in the order they began (what `allcallid`
   * lists). The first call's ID is `context.callid`; the others' are `"{their begin in seconds}-{224 + n}"`.
   */
  callsAt(elapsedMs: number, context?: Partial<ScenarioContext>): readonly ScenarioCall[];
}

const AGENT_DEVICE = { deviceNo: 2005, deviceType: 2 } as const;
const VOICE_QUEUE = { deviceNo: 3001, deviceType: 1 } as const;

const VOICE: CallTemplate = {
  callfeature: 0,
  caller: '013912345678',
  called: '4008001234',
  callskill: 'voice',
  callskillid: 20011,
  orgicallednum: '4008001234',
  calldata: 'lang=en;menu=2',
  userPriority: 0,
  trunkNo: 65535,
  mediaType: 5,
  mediaAbility: 1,
  queueDevice: VOICE_QUEUE,
  agentDevice: AGENT_DEVICE,
  vdnId: 214,
};

const INBOUND_STEPS: readonly CallStep[] = [
  { at: 0, event: 'queue' },
  { at: 8_000, event: 'ring' },
  { at: 12_000, event: 'answer' },
  { at: 40_000, event: 'hold' },
  { at: 55_000, event: 'unhold' },
  { at: 90_000, event: 'release', leaveReason: 15 },
];

function transfer(reason: 1 | 2): readonly CallStep[] {
  return [
    { at: 0, event: 'queue' },
    { at: 20_000, event: 'leave', leaveReason: reason },
    { at: 20_500, event: 'queue', deviceNo: 3002, enterReason: reason },
    { at: 25_000, event: 'ring', enterReason: reason },
    { at: 28_000, event: 'answer' },
    { at: 80_000, event: 'release', leaveReason: 15 },
  ];
}

/** The agent's own leg of an internal consultation it makes (callfeature 51) to colleague 2006. */
export const CONSULT_TEMPLATE: CallTemplate = {
  ...VOICE, callfeature: 51, caller: '60015', called: '2006', orgicallednum: '', callskill: '', callskillid: 0, calldata: '',
};

interface ScenarioDefinition {
  readonly title: string;
  readonly description: string;
  readonly script: CallScript | null;
  /** Several calls at once; `script` is then the first. */
  readonly calls?: readonly CallScript[];
  readonly wire?: Partial<WireStyle>;
}

/** A scenario of several calls, each with its steps on the scenario's clock. */
function multiCall(title: string, description: string, calls: readonly CallScript[]): ScenarioDefinition {
  return { title, description, script: calls[0] ?? null, calls };
}

const DEFINITIONS: Record<ScenarioId, ScenarioDefinition> = {
  idle: {
    title: 'Idle',
    description: 'The agent is signed in and has no call.',
    script: null,
  },
  'inbound-voice': {
    title: 'Inbound voice call',
    description: 'Waits 8 s in the queue, rings 4 s, talk, held 40-55 s, talk, the user hangs up at 90 s; then it is the last call.',
    script: { template: VOICE, steps: INBOUND_STEPS },
  },
  'preview-outbound': {
    title: 'Preview outbound call',
    description: 'The agent previews and dials a customer: rings 6 s, talk, the agent hangs up at 60 s. No queue wait.',
    script: {
      template: { ...VOICE, callfeature: 44, mediaType: 16, caller: '4008001234', called: '013800138000', orgicallednum: '', callskill: 'outbound', callskillid: 20031, calldata: 'campaign=renewals-2024' },
      steps: [{ at: 0, event: 'ring' }, { at: 6_000, event: 'answer' }, { at: 60_000, event: 'release', leaveReason: 16 }],
    },
    wire: { unsetTime: 'null' },
  },
  'predicted-outbound': {
    title: 'Predicted outbound call',
    description: 'The dialler reached a customer and connects the agent: 1.5 s in the agent queue, rings, talk, ends at 75 s.',
    script: {
      template: { ...VOICE, callfeature: 43, mediaType: 15, caller: '4008001234', called: '+8613800138000', orgicallednum: '', callskill: 'outbound', callskillid: 20032, calldata: 'campaign=winback', queueDevice: { deviceNo: 4001, deviceType: 6 } },
      steps: [{ at: 0, event: 'queue' }, { at: 1_500, event: 'ring' }, { at: 3_000, event: 'answer' }, { at: 75_000, event: 'release', leaveReason: 15 }],
    },
  },
  'video-call': {
    title: 'Video call',
    description: 'A voice-and-video call: waits 5 s, rings 4 s, talk, ends at 120 s. Unset trace times are sent as null.',
    script: {
      template: { ...VOICE, caller: '+8613800138000', callskill: 'video', callskillid: 20021, mediaType: 19, mediaAbility: 3, calldata: '' },
      steps: [{ at: 0, event: 'queue' }, { at: 5_000, event: 'ring' }, { at: 9_000, event: 'answer' }, { at: 120_000, event: 'release', leaveReason: 15 }],
    },
    wire: { unsetTime: 'null' },
  },
  'web-chat': {
    title: 'Web chat',
    description: 'A multimedia web chat: waits 3 s, offered, accepted at 5 s, the visitor leaves at 180 s. No media ability; unset trace times are absent; "no call" has no result key.',
    script: {
      template: { ...VOICE, caller: '20001', called: '30001', orgicallednum: '', callskill: 'webchat', callskillid: 20041, mediaType: 51, mediaAbility: null, calldata: 'page=/pricing', queueDevice: { deviceNo: 3005, deviceType: 1 } },
      steps: [{ at: 0, event: 'queue' }, { at: 3_000, event: 'ring' }, { at: 5_000, event: 'answer' }, { at: 180_000, event: 'release', leaveReason: 15 }],
    },
    wire: { unsetTime: 'absent', noCall: 'absent' },
  },
  'consult-two-party': {
    title: 'Two-party consultation',
    description: 'Agent 60016 consults this agent: rings 2 s, talk, the consulting agent ends it at 30 s.',
    script: {
      template: { ...VOICE, callfeature: 51, caller: '60016', called: '60015', orgicallednum: '', callskill: '', callskillid: 0, calldata: '' },
      steps: [{ at: 0, event: 'ring' }, { at: 2_000, event: 'answer' }, { at: 30_000, event: 'release', leaveReason: 11 }],
    },
  },
  'consult-three-party': {
    title: 'Three-party consultation',
    description: 'Agent 60016 brings this agent into its call with a customer (three-party help): rings 2 s, talk, released at 45 s.',
    script: {
      template: { ...VOICE, callfeature: 52, caller: '60016', called: '60015', orgicallednum: '4008001234', callskill: 'voice', calldata: '' },
      steps: [{ at: 0, event: 'ring', enterReason: 8 }, { at: 2_000, event: 'answer' }, { at: 45_000, event: 'release', leaveReason: 11 }],
    },
  },
  conference: {
    title: 'Conference',
    description: 'A multi-party call on a conference resource: joined at once, the chairperson ends it at 120 s.',
    script: {
      template: { ...VOICE, callfeature: 53, caller: '60016', called: '9001', orgicallednum: '', callskill: 'voice', calldata: 'conference=weekly-escalations', agentDevice: { deviceNo: 9001, deviceType: 4 } },
      steps: [{ at: 0, event: 'ring', enterReason: 51 }, { at: 0, event: 'answer' }, { at: 120_000, event: 'release', leaveReason: 52 }],
    },
  },
  'transfer-overflow': {
    title: 'Transferred on overflow',
    description: 'Waits in queue 3001, leaves it on overflow (reason 1) at 20 s, waits in queue 3002, rings at 25 s, talk, ends at 80 s.',
    script: { template: VOICE, steps: transfer(1) },
  },
  'transfer-timeout': {
    title: 'Transferred on timeout',
    description: 'Waits in queue 3001, leaves it on timeout (reason 2) at 20 s, waits in queue 3002, rings at 25 s, talk, ends at 80 s.',
    script: { template: VOICE, steps: transfer(2) },
  },
  'long-call-data': {
    title: 'Long call data',
    description: 'A talking call whose call data is several KB of JSON, markup included (it must be shown as text).',
    script: {
      template: { ...VOICE, calldata: longCallData() },
      steps: [{ at: 0, event: 'ring' }, { at: 3_000, event: 'answer' }, { at: 300_000, event: 'release', leaveReason: 15 }],
    },
  },
  'unknown-codes': {
    title: 'Unknown codes',
    description: 'Codes no table knows: call type 77, media 99, device type 42, enter reason 250, direct mode FOO_DIRECT, and an unknown extra field. Goes on.',
    script: {
      template: { ...VOICE, callfeature: 77, mediaType: 99, extra: { sessionTags: ['vip', 'new-field'], routingScore: 0.87 } },
      steps: [
        { at: 0, event: 'ring', deviceType: 42, enterReason: 250, enterReasonDesc: 'Reason 250', callDirectMode: 'FOO_DIRECT' },
        { at: 2_000, event: 'answer' },
      ],
    },
  },
  'older-gateway': {
    title: 'Older gateway',
    description: 'An inbound voice call from a gateway that sends only fields 3.1-3.13: no media type, ability, wait time or trace. Ends at 60 s.',
    script: {
      template: { ...VOICE, fields: 'basic' },
      steps: [{ at: 0, event: 'queue' }, { at: 4_000, event: 'ring' }, { at: 7_000, event: 'answer' }, { at: 60_000, event: 'release', leaveReason: 15 }],
    },
  },
  'consult-customer-held': multiCall(
    'Consultation, customer held',
    'An inbound customer call (waits 6 s, rings 4 s) is answered; at 20 s the agent holds it and consults colleague 2006 (call type 51), who answers at 24 s; the consultation ends at 45 s; the customer is taken back at 48 s and hangs up at 80 s.',
    [
      { template: VOICE, steps: [
        { at: 0, event: 'queue' }, { at: 6_000, event: 'ring' }, { at: 10_000, event: 'answer' },
        { at: 20_000, event: 'hold' }, { at: 48_000, event: 'unhold' }, { at: 80_000, event: 'release', leaveReason: 15 },
      ] },
      { template: CONSULT_TEMPLATE, steps: [
        { at: 20_000, event: 'ring' }, { at: 24_000, event: 'answer' }, { at: 45_000, event: 'release', leaveReason: 16 },
      ] },
    ],
  ),
  'three-party-conference': multiCall(
    'Three-party conference',
    'The customer (answered at 8 s) is held at 20 s while the agent consults colleague 2006 (call type 52), answered at 24 s; at 40 s the agent joins them (the customer call is taken back into the three-party call): two live calls; the colleague is dropped at 70 s; the customer hangs up at 85 s.',
    [
      { template: VOICE, steps: [
        { at: 0, event: 'queue' }, { at: 5_000, event: 'ring' }, { at: 8_000, event: 'answer' },
        { at: 20_000, event: 'hold' }, { at: 40_000, event: 'unhold', enterReason: 10 }, { at: 85_000, event: 'release', leaveReason: 15 },
      ] },
      { template: { ...CONSULT_TEMPLATE, callfeature: 52, orgicallednum: '4008001234' }, steps: [
        { at: 20_000, event: 'ring' }, { at: 24_000, event: 'answer' }, { at: 70_000, event: 'release', leaveReason: 16 },
      ] },
    ],
  ),
  'inbound-while-held': multiCall(
    'New inbound call while one is held',
    'A customer call (answered at 8 s) is held at 25 s; a second inbound call queues at 27 s, rings at 33 s and is answered at 36 s while the first stays held; the second caller hangs up at 60 s; the first is taken back at 63 s and hangs up at 90 s.',
    [
      { template: VOICE, steps: [
        { at: 0, event: 'queue' }, { at: 5_000, event: 'ring' }, { at: 8_000, event: 'answer' },
        { at: 25_000, event: 'hold' }, { at: 63_000, event: 'unhold' }, { at: 90_000, event: 'release', leaveReason: 15 },
      ] },
      { template: { ...VOICE, caller: '013987654321', calldata: 'lang=en;menu=4' }, steps: [
        { at: 27_000, event: 'queue' }, { at: 33_000, event: 'ring' }, { at: 36_000, event: 'answer' },
        { at: 60_000, event: 'release', leaveReason: 15 },
      ] },
    ],
  ),
};

/** When the scenario's last call is released: `null` when a call is never released. */
function releaseTime(calls: readonly CallScript[]): number | null {
  let end: number | null = null;
  for (const call of calls) {
    const release = call.steps.find((step) => step.event === 'release');
    if (!release) return null;
    end = Math.max(end ?? 0, release.at);
  }
  return end;
}

function defineScenario(id: ScenarioId, definition: ScenarioDefinition): Scenario {
  const wire = Object.freeze({ ...definition.wire });
  const calls = Object.freeze(definition.calls ?? (definition.script === null ? [] : [definition.script]));
  const evaluate = (elapsedMs: number, context: Partial<ScenarioContext>) => {
    const startedAt = context.startedAt ?? SCENARIO_EPOCH_MS;
    return evaluateCalls(calls, elapsedMs, {
      startedAt,
      callidOf: (index, beganAt) =>
        index === 0 ? context.callid ?? `${Math.floor(startedAt / 1000)}-224` : `${Math.floor(beganAt / 1000)}-${224 + index}`,
      signedInAt: context.signedInAt ?? startedAt - 3_600_000,
      style: context.style ?? { ...DEFAULT_WIRE_STYLE, ...wire },
    });
  };
  return Object.freeze({
    id,
    title: definition.title,
    description: definition.description,
    script: definition.script,
    calls,
    wire,
    releaseAt: releaseTime(calls),
    resultAt(elapsedMs: number, context: Partial<ScenarioContext> = {}): WireCallInfo | null {
      return evaluate(elapsedMs, context).current?.current ?? null;
    },
    callsAt(elapsedMs: number, context: Partial<ScenarioContext> = {}): readonly ScenarioCall[] {
      const snap = evaluate(elapsedMs, context);
      return snap.live.flatMap((leg) => leg.current === null ? [] : [{
        callid: leg.callid, phase: leg.phase, held: leg.phase === 'held', current: leg === snap.current, call: leg.current,
      }]);
    },
  });
}

/** Every scenario, by ID. */
export const SCENARIOS: Readonly<Record<ScenarioId, Scenario>> = Object.freeze(
  Object.fromEntries(SCENARIO_IDS.map((id) => [id, defineScenario(id, DEFINITIONS[id])])) as Record<ScenarioId, Scenario>,
);

/** The scenarios in display order, with what a picker needs. */
export const SCENARIO_LIST: readonly Pick<Scenario, 'id' | 'title' | 'description'>[] = Object.freeze(
  SCENARIO_IDS.map((id) => Object.freeze({ id, title: SCENARIOS[id].title, description: SCENARIOS[id].description })),
);

/** Whether `value` names a scenario. */
export function isScenarioId(value: unknown): value is ScenarioId {
  return typeof value === 'string' && (SCENARIO_IDS as readonly string[]).includes(value);
}

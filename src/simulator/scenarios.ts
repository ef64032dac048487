import type { CallScript, CallStep, CallTemplate } from './CallScript';
import { evaluateCall } from './evaluateCall';
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

/** A named call script, as data, with its answer at any moment. */
export interface Scenario {
  readonly id: ScenarioId;
  readonly title: string;
  readonly description: string;
  /** The call, or `null` for no call at all. */
  readonly script: CallScript | null;
  /** The wire quirks this scenario's gateway shows (the rest are the defaults). */
  readonly wire: Readonly<Partial<WireStyle>>;
  /** Milliseconds after the start at which the call is released; `null` if it never is. */
  readonly releaseAt: number | null;
  /** The wire `result` `elapsedMs` after the start: the call in progress, or `null` (none yet, or released). */
  resultAt(elapsedMs: number, context?: Partial<ScenarioContext>): WireCallInfo | null;
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

interface ScenarioDefinition {
  readonly title: string;
  readonly description: string;
  readonly script: CallScript | null;
  readonly wire?: Partial<WireStyle>;
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
};

function defineScenario(id: ScenarioId, definition: ScenarioDefinition): Scenario {
  const wire = Object.freeze({ ...definition.wire });
  const release = definition.script?.steps.find((step) => step.event === 'release');
  return Object.freeze({
    id,
    title: definition.title,
    description: definition.description,
    script: definition.script,
    wire,
    releaseAt: release?.at ?? null,
    resultAt(elapsedMs: number, context: Partial<ScenarioContext> = {}): WireCallInfo | null {
      const startedAt = context.startedAt ?? SCENARIO_EPOCH_MS;
      return evaluateCall(definition.script, elapsedMs, {
        startedAt,
        callid: context.callid ?? `${Math.floor(startedAt / 1000)}-224`,
        signedInAt: context.signedInAt ?? startedAt - 3_600_000,
        style: context.style ?? { ...DEFAULT_WIRE_STYLE, ...wire },
      }).current;
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

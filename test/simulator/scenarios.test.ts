import { describe, expect, it } from 'vitest';
import { CALL_TYPES, DEVICE_TYPES, DIRECT_MODES, MEDIA_ABILITIES, MEDIA_TYPES, REASONS } from '../../src/gateway/codes';
import { callInfoSchema } from '../../src/gateway/schema';
import {
  SCENARIOS,
  SCENARIO_EPOCH_MS,
  SCENARIO_IDS,
  SCENARIO_LIST,
  type ScenarioId,
  type WireCallInfo,
} from '../../src/simulator';

const S = SCENARIO_EPOCH_MS;
const BASIC_FIELDS = [
  'callfeature', 'callid', 'caller', 'called', 'callskill', 'callskillid', 'orgicallednum',
  'calldata', 'begintime', 'endtime', 'userPriority', 'trunkNo', 'logontimes',
];
const TIMES = ['waitBeginTime', 'waitEndTime', 'answerBeginTime', 'answerEndTime', 'talkBeginTime', 'talkEndTime'] as const;

function at(id: ScenarioId, elapsed: number): WireCallInfo {
  const result = SCENARIOS[id].resultAt(elapsed);
  if (result === null) throw new Error(`${id} has no call at ${elapsed} ms`);
  return result;
}

/** The types a real, current gateway sends for a call in progress. */
function expectWireTypes(call: WireCallInfo, now: number): void {
  expect(call.callid).toMatch(/^\d{10}-\d+$/);
  for (const key of ['caller', 'called', 'callskill', 'orgicallednum', 'calldata'] as const) expect(typeof call[key]).toBe('string');
  for (const key of ['callfeature', 'callskillid', 'userPriority', 'trunkNo', 'begintime'] as const) expect(typeof call[key]).toBe('number');
  expect(Number.isInteger(call.logontimes)).toBe(true);
  expect(call.endtime).toBeNull();
  expect(call.begintime as number).toBeLessThanOrEqual(now);
  if (call.trace === undefined) return;
  expect(typeof call.mediaType).toBe('number');
  expect(Number.isInteger(call.waitTime) && (call.waitTime as number) >= 0).toBe(true);
  const trace = call.trace;
  for (const key of ['deviceNo', 'deviceType', 'enterReason', 'leaveReason', 'vdnId'] as const) expect(typeof trace[key]).toBe('number');
  for (const key of ['callDirectMode', 'enterReasonDesc', 'leaveReasonDesc'] as const) expect(typeof trace[key]).toBe('string');
  const seen = TIMES.map((key) => trace[key]).filter((value): value is number => typeof value === 'number' && value !== 0);
  for (const value of seen) expect(value).toBeLessThanOrEqual(now);
  for (const key of TIMES) {
    const value = trace[key];
    expect(value === undefined || value === null || typeof value === 'number').toBe(true);
  }
}

describe('scenario list', () => {
  it('names every scenario once, with a title and a description', () => {
    expect(SCENARIO_LIST.map((s) => s.id)).toEqual([...SCENARIO_IDS]);
    expect(new Set(SCENARIO_IDS).size).toBe(17);
    for (const s of SCENARIO_LIST) {
      expect(s.title.length).toBeGreaterThan(2);
      expect(s.description.length).toBeGreaterThan(10);
    }
  });

  it('idle has no call at any moment', () => {
    for (const elapsed of [0, 1_000, 1_000_000]) expect(SCENARIOS.idle.resultAt(elapsed)).toBeNull();
  });
});

describe.each(SCENARIO_IDS.filter((id) => id !== 'idle'))('scenario %s', (id) => {
  const scenario = SCENARIOS[id];
  const end = scenario.releaseAt ?? 200_000;
  const samples = Array.from({ length: 25 }, (_, i) => Math.floor((end * i) / 25));

  it('sends the wire types a real gateway sends, at every moment of the call', () => {
    for (const elapsed of samples) expectWireTypes(at(id, elapsed), S + elapsed);
  });

  it("answers what the library's own schema accepts as a call, at every moment", () => {
    for (const elapsed of samples) {
      const parsed = callInfoSchema.safeParse(at(id, elapsed));
      expect(parsed.error?.issues ?? []).toEqual([]);
      expect(parsed.data?.callid).toBe(at(id, elapsed).callid);
    }
  });

  it('keeps the trace times in order', () => {
    for (const elapsed of samples) {
      const trace = at(id, elapsed).trace;
      if (!trace) continue;
      const t = (key: (typeof TIMES)[number]) => (typeof trace[key] === 'number' && trace[key] !== 0 ? (trace[key] as number) : null);
      const wait = t('waitBeginTime');
      const ring = t('answerBeginTime');
      const talk = t('talkBeginTime');
      if (wait !== null && ring !== null) expect(wait).toBeLessThanOrEqual(ring);
      if (ring !== null && talk !== null) expect(ring).toBeLessThanOrEqual(talk);
      if (talk !== null) expect(ring).not.toBeNull();
    }
  });

  it('is deterministic and places the call where it is told', () => {
    expect(scenario.resultAt(5_000)).toEqual(scenario.resultAt(5_000));
    const moved = scenario.resultAt(5_000, { startedAt: S + 60_000, callid: '1476839023-7' });
    expect(moved?.callid).toBe('1476839023-7');
    expect(moved?.begintime).toBe(S + 60_000);
  });

  if (scenario.releaseAt !== null) {
    it('has no call in progress once released', () => {
      expect(scenario.resultAt(scenario.releaseAt as number)).toBeNull();
      expect(scenario.resultAt((scenario.releaseAt as number) + 60_000)).toBeNull();
    });
  }

  if (id !== 'unknown-codes') {
    it('uses only codes from our code tables', () => {
      for (const elapsed of samples) {
        const call = at(id, elapsed);
        expect(Object.hasOwn(CALL_TYPES, call.callfeature as number)).toBe(true);
        if (call.trace === undefined) continue;
        expect(Object.hasOwn(MEDIA_TYPES, call.mediaType as number)).toBe(true);
        if (call.mediaAbility !== undefined) expect(Object.hasOwn(MEDIA_ABILITIES, call.mediaAbility as number)).toBe(true);
        expect(Object.hasOwn(DEVICE_TYPES, call.trace.deviceType as number)).toBe(true);
        expect(Object.hasOwn(DIRECT_MODES, call.trace.callDirectMode as string)).toBe(true);
        expect(Object.hasOwn(REASONS, call.trace.enterReason as number)).toBe(true);
        expect(Object.hasOwn(REASONS, call.trace.leaveReason as number)).toBe(true);
      }
    });
  }
});

describe('inbound-voice timeline', () => {
  it('waits in the queue, rings, talks, is held, talks again', () => {
    const queued = at('inbound-voice', 1_500);
    expect(queued.trace).toMatchObject({
      waitBeginTime: S, waitEndTime: 0, answerBeginTime: 0, talkBeginTime: 0,
      deviceType: 1, callDirectMode: 'WAIT_DIRECT',
    });
    expect(queued.waitTime).toBe(1);
    expect(queued.caller).toBe('013912345678');

    const ringing = at('inbound-voice', 9_000);
    expect(ringing.trace).toMatchObject({ waitEndTime: S + 8_000, answerBeginTime: S + 8_000, answerEndTime: 0, talkBeginTime: 0, deviceType: 2, deviceNo: 2005 });
    expect(ringing.waitTime).toBe(8);

    const talking = at('inbound-voice', 20_000);
    expect(talking.trace).toMatchObject({ answerEndTime: S + 12_000, talkBeginTime: S + 12_000, talkEndTime: 0, callDirectMode: 'NORMAL_DIRECT' });

    const held = at('inbound-voice', 45_000);
    expect(held.trace).toMatchObject({ callDirectMode: 'KEEP_DIRECT', leaveReason: 18, leaveReasonDesc: 'Call hold', talkBeginTime: S + 12_000 });

    const back = at('inbound-voice', 60_000);
    expect(back.trace).toMatchObject({ callDirectMode: 'NORMAL_DIRECT', enterReason: 9, enterReasonDesc: 'Call unhold', leaveReason: 0 });
    expect(back.endtime).toBeNull();
    expect(back.waitTime).toBe(8);
  });

  it('counts logontimes from the agent sign-in', () => {
    expect(at('inbound-voice', 20_000).logontimes).toBe(3_620);
    expect(SCENARIOS['inbound-voice'].resultAt(0, { signedInAt: S - 90_500 })?.logontimes).toBe(90);
  });
});

describe.each([
  ['transfer-overflow', 1, 'Transfer on overflow'],
  ['transfer-timeout', 2, 'Transfer on timeout'],
] as const)('%s', (id, reason, text) => {
  it(`shows the call leaving the first queue with reason ${reason}, then entering the next with it`, () => {
    expect(at(id, 10_000).trace).toMatchObject({ deviceType: 1, deviceNo: 3001, leaveReason: 0, callDirectMode: 'WAIT_DIRECT' });
    expect(at(id, 20_200).trace).toMatchObject({
      deviceType: 1, deviceNo: 3001, callDirectMode: 'NORMAL_DIRECT', leaveReason: reason, leaveReasonDesc: text,
    });
    expect(at(id, 21_000).trace).toMatchObject({ deviceType: 1, deviceNo: 3002, enterReason: reason, enterReasonDesc: text, leaveReason: 0 });
    const ringing = at(id, 26_000);
    expect(ringing.trace).toMatchObject({ deviceType: 2, enterReason: reason, waitBeginTime: S, waitEndTime: S + 25_000 });
    expect(ringing.waitTime).toBe(25);
  });
});

describe('special scenarios', () => {
  it('long-call-data carries several KB of valid JSON with markup in it', () => {
    const data = at('long-call-data', 5_000).calldata as string;
    expect(data.length).toBeGreaterThan(4_096);
    const parsed = JSON.parse(data) as { orders: unknown[]; customer: { note: string } };
    expect(parsed.orders).toHaveLength(40);
    expect(parsed.customer.note).toContain('<script>');
  });

  it('unknown-codes sends codes no table has, and an unknown extra field', () => {
    const call = at('unknown-codes', 5_000);
    expect(call).toMatchObject({ callfeature: 77, mediaType: 99, sessionTags: ['vip', 'new-field'] });
    expect(call.trace).toMatchObject({ deviceType: 42, enterReason: 250, callDirectMode: 'FOO_DIRECT' });
    expect(Object.hasOwn(CALL_TYPES, 77) || Object.hasOwn(MEDIA_TYPES, 99) || Object.hasOwn(REASONS, 250)).toBe(false);
    expect(Object.hasOwn(DEVICE_TYPES, 42) || Object.hasOwn(DIRECT_MODES, 'FOO_DIRECT')).toBe(false);
  });

  it('older-gateway sends only fields 3.1-3.13', () => {
    for (const elapsed of [1_000, 5_000, 30_000]) {
      expect(Object.keys(at('older-gateway', elapsed)).sort()).toEqual([...BASIC_FIELDS].sort());
    }
  });

  it('video-call sends unset trace times as null; web-chat leaves them out, and media ability too', () => {
    const video = at('video-call', 1_000);
    expect(video).toMatchObject({ mediaType: 19, mediaAbility: 3 });
    expect(video.trace?.answerBeginTime).toBeNull();
    expect(video.trace?.talkEndTime).toBeNull();
    const chat = at('web-chat', 1_000);
    expect(chat.mediaType).toBe(51);
    expect('mediaAbility' in chat).toBe(false);
    expect(chat.trace && 'answerBeginTime' in chat.trace).toBe(false);
    expect(chat.trace?.waitBeginTime).toBe(S);
  });

  it('outbound calls have no queue wait; predicted ones wait in an agent queue', () => {
    const preview = at('preview-outbound', 1_000);
    expect(preview).toMatchObject({ callfeature: 44, mediaType: 16, waitTime: 0, called: '013800138000' });
    expect(preview.trace?.waitBeginTime).toBeNull();
    const predicted = at('predicted-outbound', 500);
    expect(predicted).toMatchObject({ callfeature: 43, mediaType: 15, called: '+8613800138000' });
    expect(predicted.trace).toMatchObject({ deviceType: 6 });
  });

  it('consultations and conferences carry their call types and reasons', () => {
    expect(at('consult-two-party', 5_000)).toMatchObject({ callfeature: 51, caller: '60016' });
    expect(at('consult-three-party', 1_000).trace).toMatchObject({ enterReason: 8 });
    expect(at('consult-three-party', 1_000).callfeature).toBe(52);
    const conference = at('conference', 1_000);
    expect(conference.callfeature).toBe(53);
    expect(conference.trace).toMatchObject({ deviceType: 4, enterReason: 51, talkBeginTime: S });
  });
});

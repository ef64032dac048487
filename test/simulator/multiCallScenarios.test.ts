import { describe, expect, it } from 'vitest';
import { SCENARIOS, SCENARIO_EPOCH_MS, type ScenarioId } from '../../src/simulator';
import { AGENT, T0, envelope, get, makeSim, query, siblingUrl } from './helpers';

const S = T0 / 1000;

/** The agent's calls `atMs` into the scenario: `callid:phase` in begin order, the current one starred. */
function callsAt(id: ScenarioId, moments: readonly number[], options: { repeatEveryMs?: number } = {}) {
  const { sim, set } = makeSim();
  sim.setScenario(AGENT, id, options);
  return moments.map((at) => {
    set(T0 + at);
    const view = sim.state().agents[0]!;
    expect(view.calls.map((call) => call.callid)).toEqual(sim.peekCallIds(AGENT));
    expect(view.callid).toBe(view.calls.find((call) => call.current)?.callid ?? null);
    expect(sim.peekCall(AGENT)?.callid ?? null).toBe(view.callid);
    for (const call of view.calls) expect(call.held).toBe(call.phase === 'held');
    return view.calls.map((call) => `${call.callid}:${call.phase}${call.current ? '*' : ''}`).join(' ');
  });
}

describe('consult-customer-held', () => {
  const C = `${S}-224`;
  const K = `${S + 20}-225`;

  it('holds the customer for a consultation from 20 s to 45 s, takes the customer back at 48 s, ends at 80 s', () => {
    expect(callsAt('consult-customer-held', [0, 6_000, 15_000, 20_000, 30_000, 44_999, 45_000, 48_000, 79_999, 80_000])).toEqual([
      `${C}:queued*`,
      `${C}:ringing*`,
      `${C}:talking*`,
      `${C}:held ${K}:ringing*`,
      `${C}:held ${K}:talking*`,
      `${C}:held ${K}:talking*`,
      `${C}:held*`,
      `${C}:talking*`,
      `${C}:talking*`,
      '',
    ]);
  });

  it('answers callinfo with the consultation (call type 51 to 2006) while it lasts, then the customer as the last call', async () => {
    const { sim, set } = makeSim();
    sim.setScenario(AGENT, 'consult-customer-held');
    set(T0 + 30_000);
    expect(envelope((await query(sim)).json).result).toMatchObject({ callid: K, callfeature: 51, caller: '60015', called: '2006', callskill: '' });
    set(T0 + 90_000);
    expect(envelope((await query(sim)).json).result).toBeNull();
    expect(envelope((await query(sim, { last: true })).json).result).toMatchObject({ callid: C, endtime: T0 + 80_000 });
    expect(sim.state().agents[0]).toMatchObject({ phase: 'released', callid: null, calls: [], hasLastCall: true });
  });

  it('repeats with new call IDs each play, the previous play’s customer call staying the last call', async () => {
    const { sim, set } = makeSim();
    sim.setScenario(AGENT, 'consult-customer-held', { repeatEveryMs: 100_000 });
    set(T0 + 130_000);
    expect(sim.peekCallIds(AGENT)).toEqual([`${S + 100}-226`, `${S + 120}-227`]);
    set(T0 + 101_000);
    expect(envelope((await query(sim, { last: false })).json).result).toMatchObject({ callid: `${S + 100}-226` });
    set(T0 + 195_000);
    expect(envelope((await query(sim, { last: true })).json).result).toMatchObject({ callid: `${S + 100}-226`, endtime: T0 + 180_000 });
    expect(() => sim.setScenario(AGENT, 'consult-customer-held', { repeatEveryMs: 80_000 })).toThrow(/longer than the call/);
  });
});

describe('three-party-conference', () => {
  const C = `${S}-224`;
  const K = `${S + 20}-225`;

  it('shows two live calls, neither held, during the conference (40-70 s)', () => {
    expect(callsAt('three-party-conference', [10_000, 22_000, 30_000, 40_000, 69_999, 70_000, 84_999, 85_000])).toEqual([
      `${C}:talking*`,
      `${C}:held ${K}:ringing*`,
      `${C}:held ${K}:talking*`,
      `${C}:talking ${K}:talking*`,
      `${C}:talking ${K}:talking*`,
      `${C}:talking*`,
      `${C}:talking*`,
      '',
    ]);
  });

  it('marks the consultation as three-party (52) and the customer leg as having entered a three-party call (reason 10)', () => {
    const calls = SCENARIOS['three-party-conference'].callsAt(50_000);
    expect(calls.map((call) => [call.call.callfeature, call.held, call.current])).toEqual([[0, false, false], [52, false, true]]);
    expect(calls[0]?.call.trace).toMatchObject({ callDirectMode: 'NORMAL_DIRECT', enterReason: 10 });
    expect(SCENARIOS['three-party-conference'].resultAt(50_000)?.callfeature).toBe(52);
    expect(SCENARIOS['three-party-conference'].callsAt(30_000)[0]?.call.trace).toMatchObject({ callDirectMode: 'KEEP_DIRECT', leaveReason: 18 });
  });
});

describe('inbound-while-held', () => {
  const first = `${S}-224`;
  const second = `${S + 27}-225`;

  it('queues, rings and answers a second call while the first stays held; then takes the first back', () => {
    expect(callsAt('inbound-while-held', [10_000, 26_000, 27_000, 33_000, 36_000, 59_999, 60_000, 63_000, 90_000])).toEqual([
      `${first}:talking*`,
      `${first}:held*`,
      `${first}:held ${second}:queued*`,
      `${first}:held ${second}:ringing*`,
      `${first}:held ${second}:talking*`,
      `${first}:held ${second}:talking*`,
      `${first}:held*`,
      `${first}:talking*`,
      '',
    ]);
  });

  it('gives the second call its own fields and serves the held first by ID meanwhile', async () => {
    const { sim, set } = makeSim();
    sim.setScenario(AGENT, 'inbound-while-held');
    set(T0 + 40_000);
    expect(envelope((await query(sim)).json).result).toMatchObject({ callid: second, caller: '013987654321', waitTime: 6 });
    expect(envelope((await get(sim, siblingUrl('callinfobycallid', { callid: first }))).json).result)
      .toMatchObject({ callid: first, caller: '013912345678', begintime: T0, endtime: null });
  });
});

describe('the scenarios as data', () => {
  it.each(['consult-customer-held', 'three-party-conference', 'inbound-while-held'] as const)('%s is deterministic and ends when its last call does', (id) => {
    const scenario = SCENARIOS[id];
    expect(scenario.calls).toHaveLength(2);
    expect(scenario.script).toBe(scenario.calls[0]);
    expect(scenario.releaseAt).toBe(Math.max(...scenario.calls.map((call) => call.steps.find((s) => s.event === 'release')!.at)));
    for (const at of [0, 21_000, 41_000, 61_000]) expect(scenario.callsAt(at)).toEqual(scenario.callsAt(at));
    expect(scenario.callsAt(scenario.releaseAt!)).toEqual([]);
    expect(scenario.callsAt(21_000, { startedAt: SCENARIO_EPOCH_MS + 1_000, callid: 'x-1' })[0]?.callid).toBe('x-1');
  });

  it('keeps the single-call scenarios single', () => {
    for (const id of ['consult-two-party', 'consult-three-party', 'conference', 'inbound-voice'] as const) {
      expect(SCENARIOS[id].calls).toEqual([SCENARIOS[id].script]);
      expect(SCENARIOS[id].callsAt(20_000)).toHaveLength(1);
    }
    expect(SCENARIOS.idle.calls).toEqual([]);
    expect(callsAt('consult-two-party', [10_000])).toEqual([`${S}-224:talking*`]);
  });
});

// @vitest-environment node
import { afterEach, describe, expect, it } from 'vitest';
import { GatewaySimulator, SimulatorError } from '../../src/simulator';
import { handleControlRequest, startSimulatorServer, type SimulatorServer } from '../../src/simulator/node';
import { AGENT, T0, envelope, makeSim, query, siblingUrl } from './helpers';

const S = T0 / 1000;

function calls(sim: GatewaySimulator) {
  return sim.state().agents[0]!.calls.map((call) => `${call.callid}:${call.phase}${call.current ? '*' : ''}`).join(' ');
}

describe('manual multi-call controls', () => {
  it('consult holds the talking call and rings a colleague; answer, release and unhold act on the current call', async () => {
    const { sim, advance } = makeSim();
    sim.startCall(AGENT);
    advance(10_000);
    sim.consult(AGENT);
    const C = `${S}-224`;
    const K = `${S + 10}-225`;
    expect(calls(sim)).toBe(`${C}:held ${K}:ringing*`);
    expect(sim.peekCall(AGENT)).toMatchObject({ callid: K, callfeature: 51, caller: AGENT, called: '2006' });
    advance(3_000);
    sim.answer(AGENT);
    expect(calls(sim)).toBe(`${C}:held ${K}:talking*`);
    expect(sim.peekCall(AGENT)?.trace).toMatchObject({ answerBeginTime: T0 + 10_000, talkBeginTime: T0 + 13_000 });
    advance(20_000);
    sim.release(AGENT);
    expect(calls(sim)).toBe(`${C}:held*`);
    expect(sim.peekCall(AGENT)?.trace).toMatchObject({ callDirectMode: 'KEEP_DIRECT' });
    advance(2_000);
    sim.unhold(AGENT);
    expect(calls(sim)).toBe(`${C}:talking*`);
    expect(envelope((await query(sim)).json).result?.trace).toMatchObject({ callDirectMode: 'NORMAL_DIRECT', enterReason: 9 });
    expect(sim.state().agents[0]).toMatchObject({ manual: true, phase: 'talking', callid: C });
  });

  it('consult can start talking, to another colleague, with other fields; from a held call it holds nothing more', () => {
    const { sim } = makeSim();
    sim.startCall(AGENT);
    sim.hold(AGENT);
    sim.consult(AGENT, { called: '2010', state: 'talking', fields: { callfeature: 52 } });
    expect(calls(sim)).toBe(`${S}-224:held ${S}-225:talking*`);
    expect(sim.peekCall(AGENT)).toMatchObject({ callfeature: 52, called: '2010' });
  });

  it('refuses consult without a talking or held call, and while signed out', () => {
    const { sim } = makeSim();
    expect(() => sim.consult(AGENT)).toThrow(expect.objectContaining({ code: 'invalid-state' }));
    sim.startCall(AGENT, { state: 'ringing' });
    expect(() => sim.consult(AGENT)).toThrow(/ringing/);
    sim.signOut(AGENT);
    expect(() => sim.consult(AGENT)).toThrow(/not signed in/);
    expect(() => sim.consult('99999')).toThrow(expect.objectContaining({ code: 'unknown-agent' }));
  });

  it('acts on the call named by callid, refusing an unknown one or the wrong phase', () => {
    const { sim, advance } = makeSim();
    sim.startCall(AGENT);
    advance(1_000);
    sim.consult(AGENT, { state: 'talking' });
    const [C, K] = sim.peekCallIds(AGENT) as [string, string];
    expect(() => sim.unhold(AGENT, { callid: 'nope' })).toThrow(expect.objectContaining({ code: 'unknown-call' }));
    expect(() => sim.hold(AGENT, { callid: C })).toThrow(new RegExp(`Cannot hold call ${C} .* while it is held`));
    sim.hold(AGENT, { callid: K });
    expect(calls(sim)).toBe(`${C}:held ${K}:held*`);
    advance(1_000);
    sim.unhold(AGENT, { callid: C });
    expect(calls(sim)).toBe(`${C}:talking* ${K}:held`);
    sim.release(AGENT, { callid: K, leaveReason: 15 });
    expect(calls(sim)).toBe(`${C}:talking*`);
    expect(() => sim.release(AGENT, { callid: K })).toThrow(SimulatorError);
    advance(1_000);
    sim.release(AGENT, { callid: C });
    expect(sim.peekCall(AGENT, { includeLastCall: true })).toMatchObject({ callid: C, endtime: T0 + 3_000 });
  });

  it('startCall while every call is held adds a call; while one is live and not held it is refused, as before', () => {
    const { sim, advance } = makeSim();
    sim.startCall(AGENT);
    expect(() => sim.startCall(AGENT)).toThrow(/already has a call/);
    sim.hold(AGENT);
    advance(5_000);
    sim.startCall(AGENT, { state: 'queued', fields: { caller: '70009' } });
    const [first, second] = sim.peekCallIds(AGENT) as [string, string];
    expect(second).toBe(`${S + 5}-225`);
    expect(calls(sim)).toBe(`${first}:held ${second}:queued*`);
    expect(() => sim.startCall(AGENT)).toThrow(/already has a call/);
    sim.answer(AGENT, { callid: second });
    expect(sim.peekCall(AGENT)).toMatchObject({ callid: second, caller: '70009' });
    sim.release(AGENT);
    expect(calls(sim)).toBe(`${first}:held*`);
    sim.release(AGENT);
    expect(calls(sim)).toBe('');
    sim.startCall(AGENT); // no live call: a new call replaces the old ones, the last staying the last call
    expect(sim.peekCallIds(AGENT)).toEqual([`${S + 5}-226`]);
    expect(sim.state().agents[0]).toMatchObject({ hasLastCall: true, scenarioId: 'inbound-voice' });
  });

  it('takes a scenario under manual control: the script’s steps to come are dropped for every call', () => {
    const { sim, set } = makeSim();
    sim.setScenario(AGENT, 'consult-customer-held');
    set(T0 + 30_000);
    sim.release(AGENT); // the consultation, ended early
    set(T0 + 60_000); // the script would have taken the customer back at 48 s
    expect(calls(sim)).toBe(`${S}-224:held*`);
    expect(sim.state().agents[0]?.manual).toBe(true);
  });

  it('keeps the call ID of a repeating scenario’s call taken under manual control', () => {
    const { sim, set } = makeSim();
    sim.setScenario(AGENT, 'inbound-voice', { repeatEveryMs: 200_000 });
    set(T0 + 220_000);
    expect(sim.peekCallIds(AGENT)).toEqual([`${S + 200}-225`]);
    sim.hold(AGENT);
    expect(sim.peekCallIds(AGENT)).toEqual([`${S + 200}-225`]);
    expect(sim.peekCall(AGENT, { includeLastCall: true })?.callid).toBe(`${S + 200}-225`);
  });
});

describe('the control endpoint', () => {
  const post = (sim: GatewaySimulator, route: string, body: unknown) => handleControlRequest(sim, { method: 'POST', path: `/__sim${route}`, body });

  it('drives a consultation: start, consult, answer, hold and release by callid', () => {
    const { sim, advance } = makeSim();
    expect(post(sim, '/call/start', { agentId: AGENT, fields: { callid: '145640404337' } }).status).toBe(200);
    advance(1_000);
    const consulted = post(sim, '/call/consult', { agentId: AGENT, called: '2010' });
    expect(consulted.status).toBe(200);
    const K = `${S + 1}-225`;
    expect(consulted.body).toMatchObject({
      ok: true,
      state: { agents: [{ callid: K, phase: 'ringing', calls: [
        { callid: '145640404337', phase: 'held', held: true, current: false },
        { callid: K, phase: 'ringing', held: false, current: true },
      ] }] },
    });
    expect(post(sim, '/call/answer', { agentId: AGENT, callid: K }).status).toBe(200);
    expect(post(sim, '/call/hold', { agentId: AGENT }).status).toBe(200);
    expect(post(sim, '/call/unhold', { agentId: AGENT, callid: '145640404337' }).status).toBe(200);
    expect(post(sim, '/call/release', { agentId: AGENT, callid: K, leaveReason: 15 }).status).toBe(200);
    expect(calls(sim)).toBe('145640404337:talking*');
    expect(JSON.stringify(post(sim, '/call/hold', { agentId: AGENT }).body)).not.toContain(sim.getGuid(AGENT));
  });

  it('validates the bodies and maps refusals to 400, 404 and 409', () => {
    const { sim } = makeSim();
    expect(post(sim, '/call/consult', { agentId: AGENT })).toMatchObject({ status: 409, body: { code: 'invalid-state' } });
    sim.startCall(AGENT);
    expect(post(sim, '/call/consult', { agentId: AGENT, state: 'queued' })).toMatchObject({ status: 400, body: { error: expect.stringMatching(/^state: expected one of "ringing", "talking"/) } });
    expect(post(sim, '/call/consult', { agentId: AGENT, fields: { trace: {} } })).toMatchObject({ status: 400, body: { error: expect.stringMatching(/unknown trace/) } });
    expect(post(sim, '/call/consult', { agentId: AGENT, called: '' }).status).toBe(400);
    expect(post(sim, '/call/hold', { agentId: AGENT, callid: '' }).status).toBe(400);
    expect(post(sim, '/call/hold', { agentId: AGENT, callid: 7 }).status).toBe(400);
    expect(post(sim, '/call/release', { agentId: AGENT, callid: 'x'.repeat(129) }).status).toBe(400);
    expect(post(sim, '/call/hold', { agentId: AGENT, callid: 'gone-1' })).toMatchObject({ status: 404, body: { code: 'unknown-call' } });
    expect(handleControlRequest(sim, { method: 'GET', path: '/__sim/call/consult', body: undefined }).status).toBe(405);
    expect(post(sim, '/scenario', { agentId: AGENT, scenarioId: 'three-party-conference', wire: { callInfoByCallId: 'list', callByIdTimes: 'omitted', noCallIds: 'null', callIdsAsNumbers: true, callIdFormat: 'digits' } }).status).toBe(200);
    expect(post(sim, '/scenario', { agentId: AGENT, scenarioId: 'inbound-while-held', wire: { callInfoByCallId: 'array' } }).status).toBe(400);
    expect(sim.state().agents[0]).toMatchObject({ scenarioId: 'three-party-conference', calls: [{ callid: `${S}225` }] }); // 224 went to the call started above
  });

  it('lists the new scenarios', () => {
    const { sim } = makeSim();
    const list = handleControlRequest(sim, { method: 'GET', path: '/__sim/scenarios', body: undefined }).body as Array<{ id: string }>;
    expect(list.map((s) => s.id)).toEqual(expect.arrayContaining(['consult-customer-held', 'three-party-conference', 'inbound-while-held']));
  });
});

describe('the Node server', () => {
  let server: SimulatorServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('serves both sibling routes over HTTP on 127.0.0.1, with CORS, and 404s other calldata paths', async () => {
    let t = T0;
    const sim = new GatewaySimulator({ now: () => t });
    server = await startSimulatorServer({ simulator: sim, port: 0 });
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    sim.setScenario(AGENT, 'consult-customer-held');
    t += 30_000;
    const headers = { Guid: sim.getGuid(AGENT), 'Content-Type': 'application/json; charset=UTF-8' };
    const all = await fetch(`${server.url}${siblingUrl('allcallid')}`, { headers });
    expect(all.headers.get('access-control-allow-origin')).toBe('*');
    expect(await all.json()).toEqual({ message: '', retcode: '0', result: [`${S}-224`, `${S + 20}-225`] });
    const one = await fetch(`${server.url}${siblingUrl('callinfobycallid', { callid: `${S + 20}-225` })}`, { headers });
    expect(await one.json()).toMatchObject({ retcode: '0', result: { callid: `${S + 20}-225`, callfeature: 51 } });
    expect((await fetch(`${server.url}/agentgateway/resource/calldata/${AGENT}/allcallinfoEx/${AGENT}`, { headers })).status).toBe(404);
    const consult = await fetch(`${server.url}/__sim/call/release`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ agentId: AGENT, callid: `${S + 20}-225` }) });
    expect(consult.status).toBe(200);
    expect(sim.peekCallIds(AGENT)).toEqual([`${S}-224`]);
  });
});

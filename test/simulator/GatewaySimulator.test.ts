import { describe, expect, it } from 'vitest';
import { GatewaySimulator, SimulatorError } from '../../src/simulator';
import { AGENT, T0, callInfoUrl, envelope, makeSim, query } from './helpers';

describe('the envelope', () => {
  it('answers an idle agent with success and result null, retcode the string "0", as JSON', async () => {
    const { sim } = makeSim();
    const { status, json, response } = await query(sim);
    expect(status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json;charset=UTF-8');
    expect(json).toEqual({ message: '', retcode: '0', result: null });
  });

  it.each([
    ['null', { message: '', retcode: '0', result: null }],
    ['absent', { message: '', retcode: '0' }],
    ['empty-object', { message: '', retcode: '0', result: {} }],
  ] as const)('sends "no call" as %s when told', async (noCall, expected) => {
    const { sim } = makeSim();
    sim.setScenario(AGENT, 'idle', { wire: { noCall } });
    expect((await query(sim)).json).toEqual(expected);
  });

  it('can send retcode as the number 0 and numbers as numeric strings', async () => {
    const { sim } = makeSim();
    sim.setScenario(AGENT, 'inbound-voice', { wire: { retcode: 'number', numbersAsStrings: true } });
    const body = envelope((await query(sim)).json);
    expect(body.retcode).toBe(0);
    expect(body.result).toMatchObject({ callfeature: '0', callskillid: '20011', begintime: String(T0), trunkNo: '65535' });
    expect(body.result?.trace).toMatchObject({ waitBeginTime: String(T0), answerBeginTime: '0', deviceType: '1' });
  });

  it('serves the scenario call as it moves on the clock', async () => {
    const { sim, advance } = makeSim();
    sim.setScenario(AGENT, 'inbound-voice');
    advance(20_000);
    const result = envelope((await query(sim)).json).result;
    expect(result).toMatchObject({ callid: `${T0 / 1000}-224`, caller: '013912345678', begintime: T0, endtime: null, waitTime: 8 });
    expect(result?.trace).toMatchObject({ talkBeginTime: T0 + 12_000, talkEndTime: 0 });
  });

  it('starts a scenario later when told, with no call before then', async () => {
    const { sim, advance } = makeSim();
    sim.setScenario(AGENT, 'inbound-voice', { startAt: T0 + 10_000 });
    expect(envelope((await query(sim)).json).result).toBeNull();
    advance(10_000);
    expect(envelope((await query(sim)).json).result).toMatchObject({ begintime: T0 + 10_000 });
  });
});

describe('isNoContainLastCall', () => {
  it('gives the released call only when asked, without the fields unavailable for a last call', async () => {
    const { sim, advance } = makeSim();
    sim.setScenario(AGENT, 'inbound-voice');
    advance(30_000);
    const during = envelope((await query(sim, { last: true })).json).result;
    expect(during?.endtime).toBeNull();
    advance(70_000);
    expect(envelope((await query(sim)).json).result).toBeNull();
    expect(envelope((await query(sim, { last: false })).json).result).toBeNull();
    const last = envelope((await query(sim, { last: true })).json).result;
    expect(last).toMatchObject({ callid: `${T0 / 1000}-224`, begintime: T0, endtime: T0 + 90_000 });
    const trace = last?.trace as Record<string, unknown>;
    expect(trace).toMatchObject({ waitBeginTime: T0, answerBeginTime: T0 + 8_000, talkBeginTime: T0 + 12_000, callDirectMode: 'RELEASE_DIRECT', enterReason: 9 });
    for (const gone of ['waitEndTime', 'answerEndTime', 'talkEndTime', 'leaveReason', 'leaveReasonDesc']) expect(trace).not.toHaveProperty(gone);
  });

  it('prefers the current call over the last one', async () => {
    const { sim, advance } = makeSim();
    sim.setScenario(AGENT, 'consult-two-party');
    advance(31_000);
    sim.setScenario(AGENT, 'video-call');
    advance(1_000);
    expect(envelope((await query(sim, { last: true })).json).result).toMatchObject({ mediaType: 19, endtime: null });
    advance(200_000);
    expect(envelope((await query(sim, { last: true })).json).result).toMatchObject({ mediaType: 19, endtime: T0 + 31_000 + 120_000 });
  });

  it('keeps the previous scenario’s released call as the last call until the next one ends', async () => {
    const { sim, advance } = makeSim();
    sim.setScenario(AGENT, 'consult-two-party');
    advance(31_000);
    sim.setScenario(AGENT, 'idle');
    expect(envelope((await query(sim, { last: true })).json).result).toMatchObject({ callfeature: 51, endtime: T0 + 30_000 });
  });

  it('refuses a value that is not a boolean with 000-002', async () => {
    const { sim } = makeSim();
    const response = await sim.fetch(`${callInfoUrl()}?isNoContainLastCall=yes`, { headers: { Guid: sim.getGuid(AGENT) } });
    expect(await response.json()).toEqual({ message: expect.any(String), retcode: '000-002', result: null });
  });
});

describe('authentication and sign-in', () => {
  it('answers a missing or wrong Guid with 000-003 over HTTP 200', async () => {
    const { sim } = makeSim();
    for (const guid of [null, 'not-the-guid', '']) {
      const { status, json } = await query(sim, { guid });
      expect(status).toBe(200);
      expect(json).toEqual({ message: expect.any(String), retcode: '000-003', result: null });
    }
    expect((await query(sim)).json).toMatchObject({ retcode: '0' });
  });

  it('accepts a fixed Guid and refuses it after rotateGuid()', async () => {
    const { sim } = makeSim({ agents: [{ agentId: AGENT, guid: 'static-guid-1' }] });
    expect(sim.getGuid(AGENT)).toBe('static-guid-1');
    expect((await query(sim, { guid: 'static-guid-1' })).json).toMatchObject({ retcode: '0' });
    sim.rotateGuid(AGENT);
    const fresh = sim.getGuid(AGENT);
    expect(fresh).not.toBe('static-guid-1');
    expect(fresh).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect((await query(sim, { guid: 'static-guid-1' })).json).toMatchObject({ retcode: '000-003' });
    expect((await query(sim, { guid: fresh })).json).toMatchObject({ retcode: '0' });
  });

  it('rotates the Guid every N ms on the clock', async () => {
    const { sim, advance } = makeSim({ agents: [{ agentId: AGENT, guidRotationMs: 30_000 }] });
    const first = sim.getGuid(AGENT);
    advance(29_999);
    expect(sim.getGuid(AGENT)).toBe(first);
    advance(1);
    const second = sim.getGuid(AGENT);
    expect(second).not.toBe(first);
    expect((await query(sim, { guid: first })).json).toMatchObject({ retcode: '000-003' });
    advance(60_000);
    expect(new Set([first, second, sim.getGuid(AGENT)]).size).toBe(3);
    sim.setGuidRotation(AGENT, null);
    const kept = sim.getGuid(AGENT);
    advance(600_000);
    expect(sim.getGuid(AGENT)).toBe(kept);
  });

  it('gives each agent its own Guid, deterministic for a seed', () => {
    const a = new GatewaySimulator({ agents: [{ agentId: '60015' }, { agentId: '60016' }], now: () => T0 });
    const b = new GatewaySimulator({ agents: [{ agentId: '60015' }], now: () => T0 });
    const c = new GatewaySimulator({ agents: [{ agentId: '60015' }], now: () => T0, seed: 2 });
    expect(a.getGuid('60015')).not.toBe(a.getGuid('60016'));
    expect(a.getGuid('60015')).toBe(b.getGuid('60015'));
    expect(c.getGuid('60015')).not.toBe(b.getGuid('60015'));
  });

  it('answers 100-006 for an agent not signed in, then serves it after sign-in with a new Guid', async () => {
    const { sim } = makeSim();
    const before = sim.getGuid(AGENT);
    sim.signOut(AGENT);
    expect((await query(sim, { guid: before })).json).toEqual({ message: expect.any(String), retcode: '100-006', result: null });
    const guid = sim.signIn(AGENT);
    expect(guid).not.toBe(before);
    expect((await query(sim, { guid: before })).json).toMatchObject({ retcode: '000-003' });
    expect((await query(sim, { guid })).json).toMatchObject({ retcode: '0' });
  });

  it('answers 100-006 for an agent it does not know and 000-002 for an agent ID out of range', async () => {
    const { sim } = makeSim();
    expect((await query(sim, { agentId: '70001', guid: 'x' })).json).toMatchObject({ retcode: '100-006' });
    for (const agentId of ['100', '1000000', '60a15', '%20']) {
      expect((await query(sim, { agentId, guid: 'x' })).json).toMatchObject({ retcode: '000-002' });
    }
  });

  it('agents configured signed out answer 100-006 from the start', async () => {
    const { sim } = makeSim({ agents: [{ agentId: AGENT, signedIn: false }] });
    expect((await query(sim)).json).toMatchObject({ retcode: '100-006' });
  });
});

describe('routing', () => {
  it('answers other paths with an HTML 404 and other methods with an HTML 405', async () => {
    const { sim } = makeSim();
    // The three calldata interfaces are served (test/simulator/siblingRoutes.test.ts); not these.
    for (const other of ['allcallinfoEx/60015', 'callinfobycallid/', 'callinfobycallid/1-2/x', 'appdata', 'callinfo/']) {
      expect((await sim.fetch(`/agentgateway/resource/calldata/60015/${other}`)).status, other).toBe(404);
    }
    const notFound = await sim.fetch('/agentgateway/resource/calldata/60015/allcallinfoEx/60015');
    expect(notFound.status).toBe(404);
    expect(notFound.headers.get('content-type')).toContain('text/html');
    expect(await notFound.text()).toContain('404');
    const post = await sim.fetch(callInfoUrl(), { method: 'POST', headers: { Guid: sim.getGuid(AGENT) } });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET');
  });

  it('honours a base path, as behind a reverse proxy', async () => {
    const { sim } = makeSim({ basePath: '/cc/' });
    const headers = { Guid: sim.getGuid(AGENT) };
    expect((await sim.fetch(`/cc${callInfoUrl()}`, { headers })).status).toBe(200);
    expect((await sim.fetch(callInfoUrl(), { headers })).status).toBe(404);
  });

  it('takes absolute URLs, URL objects and Request objects, and handle() takes a Request', async () => {
    const { sim } = makeSim();
    const headers = { Guid: sim.getGuid(AGENT) };
    const absolute = `https://gw.example:8043${callInfoUrl()}`;
    expect(await (await sim.fetch(absolute, { headers })).json()).toMatchObject({ retcode: '0' });
    expect(await (await sim.fetch(new URL(absolute), { headers })).json()).toMatchObject({ retcode: '0' });
    expect(await (await sim.fetch(new Request(absolute, { headers }))).json()).toMatchObject({ retcode: '0' });
    expect(await (await sim.handle(new Request(absolute, { headers }))).json()).toMatchObject({ retcode: '0' });
    expect(await (await sim.handle(new Request(absolute))).json()).toMatchObject({ retcode: '000-003' });
  });

  it('fetch is bound: it works detached from the simulator', async () => {
    const { sim } = makeSim();
    const { fetch } = sim;
    expect((await fetch(callInfoUrl(), { headers: { Guid: sim.getGuid(AGENT) } })).status).toBe(200);
  });
});

describe('call controls', () => {
  it('start, hold, unhold and release a call; the released call becomes the last call', async () => {
    const { sim, advance } = makeSim();
    sim.startCall(AGENT, { fields: { caller: '+447700900123' } });
    let result = envelope((await query(sim)).json).result;
    expect(result).toMatchObject({ caller: '+447700900123', endtime: null });
    expect(result?.trace).toMatchObject({ talkBeginTime: T0, callDirectMode: 'NORMAL_DIRECT' });
    advance(5_000);
    sim.hold(AGENT);
    expect(envelope((await query(sim)).json).result?.trace).toMatchObject({ callDirectMode: 'KEEP_DIRECT', leaveReason: 18 });
    advance(5_000);
    sim.unhold(AGENT);
    expect(envelope((await query(sim)).json).result?.trace).toMatchObject({ callDirectMode: 'NORMAL_DIRECT', enterReason: 9 });
    advance(5_000);
    sim.release(AGENT);
    expect(envelope((await query(sim)).json).result).toBeNull();
    result = envelope((await query(sim, { last: true })).json).result;
    expect(result).toMatchObject({ caller: '+447700900123', endtime: T0 + 15_000 });
    expect(sim.state().agents[0]).toMatchObject({ phase: 'released', manual: true, hasLastCall: true });
  });

  it('starts ringing or queued calls and answers them', () => {
    const { sim, advance } = makeSim();
    sim.startCall(AGENT, { state: 'queued', like: 'web-chat' });
    expect(sim.state().agents[0]?.phase).toBe('queued');
    advance(3_000);
    sim.answer(AGENT);
    const call = sim.peekCall(AGENT);
    expect(call).toMatchObject({ mediaType: 51, waitTime: 3 });
    expect(call?.trace).toMatchObject({ waitEndTime: T0 + 3_000, talkBeginTime: T0 + 3_000 });
  });

  it('takes over a running scenario: scripted steps still to come are dropped', () => {
    const { sim, advance } = makeSim();
    sim.setScenario(AGENT, 'inbound-voice');
    advance(20_000);
    sim.release(AGENT, { leaveReason: 15 });
    advance(100_000);
    expect(sim.peekCall(AGENT)).toBeNull();
    expect(sim.peekCall(AGENT, { includeLastCall: true })).toMatchObject({ endtime: T0 + 20_000 });
  });

  it('refuses controls that do not fit the call, with a SimulatorError', () => {
    const { sim } = makeSim();
    expect(() => sim.hold(AGENT)).toThrow(SimulatorError);
    sim.startCall(AGENT, { state: 'ringing' });
    expect(() => sim.hold(AGENT)).toThrow(/ringing/);
    expect(() => sim.startCall(AGENT)).toThrow(/already has a call/);
    expect(() => sim.unhold(AGENT)).toThrow(SimulatorError);
    expect(() => sim.hold('99999')).toThrow(expect.objectContaining({ code: 'unknown-agent' }));
    sim.signOut(AGENT);
    expect(() => sim.startCall(AGENT)).toThrow(expect.objectContaining({ code: 'invalid-state' }));
  });

  it('repeats a scenario with a new call ID each time, the previous one as the last call', () => {
    const { sim, advance } = makeSim();
    sim.setScenario(AGENT, 'consult-two-party', { repeatEveryMs: 40_000 });
    advance(5_000);
    const first = sim.peekCall(AGENT);
    advance(40_000);
    const second = sim.peekCall(AGENT);
    expect(second?.begintime).toBe(T0 + 40_000);
    expect(second?.callid).not.toBe(first?.callid);
    advance(30_000);
    expect(sim.peekCall(AGENT)).toBeNull();
    expect(sim.peekCall(AGENT, { includeLastCall: true })).toMatchObject({ callid: second?.callid, endtime: T0 + 70_000 });
    expect(() => sim.setScenario(AGENT, 'inbound-voice', { repeatEveryMs: 60_000 })).toThrow(/longer than the call/);
    expect(() => sim.setScenario(AGENT, 'idle', { repeatEveryMs: 60_000 })).toThrow(SimulatorError);
  });

  it('keeps agents apart', () => {
    const { sim } = makeSim({ agents: [{ agentId: '60015' }, { agentId: '60016', scenario: 'conference' }] });
    sim.startCall('60015');
    expect(sim.peekCall('60015')?.callfeature).toBe(0);
    expect(sim.peekCall('60016')?.callfeature).toBe(53);
    expect(sim.agentIds).toEqual(['60015', '60016']);
    expect(() => sim.addAgent({ agentId: '60016' })).toThrow(SimulatorError);
  });

  it('never puts a Guid in its state', () => {
    const { sim } = makeSim();
    expect(JSON.stringify(sim.state())).not.toContain(sim.getGuid(AGENT));
  });
});

import { describe, expect, it } from 'vitest';
import { faults, type Fault } from '../../src/simulator';
import { AGENT, T0, callInfoUrl, envelope, get, makeSim, query, siblingUrl } from './helpers';

/** consult-customer-held 30 s in: the customer (held) and the consultation (talking). */
const CUSTOMER = `${T0 / 1000}-224`;
const CONSULT = `${T0 / 1000 + 20}-225`;
const BY_ID_FIELDS = [
  'callfeature', 'callid', 'caller', 'called', 'callskill', 'callskillid', 'orgicallednum', 'calldata',
  'begintime', 'endtime', 'userPriority', 'trunkNo', 'logontimes', 'mediaType', 'mediaAbility',
].sort();

function consulting(wire = {}) {
  const made = makeSim();
  made.sim.setScenario(AGENT, 'consult-customer-held', { wire });
  made.advance(30_000);
  return made;
}

describe('allcallid', () => {
  it('lists the live call IDs as strings in the order the calls began, [] for none', async () => {
    const { sim, advance } = makeSim();
    expect((await get(sim, siblingUrl('allcallid'))).json).toEqual({ message: '', retcode: '0', result: [] });
    sim.setScenario(AGENT, 'consult-customer-held');
    advance(30_000);
    const { status, json, response } = await get(sim, siblingUrl('allcallid'));
    expect(status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json;charset=UTF-8');
    expect(json).toEqual({ message: '', retcode: '0', result: [CUSTOMER, CONSULT] });
    advance(20_000); // 50 s: the consultation is over
    expect(envelope((await get(sim, siblingUrl('allcallid'))).json).result).toEqual([CUSTOMER]);
    advance(40_000); // 90 s: both released
    expect(envelope((await get(sim, siblingUrl('allcallid'))).json).result).toEqual([]);
  });

  it('can send null for none, and digits-only IDs as numbers (dashed ones stay strings)', async () => {
    const { sim } = makeSim();
    sim.setScenario(AGENT, 'idle', { wire: { noCallIds: 'null' } });
    expect((await get(sim, siblingUrl('allcallid'))).json).toEqual({ message: '', retcode: '0', result: null });

    const digits = consulting({ callIdFormat: 'digits', callIdsAsNumbers: true, retcode: 'number' });
    expect((await get(digits.sim, siblingUrl('allcallid'))).json).toEqual({
      message: '', retcode: 0, result: [Number(`${T0 / 1000}224`), Number(`${T0 / 1000 + 20}225`)],
    });
    const dashed = consulting({ callIdsAsNumbers: true });
    expect(envelope((await get(dashed.sim, siblingUrl('allcallid'))).json).result).toEqual([CUSTOMER, CONSULT]);
  });

  it('ignores a query string (isNoContainLastCall belongs to callinfo)', async () => {
    const { sim } = consulting();
    expect(envelope((await get(sim, `${siblingUrl('allcallid')}?isNoContainLastCall=maybe`)).json)).toMatchObject({ retcode: '0' });
  });
});

describe('callinfobycallid', () => {
  it('answers a held call as an object with fields 3.1-3.13 and the media fields, without trace or wait time', async () => {
    const { sim } = consulting();
    const body = envelope((await get(sim, siblingUrl('callinfobycallid', { callid: CUSTOMER }))).json);
    expect(body).toMatchObject({ message: '', retcode: '0' });
    expect(Object.keys(body.result ?? {}).sort()).toEqual(BY_ID_FIELDS);
    expect(body.result).toMatchObject({ callid: CUSTOMER, callfeature: 0, caller: '013912345678', begintime: T0, endtime: null });
    const consult = envelope((await get(sim, siblingUrl('callinfobycallid', { callid: CONSULT }))).json).result;
    expect(consult).toMatchObject({ callid: CONSULT, callfeature: 51, called: '2006', begintime: T0 + 20_000, endtime: null });
  });

  it('can answer a one-element list, as the reference documents, and leave the times out', async () => {
    const list = consulting({ callInfoByCallId: 'list' });
    const listed = envelope((await get(list.sim, siblingUrl('callinfobycallid', { callid: CONSULT }))).json).result as unknown;
    expect(Array.isArray(listed)).toBe(true);
    expect(listed).toEqual([expect.objectContaining({ callid: CONSULT, callfeature: 51 })]);

    const untimed = consulting({ callByIdTimes: 'omitted' });
    const call = envelope((await get(untimed.sim, siblingUrl('callinfobycallid', { callid: CUSTOMER }))).json).result;
    expect(call).toMatchObject({ callid: CUSTOMER });
    expect(call).not.toHaveProperty('begintime');
    expect(call).not.toHaveProperty('endtime');
  });

  it('answers success with result null for a call the agent never had, and for a released one (even its last call)', async () => {
    const { sim, advance } = consulting();
    for (const callid of ['1476838963-999', 'nope']) {
      expect((await get(sim, siblingUrl('callinfobycallid', { callid }))).json).toEqual({ message: '', retcode: '0', result: null });
    }
    advance(20_000); // 50 s: the consultation was released at 45 s
    expect(envelope((await get(sim, siblingUrl('callinfobycallid', { callid: CONSULT }))).json).result).toBeNull();
    advance(40_000); // 90 s: the customer call, released at 80 s, is the last call
    expect(envelope((await query(sim, { last: true })).json).result).toMatchObject({ callid: CUSTOMER, endtime: T0 + 80_000 });
    expect(envelope((await get(sim, siblingUrl('callinfobycallid', { callid: CUSTOMER }))).json).result).toBeNull();
  });

  it('path-decodes the call ID', async () => {
    const { sim } = makeSim();
    sim.startCall(AGENT, { fields: { callid: 'a/b c-7' } });
    const { json } = await get(sim, siblingUrl('callinfobycallid', { callid: 'a/b c-7' }));
    expect(envelope(json).result).toMatchObject({ callid: 'a/b c-7' });
    expect(sim.requests.list.at(-1)?.path).toBe('/agentgateway/resource/calldata/60015/callinfobycallid/a%2Fb%20c-7');
  });

  it('shifts begin time with the gateway clock offset, as callinfo does', async () => {
    const { sim } = consulting();
    sim.setClockOffset(-5_000);
    expect(sim.peekCallById(AGENT, CUSTOMER)).toMatchObject({ begintime: T0 - 5_000 });
    expect(envelope((await get(sim, siblingUrl('callinfobycallid', { callid: CONSULT }))).json).result)
      .toMatchObject({ begintime: T0 + 15_000 });
  });
});

describe.each([
  ['allcallid', siblingUrl('allcallid')],
  ['callinfobycallid', siblingUrl('callinfobycallid', { callid: CUSTOMER })],
] as const)('%s: the gateway checks', (_kind, path) => {
  it('refuses a missing or wrong Guid with 000-003, and never logs the Guid', async () => {
    const { sim } = consulting();
    const guid = sim.getGuid(AGENT);
    expect(envelope((await get(sim, path, { guid: null })).json)).toMatchObject({ retcode: '000-003', result: null });
    expect(envelope((await get(sim, path, { guid: `${guid}x` })).json)).toMatchObject({ retcode: '000-003', result: null });
    sim.rotateGuid(AGENT);
    expect(envelope((await get(sim, path, { guid })).json)).toMatchObject({ retcode: '000-003' });
    expect(JSON.stringify(sim.requests.list)).not.toContain(guid);
    expect(sim.requests.list.map((entry) => entry.path)).toEqual([path, path, path]);
  });

  it('answers 100-006 when signed out or unknown, 000-002 for a bad agent ID, 405 for POST', async () => {
    const { sim } = consulting();
    sim.signOut(AGENT);
    expect(envelope((await get(sim, path)).json)).toMatchObject({ retcode: '100-006' });
    sim.signIn(AGENT);
    expect(envelope((await get(sim, path.replace(AGENT, '60099'), { guid: 'x' })).json)).toMatchObject({ retcode: '100-006' });
    expect(envelope((await get(sim, path.replace(AGENT, '12'), { guid: 'x' })).json)).toMatchObject({ retcode: '000-002' });
    const post = await sim.fetch(path, { method: 'POST', headers: { Guid: sim.getGuid(AGENT) } });
    expect(post.status).toBe(405);
  });

  it('drops the calls at sign-out: success with no call once signed in again', async () => {
    const { sim } = consulting();
    sim.signOut(AGENT);
    sim.signIn(AGENT);
    const result = envelope((await get(sim, path)).json).result;
    expect(result === null || (Array.isArray(result) && result.length === 0)).toBe(true);
  });
});

describe.each([
  ['allcallid', siblingUrl('allcallid')],
  ['callinfobycallid', siblingUrl('callinfobycallid', { callid: CONSULT })],
] as const)('%s: injected faults', (_kind, path) => {
  it.each([
    [faults.notSignedIn(), '100-006'],
    [faults.authExpired(), '000-003'],
    [faults.retcode('000-007', 'Slow down', 429), '000-007'],
  ])('a retcode fault %j answers that failure envelope', async (fault, retcode) => {
    const { sim } = consulting();
    sim.injectFault(fault);
    const { json, status } = await get(sim, path);
    expect(status).toBe(fault.kind === 'retcode' && fault.status ? fault.status : 200);
    expect(json).toEqual({ message: expect.any(String), retcode, result: null });
    expect(sim.requests.list.at(-1)).toMatchObject({ path, fault: 'retcode', retcode, ok: false });
  });

  it.each([
    [faults.serverError(503), 503, /^<html>/],
    [faults.htmlPage(), 200, /^<!DOCTYPE html>/],
  ] as const)('an HTML fault %j answers an HTML page', async (fault, status, body) => {
    const { sim } = consulting();
    sim.injectFault(fault);
    const answer = await get(sim, path);
    expect(answer.status).toBe(status);
    expect(answer.response.headers.get('content-type')).toContain('text/html');
    expect(answer.text).toMatch(body);
    expect(sim.requests.list.at(-1)).toMatchObject({ path, fault: 'html' });
  });

  it('an empty body, and a truncated body that is a strict prefix of the real answer', async () => {
    const { sim } = consulting();
    const full = (await get(sim, path)).text;
    // Until removed: a sibling's request does not use up a counted fault (see the test below).
    const empty = sim.injectFault(faults.emptyBody(502));
    expect(await get(sim, path)).toMatchObject({ status: 502, text: '' });
    sim.removeFault(empty);
    const truncated = sim.injectFault(faults.truncatedJson());
    const cut = await get(sim, path);
    sim.removeFault(truncated);
    expect(cut.json).toBeUndefined();
    expect(cut.text.length).toBeGreaterThan(10);
    expect(cut.text.length).toBeLessThan(full.length);
    expect(full.startsWith(cut.text)).toBe(true);
    expect(sim.requests.list.slice(-2).map((entry) => entry.fault)).toEqual(['empty-body', 'truncated-json']);
    expect((await get(sim, path)).text).toBe(full);
  });

  it('a network failure rejects fetch with a TypeError, logged with the path', async () => {
    const { sim } = consulting();
    sim.injectFault(faults.networkFailure(), { times: 1 });
    await expect(get(sim, path)).rejects.toBeInstanceOf(TypeError);
    expect(sim.requests.list.at(-1)).toMatchObject({ path, outcome: 'network-error', fault: 'network', status: null });
  });

  it('a delay waits on the injected sleep, then answers normally', async () => {
    const waits: number[] = [];
    const { sim, advance } = makeSim({
      sleep: async (ms) => {
        waits.push(ms);
        advance(ms);
      },
    });
    sim.setScenario(AGENT, 'consult-customer-held');
    advance(30_000);
    sim.injectFault(faults.delay(1_500), { times: 1 });
    const { json, response } = await get(sim, path);
    expect(waits).toEqual([1_500]);
    expect(envelope(json).retcode).toBe('0');
    expect(response.headers.get('date')).toBe(new Date(T0 + 31_500).toUTCString());
  });

  it('applies per agent and to every route; its times count the polls of "query call information" alone', async () => {
    const { sim } = consulting();
    sim.addAgent({ agentId: '60016' });
    sim.injectFault(faults.rateLimited(), { agentId: AGENT, times: 2 });
    expect(envelope((await get(sim, path.replace(AGENT, '60016'), { agentId: '60016' })).json).retcode).toBe('0');
    expect(envelope((await get(sim, path)).json).retcode).toBe('000-007');
    expect(envelope((await get(sim, path)).json).retcode).toBe('000-007');
    expect(envelope((await query(sim)).json).retcode).toBe('000-007');
    expect(envelope((await get(sim, path)).json).retcode).toBe('000-007');
    expect(envelope((await query(sim)).json).retcode).toBe('000-007');
    expect(envelope((await get(sim, path)).json).retcode).toBe('0');
    expect(envelope((await query(sim)).json).retcode).toBe('0');
    expect(sim.requests.forAgent(AGENT).map((entry) => [entry.path, entry.fault])).toEqual([
      [path, 'retcode'], [path, 'retcode'], [callInfoUrl(), 'retcode'], [path, 'retcode'], [callInfoUrl(), 'retcode'], [path, null], [callInfoUrl(), null],
    ]);
  });

  it('rotates the Guid on a poll of "query call information" only', async () => {
    const { sim } = consulting();
    const before = sim.getGuid(AGENT);
    sim.injectFault(faults.rotateGuid(), { agentId: AGENT, times: 1 });
    await get(sim, path);
    expect(sim.getGuid(AGENT)).toBe(before);
    await query(sim);
    expect(sim.getGuid(AGENT)).not.toBe(before);
  });
});

it('callinfo still answers one call, the current one, and the trace of the held one says KEEP_DIRECT', async () => {
  const { sim } = consulting();
  const body = envelope((await query(sim)).json);
  expect(body.result).toMatchObject({ callid: CONSULT, callfeature: 51 });
  expect(body.result?.trace).toMatchObject({ callDirectMode: 'NORMAL_DIRECT', talkBeginTime: T0 + 24_000 });
  sim.release(AGENT); // the consultation ends: the held customer becomes the current call
  const held = envelope((await query(sim)).json).result;
  expect(held).toMatchObject({ callid: CUSTOMER });
  expect(held?.trace).toMatchObject({ callDirectMode: 'KEEP_DIRECT', leaveReason: 18 });
});

it('the fault list shape is unchanged for the control endpoint', () => {
  const { sim } = makeSim();
  const fault: Fault = faults.emptyBody();
  sim.injectFault(fault, { agentId: AGENT, times: 1 });
  expect(sim.state().faults).toEqual([{ id: 1, fault, agentId: AGENT, remaining: 1 }]);
});

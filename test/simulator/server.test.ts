// @vitest-environment node
import { afterEach, describe, expect, it } from 'vitest';
import { GatewaySimulator, faults } from '../../src/simulator';
import { startSimulatorServer, type SimulatorServer } from '../../src/simulator/node';
import { AGENT, T0, callInfoUrl } from './helpers';

let server: SimulatorServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function start(options: ConstructorParameters<typeof GatewaySimulator>[0] = {}) {
  let t = T0;
  const sim = new GatewaySimulator({ now: () => t, ...options });
  server = await startSimulatorServer({ simulator: sim, port: 0 });
  return { sim, url: server.url, advance: (ms: number) => { t += ms; } };
}

async function control(url: string, route: string, body?: unknown) {
  const response = await fetch(`${url}/__sim${route}`, body === undefined
    ? {}
    : { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

describe('simulator server', () => {
  it('listens on 127.0.0.1 on a free port and serves the interface with CORS', async () => {
    const { sim, url } = await start();
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server?.port).toBeGreaterThan(0);
    sim.setScenario(AGENT, 'inbound-voice');
    const response = await fetch(`${url}${callInfoUrl()}`, { headers: { Guid: sim.getGuid(AGENT), 'Content-Type': 'application/json; charset=UTF-8' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('content-type')).toBe('application/json;charset=UTF-8');
    const body = (await response.json()) as { retcode: string; result: { callid: string; caller: string } };
    expect(body.retcode).toBe('0');
    expect(body.result).toMatchObject({ callid: `${T0 / 1000}-224`, caller: '013912345678' });
    const wrong = await fetch(`${url}${callInfoUrl()}`, { headers: { Guid: 'nope' } });
    expect(await wrong.json()).toMatchObject({ retcode: '000-003' });
  });

  it('answers a CORS preflight for the Guid header', async () => {
    const { url } = await start();
    const response = await fetch(`${url}${callInfoUrl()}`, {
      method: 'OPTIONS',
      headers: { Origin: 'http://localhost:6006', 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'content-type,guid' },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-allow-headers')?.toLowerCase().split(/,\s*/)).toEqual(expect.arrayContaining(['content-type', 'guid']));
    expect(response.headers.get('access-control-allow-methods')).toContain('GET');
  });

  it('serves HTML 404s and 405s as the gateway’s web container does', async () => {
    const { url } = await start();
    const notFound = await fetch(`${url}/agentgateway/resource/calldata/60015/other`);
    expect(notFound.status).toBe(404);
    expect(await notFound.text()).toContain('404');
    const post = await fetch(`${url}${callInfoUrl()}`, { method: 'POST', body: '{}' });
    expect(post.status).toBe(405);
  });

  it('drops the connection for a network fault, so fetch rejects with a TypeError', async () => {
    const { sim, url } = await start();
    sim.injectFault(faults.networkFailure(), { times: 1 });
    await expect(fetch(`${url}${callInfoUrl()}`, { headers: { Guid: sim.getGuid(AGENT) } })).rejects.toBeInstanceOf(TypeError);
    expect((await fetch(`${url}${callInfoUrl()}`, { headers: { Guid: sim.getGuid(AGENT) } })).status).toBe(200);
  });

  it('serves an injected 5xx HTML page and a truncated body over HTTP', async () => {
    const { sim, url } = await start();
    sim.injectFault(faults.serverError(503), { times: 1 });
    sim.injectFault(faults.truncatedJson(), { times: 1 });
    const headers = { Guid: sim.getGuid(AGENT) };
    const first = await fetch(`${url}${callInfoUrl()}`, { headers });
    expect(first.status).toBe(503);
    expect(first.headers.get('content-type')).toContain('text/html');
    const second = await fetch(`${url}${callInfoUrl()}`, { headers });
    const text = await second.text();
    expect(text.startsWith('{"message":""')).toBe(true);
    expect(() => JSON.parse(text)).toThrow();
  });

  it('aborts the simulated delay when the client goes away', async () => {
    let arrived: () => void = () => {};
    const arrival = new Promise<void>((resolve) => { arrived = resolve; });
    let aborted: () => void = () => {};
    const abortSeen = new Promise<void>((resolve) => { aborted = resolve; });
    const { sim, url } = await start({
      sleep: (_ms, signal) => {
        signal?.addEventListener('abort', () => aborted(), { once: true });
        arrived();
        return new Promise<void>(() => {});
      },
    });
    sim.injectFault(faults.delay(60_000));
    const controller = new AbortController();
    const pending = fetch(`${url}${callInfoUrl()}`, { headers: { Guid: sim.getGuid(AGENT) }, signal: controller.signal });
    await arrival;
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    await abortSeen;
    await new Promise<void>((resolve) => setImmediate(resolve)); // let the rejection settle (one macrotask, no timer)
    expect(sim.requests.list[0]?.outcome).toBe('aborted');
  });

  it('refuses to listen on anything but loopback', async () => {
    await expect(startSimulatorServer({ simulator: new GatewaySimulator(), port: 0, host: '0.0.0.0' })).rejects.toThrow(/loopback/);
  });
});

describe('simulator server Date header', () => {
  // Two hours behind real time, so Node's own (real-clock) Date cannot pass for the simulator's.
  const behind = () => Math.floor((Date.now() - 2 * 60 * 60 * 1000) / 1000) * 1000 + 456;

  it('sends the simulator’s Date, not Node’s, and exposes it to other origins', async () => {
    const t = behind();
    const { sim, url } = await start({ now: () => t });
    const response = await fetch(`${url}${callInfoUrl()}`, { headers: { Guid: sim.getGuid(AGENT), Origin: 'http://localhost:6006' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('date')).toBe(new Date(t).toUTCString());
    expect(response.headers.get('access-control-expose-headers')?.toLowerCase().split(/,\s*/)).toContain('date');
    expect(await response.json()).toMatchObject({ retcode: '0' });
  });

  it('sends the simulator’s Date on a fault answer and on a 404 too', async () => {
    let t = behind();
    const { sim, url } = await start({ now: () => t });
    sim.injectFault(faults.serverError(502), { times: 1 });
    const page = await fetch(`${url}${callInfoUrl()}`, { headers: { Guid: sim.getGuid(AGENT) } });
    expect(page.status).toBe(502);
    expect(page.headers.get('date')).toBe(new Date(t).toUTCString());
    const before = t;
    t += 3_000;
    const notFound = await fetch(`${url}/agentgateway/resource/calldata/60015/other`);
    expect(notFound.status).toBe(404);
    expect(notFound.headers.get('date')).toBe(new Date(before + 3_000).toUTCString());
    expect(notFound.headers.get('access-control-expose-headers')).toBe('Date');
  });

  it('exposes Date on a CORS preflight', async () => {
    const { url } = await start({ now: behind });
    const response = await fetch(`${url}${callInfoUrl()}`, {
      method: 'OPTIONS',
      headers: { Origin: 'http://localhost:6006', 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'content-type,guid' },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-expose-headers')?.toLowerCase().split(/,\s*/)).toContain('date');
  });
});

describe('control endpoint', () => {
  it('lists scenarios and state, without Guids', async () => {
    const { sim, url } = await start();
    const scenarios = await fetch(`${url}/__sim/scenarios`);
    expect(scenarios.headers.get('access-control-allow-origin')).toBe('*');
    const list = (await scenarios.json()) as { id: string; title: string }[];
    expect(list.map((s) => s.id)).toContain('transfer-overflow');
    const { status, json } = await control(url, '/state');
    expect(status).toBe(200);
    expect(json).toMatchObject({ now: T0, agents: [{ agentId: AGENT, signedIn: true, phase: 'not-started' }], requestCount: 0 });
    expect(JSON.stringify(json)).not.toContain(sim.getGuid(AGENT));
  });

  it('sets scenarios and drives a call: start, hold, unhold, release', async () => {
    const { sim, url, advance } = await start();
    expect((await control(url, '/scenario', { agentId: AGENT, scenarioId: 'video-call' })).json).toMatchObject({ ok: true, state: { agents: [{ scenarioId: 'video-call' }] } });
    expect(sim.peekCall(AGENT)?.mediaType).toBe(19);
    advance(200_000);
    expect((await control(url, '/call/start', { agentId: AGENT, state: 'ringing', fields: { caller: '0044' } })).status).toBe(200);
    expect(sim.peekCall(AGENT)).toMatchObject({ caller: '0044' });
    expect((await control(url, '/call/hold', { agentId: AGENT })).status).toBe(409);
    expect((await control(url, '/call/answer', { agentId: AGENT })).status).toBe(200);
    expect((await control(url, '/call/hold', { agentId: AGENT })).json).toMatchObject({ state: { agents: [{ phase: 'held' }] } });
    expect((await control(url, '/call/unhold', { agentId: AGENT })).json).toMatchObject({ state: { agents: [{ phase: 'talking' }] } });
    expect((await control(url, '/call/release', { agentId: AGENT, leaveReason: 15 })).json).toMatchObject({ state: { agents: [{ phase: 'released', hasLastCall: true }] } });
    expect(sim.peekCall(AGENT, { includeLastCall: true })).toMatchObject({ caller: '0044' });
  });

  it('injects and clears faults, rotates Guids, signs in and out', async () => {
    const { sim, url } = await start();
    const injected = await control(url, '/fault', { fault: { kind: 'retcode', retcode: '000-007' }, agentId: AGENT, times: 1 });
    expect(injected.json).toMatchObject({ ok: true, id: expect.any(Number) });
    expect(sim.state().faults).toHaveLength(1);
    await control(url, '/faults/clear', {});
    expect(sim.state().faults).toHaveLength(0);

    const before = sim.getGuid(AGENT);
    await control(url, '/guid/rotate', { agentId: AGENT });
    expect(sim.getGuid(AGENT)).not.toBe(before);

    await control(url, '/signout', { agentId: AGENT });
    const headers = { Guid: sim.getGuid(AGENT) };
    expect(await (await fetch(`${url}${callInfoUrl()}`, { headers })).json()).toMatchObject({ retcode: '100-006' });
    const signedIn = await control(url, '/signin', { agentId: AGENT });
    expect(signedIn.json.guid).toBe(sim.getGuid(AGENT));
    expect(await (await fetch(`${url}${callInfoUrl()}`, { headers: { Guid: sim.getGuid(AGENT) } })).json()).toMatchObject({ retcode: '0' });
    expect(sim.requests.count).toBe(2);
  });

  it('refuses bad requests with 400, unknown routes with 404, wrong methods with 405', async () => {
    const { url } = await start();
    expect((await control(url, '/scenario', { agentId: AGENT, scenarioId: 'no-such' })).status).toBe(400);
    expect((await control(url, '/fault', { fault: { kind: 'explode' } })).status).toBe(400);
    expect((await control(url, '/call/start', { agentId: '99999' })).status).toBe(404);
    expect((await control(url, '/nope')).status).toBe(404);
    expect((await control(url, '/state', {})).status).toBe(405);
    const badJson = await fetch(`${url}/__sim/scenario`, { method: 'POST', body: '{not json' });
    expect(badJson.status).toBe(400);
  });
});

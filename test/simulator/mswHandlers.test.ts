import { describe, expect, it } from 'vitest';
import { fetchCallInfo } from '../../src/gateway/fetchCallInfo';
import { GatewaySimulator, createMswHandlers, faults } from '../../src/simulator';

/** Stands in for MSW's `http`: records the route and resolver it is given. */
function fakeHttp() {
  const routes: Array<{ path: string; resolver: (info: { request: Request }) => Promise<Response> }> = [];
  return {
    routes,
    get: (path: string, resolver: (info: { request: Request }) => Promise<Response>) => {
      routes.push({ path, resolver });
      return { path };
    },
  };
}

describe('createMswHandlers', () => {
  it('registers the three interface paths on any origin and base path', () => {
    const http = fakeHttp();
    const handlers = createMswHandlers(new GatewaySimulator(), http);
    expect(handlers).toEqual([
      { path: '*/agentgateway/resource/calldata/:agentId/callinfo' },
      { path: '*/agentgateway/resource/calldata/:agentId/allcallid' },
      { path: '*/agentgateway/resource/calldata/:agentId/callinfobycallid/:callId' },
    ]);
  });

  it('answers the sibling interfaces through their handlers', async () => {
    const sim = new GatewaySimulator();
    sim.startCall('60015', { state: 'talking' });
    sim.consult('60015', { state: 'talking' });
    const http = fakeHttp();
    createMswHandlers(sim, http);
    const headers = { Guid: sim.getGuid('60015') };
    const ids = sim.peekCallIds('60015');
    const all = await http.routes[1]!.resolver({ request: new Request('https://gw.example/agentgateway/resource/calldata/60015/allcallid', { headers }) });
    expect(await all.json()).toEqual({ message: '', retcode: '0', result: ids });
    const url = `https://gw.example/agentgateway/resource/calldata/60015/callinfobycallid/${encodeURIComponent(ids[0]!)}`;
    const one = await http.routes[2]!.resolver({ request: new Request(url, { headers }) });
    expect(await one.json()).toMatchObject({ retcode: '0', result: { callid: ids[0], callfeature: 0 } });
  });

  it('answers as the simulator does, so the real client parses it', async () => {
    const sim = new GatewaySimulator();
    sim.startCall('60015', { state: 'talking', fields: { caller: '70004' } });
    const http = fakeHttp();
    createMswHandlers(sim, http);
    const viaMsw: typeof fetch = (input, init) => http.routes[0]!.resolver({ request: new Request(input as string, init) });
    const call = await fetchCallInfo({ baseUrl: 'https://gw.example:8043', agentId: '60015', guid: sim.getGuid('60015'), fetch: viaMsw });
    expect(call?.caller).toBe('70004');
    expect(call?.phase).toBe('talking');
  });

  it('turns an injected network failure into Response.error(), a failed fetch under MSW', async () => {
    const sim = new GatewaySimulator();
    sim.injectFault(faults.networkFailure());
    const http = fakeHttp();
    createMswHandlers(sim, http);
    const request = new Request('https://gw.example/agentgateway/resource/calldata/60015/callinfo', {
      headers: { Guid: sim.getGuid('60015') },
    });
    const response = await http.routes[0]!.resolver({ request });
    expect(response.type).toBe('error');
  });
});

import { describe, expect, it } from 'vitest';
import { faults } from '../../src/simulator';
import { AGENT, T0, makeSim, query } from './helpers';

describe('request log', () => {
  it('counts and lists every request with time, agent, path and outcome', async () => {
    const { sim, advance } = makeSim({ agents: [{ agentId: '60015' }, { agentId: '60016' }] });
    await query(sim);
    advance(3_000);
    await query(sim, { agentId: '60016', last: true });
    await query(sim, { guid: 'wrong' });
    await sim.fetch('/nowhere');
    expect(sim.requests.count).toBe(4);
    expect(sim.requests.list).toEqual([
      expect.objectContaining({ seq: 1, time: T0, method: 'GET', agentId: '60015', path: '/agentgateway/resource/calldata/60015/callinfo', ok: true, status: 200, retcode: '0' }),
      expect.objectContaining({ seq: 2, time: T0 + 3_000, agentId: '60016', path: '/agentgateway/resource/calldata/60016/callinfo?isNoContainLastCall=true', ok: true }),
      expect.objectContaining({ seq: 3, agentId: '60015', ok: false, status: 200, retcode: '000-003' }),
      expect.objectContaining({ seq: 4, agentId: null, path: '/nowhere', ok: false, status: 404, retcode: null }),
    ]);
    expect(sim.requests.forAgent('60016')).toHaveLength(1);
    expect(sim.state().requestCount).toBe(4);
  });

  it('marks faulted answers not ok, with the fault kind', async () => {
    const { sim } = makeSim();
    sim.injectFault(faults.serverError(503), { times: 1 });
    sim.injectFault(faults.truncatedJson(), { times: 1 });
    await query(sim);
    await query(sim);
    expect(sim.requests.list.map((e) => [e.ok, e.status, e.fault])).toEqual([[false, 503, 'html'], [false, 200, 'truncated-json']]);
  });

  it('logs a delayed request as pending while it waits', async () => {
    let release: () => void = () => {};
    const { sim } = makeSim({ sleep: () => new Promise<void>((resolve) => { release = resolve; }) });
    sim.injectFault(faults.delay(5_000), { times: 1 });
    const pending = query(sim);
    await Promise.resolve();
    expect(sim.requests.count).toBe(1);
    expect(sim.requests.list[0]?.outcome).toBe('pending');
    release();
    await pending;
    expect(sim.requests.list[0]).toMatchObject({ outcome: 'answered', ok: true });
  });

  it('never holds the Guid', async () => {
    const { sim } = makeSim();
    const guid = sim.getGuid(AGENT);
    await query(sim);
    await query(sim, { guid: `${guid}x` });
    expect(JSON.stringify(sim.requests.list)).not.toContain(guid);
  });

  it('keeps only the last entries but counts them all; clear() starts over', async () => {
    const { sim } = makeSim({ requestLogLimit: 3 });
    for (let i = 0; i < 5; i++) await query(sim);
    expect(sim.requests.count).toBe(5);
    expect(sim.requests.list.map((e) => e.seq)).toEqual([3, 4, 5]);
    sim.requests.clear();
    expect(sim.requests.count).toBe(0);
    expect(sim.requests.list).toEqual([]);
  });
});

import { afterEach, describe, expect, it, vi } from 'vitest';
import { RETCODES } from '../../src/gateway/codes';
import { fetchCallInfo } from '../../src/gateway/fetchCallInfo';
import { SCENARIOS, SCENARIO_IDS, faults, type Fault } from '../../src/simulator';
import { AGENT, makeSim } from './helpers';

/** The library's own client against the simulator: every scenario must parse, every fault must map. */
afterEach(() => {
  vi.useRealTimers();
});

function client(sim: ReturnType<typeof makeSim>['sim'], extra: { isNoContainLastCall?: boolean; timeoutMs?: number } = {}) {
  return fetchCallInfo({ baseUrl: '', agentId: AGENT, guid: () => sim.getGuid(AGENT), fetch: sim.fetch, ...extra });
}

const EXPECTED_PHASE = { queued: 'queued', ringing: 'ringing', talking: 'talking', held: 'held' } as const;

describe.each(SCENARIO_IDS)('fetchCallInfo over scenario %s', (id) => {
  it('parses the call at every moment, in the phase the simulator is in, and the last call as ended', async () => {
    const { sim, advance } = makeSim();
    sim.setScenario(AGENT, id);
    const end = (SCENARIOS[id].releaseAt ?? 120_000) + 1_000;
    for (let elapsed = 0; elapsed <= end; elapsed += 2_500) {
      const call = await client(sim);
      const phase = sim.state().agents[0]?.phase;
      if (phase === 'released' || id === 'idle') expect(call).toBeNull();
      else if (id === 'older-gateway') expect(call?.phase).toBe('in-progress');
      else expect(call?.phase).toBe(EXPECTED_PHASE[phase as keyof typeof EXPECTED_PHASE]);
      advance(2_500);
    }
    const last = await client(sim, { isNoContainLastCall: true });
    if (SCENARIOS[id].releaseAt === null) expect(last === null || last.phase !== 'ended').toBe(true);
    else expect(last?.phase).toBe('ended');
  });
});

describe('fetchCallInfo over injected faults', () => {
  it.each([
    [faults.notSignedIn(), RETCODES['100-006']],
    [faults.authExpired(), RETCODES['000-003']],
    [faults.rateLimited(), RETCODES['000-007']],
    [faults.serverError(503), 'http'],
    [faults.htmlPage(), 'bad-response'],
    [faults.emptyBody(), 'bad-response'],
    [faults.truncatedJson(), 'bad-response'],
    [faults.networkFailure(), 'network'],
  ] as [Fault, string][])('%j rejects with kind %s', async (fault, kind) => {
    const { sim } = makeSim();
    sim.setScenario(AGENT, 'inbound-voice');
    sim.injectFault(fault);
    await expect(client(sim)).rejects.toMatchObject({ name: 'GatewayError', kind });
  });

  it('a delay beyond the client timeout is a timeout, and the simulator sees the abort', async () => {
    vi.useFakeTimers();
    const { sim } = makeSim();
    sim.injectFault(faults.delay(30_000));
    const pending = client(sim, { timeoutMs: 10_000 });
    const assertion = expect(pending).rejects.toMatchObject({ kind: 'timeout' });
    await vi.advanceTimersByTimeAsync(10_000);
    await assertion;
    expect(sim.requests.list[0]?.outcome).toBe('aborted');
    expect(vi.getTimerCount()).toBe(0);
  });

  it('reads the rotating Guid at every request', async () => {
    const { sim, advance } = makeSim({ agents: [{ agentId: AGENT, guidRotationMs: 5_000, scenario: 'video-call' }] });
    for (let i = 0; i < 4; i++) {
      await expect(client(sim)).resolves.toMatchObject({ media: { code: 19 } });
      advance(5_000);
    }
    expect(sim.requests.list.every((entry) => entry.ok)).toBe(true);
  });
});

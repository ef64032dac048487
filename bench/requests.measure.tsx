import { beforeEach, it, vi } from 'vitest';
import { AGENT, advance, mountPanel, setVisibility } from './harness';
import { record } from './record';

const TEN_MINUTES = 10 * 60_000;

beforeEach(() => {
  vi.useFakeTimers();
  setVisibility('visible');
});

it('requests while the document is hidden', async () => {
  const { sim, unmount } = mountPanel();
  sim.startCall(AGENT, { state: 'talking' });
  await advance(0);
  setVisibility('hidden');
  const before = sim.requests.count;
  await advance(TEN_MINUTES);
  record({ measure: 'Requests while hidden', value: sim.requests.count - before, unit: 'requests', goal: '0', note: '10 min hidden' });
  setVisibility('visible');
  unmount();
});

it('requests after 100-006 (agent not signed in)', async () => {
  const { sim, unmount } = mountPanel();
  sim.signOut(AGENT);
  await advance(0);
  const before = sim.requests.count;
  await advance(TEN_MINUTES);
  record({ measure: 'Requests after 100-006', value: sim.requests.count - before, unit: 'requests', goal: '0', note: '10 min after the answer' });
  unmount();
});

it('requests during a one-minute outage', async () => {
  const { sim, unmount } = mountPanel();
  sim.startCall(AGENT, { state: 'talking' });
  await advance(0);
  const before = sim.requests.count;
  sim.injectFault({ kind: 'html', status: 502 });
  await advance(60_000);
  record({ measure: 'Requests during a 1 min outage (5xx)', value: sim.requests.count - before, unit: 'requests', goal: '<= 8', note: 'backoff 1-30 s with jitter; 20 at the plain 3 s interval' });
  unmount();
});

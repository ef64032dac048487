import { beforeEach, it, vi } from 'vitest';
import { isCallInfoUrl } from '../test/fixtures/wire';
import { AGENT, advance, mountPanel, setVisibility } from './harness';
import { record } from './record';

const MINUTE = 60_000;

beforeEach(() => {
  vi.useFakeTimers();
  setVisibility('visible');
});

/**
 * Gateway requests per minute of the default panel (every call of the agent, 3 s interval) with
 * 0 to 3 calls held steady, by interface. The goal is issue 12's: with one call or none, one
 * request more per three intervals than "query call information" alone (20 a minute); with N
 * calls, at most 1 + N per interval.
 */
it.each([0, 1, 2, 3])('requests per minute with %i calls', async (calls) => {
  const { sim, unmount } = mountPanel();
  if (calls > 0) sim.startCall(AGENT, { state: 'talking' });
  // Each consultation holds the call before it: N calls, the last one current.
  for (let n = 1; n < calls; n++) sim.consult(AGENT, { state: 'talking', called: `200${n}` });
  await advance(0);
  await advance(10_000); // settled: the list and every call asked at least once
  const from = sim.requests.list.length;
  await advance(MINUTE);
  const paths = sim.requests.list.slice(from).map((entry) => entry.path);
  const current = paths.filter(isCallInfoUrl).length;
  const list = paths.filter((path) => path.endsWith('/allcallid')).length;
  const byId = paths.length - current - list;
  const goal = calls <= 1 ? '<= 26.7 (20 + 20/3)' : `<= ${20 * (1 + calls)} (20 x (1 + ${calls}))`;
  record({
    measure: `Requests per minute, ${calls} call${calls === 1 ? '' : 's'} (every call shown)`,
    value: paths.length,
    unit: 'requests',
    goal,
    note: `callinfo ${current}, allcallid ${list}, callinfobycallid ${byId}`,
  });
  unmount();
});

import { beforeEach, it, vi } from 'vitest';
import { AGENT, advance, mountPanel } from './harness';
import { record } from './record';

const POLLS = 10_000;
const WARM_UP = 500;
const INTERVAL_MS = 3_000;

declare const gc: () => void;

function heapAfterGc(): number {
  for (let i = 0; i < 3; i += 1) gc();
  return process.memoryUsage().heapUsed;
}

beforeEach(() => {
  vi.useFakeTimers();
});

it('heap growth over 10,000 polls of changing and unchanging answers', async () => {
  const { sim, unmount } = mountPanel();
  /** Every 20th poll changes the answer: a new call, a phase change, a release. */
  const step = (i: number) => {
    const k = i % 60;
    if (k === 0) sim.startCall(AGENT, { state: 'ringing', fields: { caller: `7${String(i).padStart(6, '0')}` } });
    else if (k === 20) sim.answer(AGENT);
    else if (k === 40) sim.release(AGENT);
  };
  for (let i = 0; i < WARM_UP; i += 1) {
    step(i);
    await advance(INTERVAL_MS);
  }
  const before = heapAfterGc();
  let halfway = 0;
  for (let i = WARM_UP; i < WARM_UP + POLLS; i += 1) {
    step(i);
    await advance(INTERVAL_MS);
    if (i === WARM_UP + POLLS / 2) halfway = heapAfterGc();
  }
  const after = heapAfterGc();
  const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 100) / 100;
  record({
    measure: 'Heap growth over 10,000 polls',
    value: mb(after - before),
    unit: 'MB',
    goal: '< 1 MB',
    // A leak grows with the polls; a warm-up cost does not.
    note: `second 5,000 polls: ${mb(after - halfway)} MB; ${sim.requests.count} requests, a new call every 60 polls`,
  });
  unmount();
});

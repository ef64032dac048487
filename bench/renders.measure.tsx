import { afterAll, beforeEach, expect, it, vi } from 'vitest';
import {
  CallDataView,
  CallDetails,
  CallInfoView,
  CallLegs,
  CallParties,
  CallTimer,
  CallTypeBadge,
  MediaBadge,
  SkillTag,
  TraceTimeline,
} from '../src/components';
import { faults } from '../src/simulator';
import { countRenders } from '../test/components/renderCounter';
import { AGENT, advance, callInfoCount, mountPanel } from './harness';
import { record } from './record';

const POLLS = 100;
const INTERVAL_MS = 3_000;

const renders = countRenders({ CallInfoView, CallLegs, CallParties, CallTypeBadge, MediaBadge, SkillTag, TraceTimeline, CallDetails, CallDataView, CallTimer });
afterAll(() => renders.restore());
const nonTimerRenders = () =>
  Object.entries(renders.counts).reduce((sum, [name, n]) => (name === 'CallTimer' ? sum : sum + n), 0);

beforeEach(() => {
  vi.useFakeTimers();
  renders.reset();
});

it('commits per poll with unchanged data', async () => {
  const { sim, stats, unmount } = mountPanel();
  sim.startCall(AGENT, { state: 'talking' });
  sim.release(AGENT); // an ended call: nothing ticks, so every commit would be a poll's
  await advance(0);
  const requestsBefore = callInfoCount(sim);
  const commitsBefore = stats.commits;
  await advance(POLLS * INTERVAL_MS);
  const polls = callInfoCount(sim) - requestsBefore;
  expect(polls).toBe(POLLS);
  record({ measure: 'React commits per poll, unchanged call', value: (stats.commits - commitsBefore) / polls, unit: 'commits', goal: '0', note: `${polls} polls` });
  unmount();
});

it('commits per second during a live call, and where they happen', async () => {
  const { sim, stats, unmount } = mountPanel();
  sim.startCall(AGENT, { state: 'talking' });
  await advance(0);
  await advance(1_000);
  renders.reset();
  const commitsBefore = stats.commits;
  const seconds = (POLLS * INTERVAL_MS) / 1_000;
  await advance(seconds * 1_000);
  record({ measure: 'React commits per second, live call', value: (stats.commits - commitsBefore) / seconds, unit: 'commits', goal: '1', note: `${POLLS} polls, ${seconds} s` });
  record({ measure: 'Renders outside the timer leaves, live call', value: nonTimerRenders(), unit: 'renders', goal: '0', note: `CallTimer rendered ${renders.counts.CallTimer} times` });
  unmount();
});

it('renders outside the timer leaves during a consultation (two calls, three interfaces polled)', async () => {
  const { sim, stats, unmount } = mountPanel();
  sim.startCall(AGENT, { state: 'talking' });
  sim.consult(AGENT, { state: 'talking' });
  await advance(0);
  await advance(10_000); // the list and the held call asked, the strip shown
  renders.reset();
  const commitsBefore = stats.commits;
  const seconds = (POLLS * INTERVAL_MS) / 1_000;
  await advance(seconds * 1_000);
  record({
    measure: 'Renders outside the timer leaves, consultation (2 calls)',
    value: nonTimerRenders(),
    unit: 'renders',
    goal: '0',
    note: `${POLLS} polls of each of 3 interfaces; ${((stats.commits - commitsBefore) / seconds).toFixed(2)} commits/s (the timers' tick)`,
  });
  unmount();
});

/** Waits, poll by poll, until the simulator has answered one more request for the call. */
async function nextPoll(sim: Parameters<typeof callInfoCount>[0]) {
  const before = callInfoCount(sim);
  while (callInfoCount(sim) === before) await advance(100);
  await advance(0);
}
const rendered = () =>
  Object.entries(renders.counts)
    .filter(([name, n]) => n > 0 && name !== 'CallTimer')
    .map(([name, n]) => `${name} ${n}`)
    .join(', ') || 'none';

it('renders when the call changes, and when a poll fails', async () => {
  const { sim, unmount } = mountPanel();
  sim.startCall(AGENT, { state: 'talking' });
  await advance(0);
  await advance(1_000);

  renders.reset();
  sim.hold(AGENT);
  await nextPoll(sim);
  record({ measure: 'Renders outside the timer leaves, call put on hold', value: nonTimerRenders(), unit: 'renders', goal: 'the parts whose data changed', note: rendered() });

  renders.reset();
  sim.injectFault(faults.serverError(502));
  await nextPoll(sim);
  record({ measure: 'Renders outside the timer leaves, first failed poll', value: nonTimerRenders(), unit: 'renders', goal: 'the view only', note: rendered() });
  unmount();
});

/**
 * An eight-hour shift on fake time: the connected panel against the simulator, calls coming and
 * going every six minutes (queued, answered, held, unheld, released), two two-minute outages
 * (HTTP 502 pages, then dropped connections) and a shorter one (truncated JSON), a sign-out and
 * sign-in. Checked: requests per stretch within what the polling policy predicts, nothing that
 * grows (one query, one observer, the same DOM and timers at the same moment of each call, the
 * simulator's log capped), the right state at the end, and no timer left once the panel is gone.
 *
 * Heap: the unit project has no `--expose-gc` (the bench measures heap with it, see
 * `bench/heap.measure.tsx`), so growth is checked structurally instead of in bytes.
 */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CallInfoPanel } from '../../src/components';
import { DEFAULT_POLL_INTERVAL_MS, BACKOFF_MAX_MS, callInfoKeys, refreshCallInfo } from '../../src/query';
import { GatewaySimulator, faults, type Fault, type ScenarioId } from '../../src/simulator';
import { isCallInfoUrl } from '../fixtures/wire';
import { advance } from '../query/renderWithClient';
import { maxRequestsDuringOutage, minRequestsDuringOutage, seededRandom } from './support/policy';

const AGENT = '60015';
/** 2025-11-24 08:00 UTC: the shift starts. */
const SHIFT_START = 1_763_971_200_000;
const HOUR = 3_600_000;
const MIN = 60_000;
const SEC = 1_000;
const SHIFT_MS = 8 * HOUR;
/** The panel polls at its default interval, as deployed. */
const POLL_MS = DEFAULT_POLL_INTERVAL_MS;
const CYCLE_MS = 6 * MIN;
const FIRST_CALL_AT = MIN;
const LIKES: readonly Exclude<ScenarioId, 'idle'>[] = ['inbound-voice', 'video-call', 'web-chat'];

/** The stretches of the shift that differ in what the gateway answers. */
type Condition = 'ok' | 'outage' | 'signed-out';
interface Stretch {
  readonly condition: Condition;
  readonly from: number;
  readonly to: number;
  readonly fault?: Fault;
  /** Requests sent during it, filled in as the shift runs. */
  requests?: number;
}

const cycleStart = (k: number) => FIRST_CALL_AT + k * CYCLE_MS;
const callerOf = (k: number) => `01390000${String(k).padStart(3, '0')}`;

// The outages and the sign-out, placed in particular calls' cycles.
const OUTAGE_5XX = { from: cycleStart(20) + 30 * SEC, to: cycleStart(20) + 150 * SEC }; // during call 20 (it ends inside)
const OUTAGE_NETWORK = { from: cycleStart(40) + 150 * SEC, to: cycleStart(40) + 270 * SEC }; // after call 40 ended
const OUTAGE_TRUNCATED = { from: cycleStart(60) + 40 * SEC, to: cycleStart(60) + 70 * SEC }; // 30 s, during call 60 (held)
const SIGNED_OUT = { from: cycleStart(30) + 150 * SEC, to: cycleStart(30) + 750 * SEC }; // 10 min; calls 31 and 32 never come
const FINAL_CALL_AT = SHIFT_MS - 60 * SEC;
/** Calls sampled for growth, all of the same kind (k % 3 === 0), at the same moment (talking again after the hold). */
const SAMPLED = [3, 12, 21, 39, 48, 57, 66, 75];

const STRETCHES: Stretch[] = (() => {
  const special: Stretch[] = [
    { condition: 'outage', ...OUTAGE_5XX, fault: faults.serverError(502) },
    { condition: 'signed-out', ...SIGNED_OUT },
    { condition: 'outage', ...OUTAGE_NETWORK, fault: faults.networkFailure() },
    { condition: 'outage', ...OUTAGE_TRUNCATED, fault: faults.truncatedJson() },
  ];
  special.sort((a, b) => a.from - b.from);
  const all: Stretch[] = [];
  let t = 0;
  for (const stretch of special) {
    all.push({ condition: 'ok', from: t, to: stretch.from }, stretch);
    t = stretch.to;
  }
  all.push({ condition: 'ok', from: t, to: SHIFT_MS });
  return all;
})();

const skipped = (k: number) => cycleStart(k) >= SIGNED_OUT.from && cycleStart(k) < SIGNED_OUT.to;

/** Wall time, read before fake timers replace `performance`. */
const wallClock = performance.now.bind(performance);

let sim: GatewaySimulator;
let client: QueryClient;

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(SHIFT_START);
  // Jitter as in production, but the same on every run.
  vi.spyOn(Math, 'random').mockImplementation(seededRandom(8));
  sim = new GatewaySimulator();
  callInfoSent = 0;
  client = new QueryClient();
});
afterEach(() => {
  client.clear();
  vi.useRealTimers();
});

const region = () => screen.getByRole('region');
const attrs = () => ({
  status: region().getAttribute('data-status'),
  freshness: region().getAttribute('data-freshness'),
  phase: region().getAttribute('data-phase'),
});
const shownCallId = () => region().querySelector('[data-entry="callId"] .cip-CallDetails-callId')?.textContent ?? null;
const shownCaller = () => region().querySelector('[data-party="caller"] .cip-CallParties-number')?.textContent ?? null;

/** The requests sent to "query call information" (the simulator's log keeps only the last 1,000), and its queries in the cache. */
let callInfoSent = 0;
const callInfoCount = () => callInfoSent;
const countingFetch: typeof globalThis.fetch = (input, init) => {
  if (isCallInfoUrl(input instanceof Request ? input.url : input)) callInfoSent++;
  return sim.fetch(input, init);
};
const callInfoQueries = () => client.getQueryCache().findAll({ queryKey: callInfoKeys.detail(AGENT, '', true), exact: true });

describe('an eight-hour shift', () => {
  it('stays within the request budget, grows nothing, and ends showing the right call', async () => {
    const wallStart = wallClock();
    const { unmount } = render(
      <QueryClientProvider client={client}>
        <CallInfoPanel agentId={AGENT} guid={() => sim.getGuid(AGENT)} fetch={countingFetch} isNoContainLastCall />
      </QueryClientProvider>,
    );

    // The shift as a timeline of actions, run in time order; fake time jumps from one to the next.
    type Action = { at: number; order: number; run: () => void | Promise<void> };
    const actions: Action[] = [];
    const at = (time: number, run: Action['run'], order = 0) => actions.push({ at: time, order, run });
    const samples: Array<{ k: number; elements: number; timers: number }> = [];
    const checks: string[] = [];

    for (let k = 0; cycleStart(k) + 2 * MIN < FINAL_CALL_AT; k++) {
      if (skipped(k)) continue;
      const c = cycleStart(k);
      const like = LIKES[k % LIKES.length]!;
      at(c, () => sim.startCall(AGENT, { like, state: 'queued', fields: { caller: callerOf(k) } }));
      at(c + 20 * SEC, () => sim.answer(AGENT));
      at(c + 60 * SEC, () => sim.hold(AGENT));
      at(c + 80 * SEC, () => sim.unhold(AGENT));
      at(c + 120 * SEC, () => sim.release(AGENT, { leaveReason: k % 2 ? 15 : 16 }));
      if (SAMPLED.includes(k)) {
        at(c + 90 * SEC, () => {
          // Talking again, fresh, this call's caller: the same picture as every sampled call.
          expect(attrs()).toEqual({ status: 'live', freshness: 'fresh', phase: 'talking' });
          expect(shownCaller()).toBe(callerOf(k));
          // The call's query and the all-calls list; a call by ID only while the list lagged a change.
          expect(callInfoQueries()).toHaveLength(1);
          expect(callInfoQueries()[0]!.getObserversCount()).toBe(1);
          expect(client.getQueryCache().getAll().length).toBeLessThanOrEqual(3);
          expect(client.getMutationCache().getAll()).toHaveLength(0);
          expect(sim.requests.list.length).toBeLessThanOrEqual(1000);
          samples.push({ k, elements: document.body.getElementsByTagName('*').length, timers: vi.getTimerCount() });
        });
      }
    }
    // The last call: still on hold when the shift ends.
    at(FINAL_CALL_AT, () => sim.startCall(AGENT, { like: 'inbound-voice', state: 'queued', fields: { caller: '+8613912340000', callskill: 'Late shift' } }));
    at(FINAL_CALL_AT + 20 * SEC, () => sim.answer(AGENT));
    at(FINAL_CALL_AT + 40 * SEC, () => sim.hold(AGENT));

    // Outages and the sign-out, and what the panel shows in the middle of each.
    const faultIds = new Map<Stretch, number>();
    for (const stretch of STRETCHES) {
      if (stretch.condition === 'outage') {
        at(stretch.from, () => void faultIds.set(stretch, sim.injectFault(stretch.fault!)), -1);
        at(stretch.to, () => void sim.removeFault(faultIds.get(stretch)!), -1);
      }
    }
    at(OUTAGE_5XX.from + MIN, () => {
      // Mid-outage during call 20: its last good answer, marked stale.
      expect(attrs()).toMatchObject({ status: 'live', freshness: 'stale' });
      expect(shownCaller()).toBe(callerOf(20));
      checks.push('5xx: stale with the live call');
    });
    at(OUTAGE_5XX.to + BACKOFF_MAX_MS + POLL_MS, () => {
      // Recovered by itself: call 20 ended during the outage, now shown fresh as the last call.
      expect(attrs()).toEqual({ status: 'last-call', freshness: 'fresh', phase: 'ended' });
      expect(shownCaller()).toBe(callerOf(20));
      checks.push('5xx: recovered to the last call');
    });
    at(OUTAGE_NETWORK.from + MIN, () => {
      expect(attrs()).toMatchObject({ status: 'last-call', freshness: 'stale' });
      expect(shownCaller()).toBe(callerOf(40));
      checks.push('network: stale with the last call');
    });
    at(OUTAGE_NETWORK.to + BACKOFF_MAX_MS + POLL_MS, () => {
      expect(attrs()).toMatchObject({ status: 'last-call', freshness: 'fresh' });
      checks.push('network: recovered');
    });
    at(SIGNED_OUT.from, () => sim.signOut(AGENT), -1);
    at(SIGNED_OUT.from + MIN, () => {
      expect(attrs().status).toBe('signed-out');
      checks.push('signed out');
    });
    at(SIGNED_OUT.to, async () => {
      sim.signIn(AGENT); // a new Guid, which the panel's guid function reads
      await refreshCallInfo(client, AGENT); // the host says "signed in again"
    }, -1);
    at(SIGNED_OUT.to + 2 * SEC, () => {
      // The call before the sign-out is the agent's last call again.
      expect(attrs()).toMatchObject({ status: 'last-call', freshness: 'fresh' });
      expect(shownCaller()).toBe(callerOf(30));
      checks.push('signed in again: last call');
    });
    // Request counts at every stretch boundary.
    let stretchStartCount = 0;
    for (const stretch of STRETCHES) {
      at(stretch.to, () => {
        stretch.requests = callInfoCount() - stretchStartCount;
        stretchStartCount = callInfoCount();
      }, -2);
    }

    actions.sort((a, b) => a.at - b.at || a.order - b.order);
    let now = 0;
    await advance(0); // the first request, at mount
    for (const action of actions) {
      if (action.at > now) {
        await advance(action.at - now);
        now = action.at;
      }
      await action.run();
      await advance(0);
    }
    if (now < SHIFT_MS) await advance(SHIFT_MS - now);

    // Every stretch within what the policy predicts.
    const report: string[] = [];
    let lower = 0;
    let upper = 0;
    for (const [index, stretch] of STRETCHES.entries()) {
      const span = stretch.to - stretch.from;
      let min: number;
      let max: number;
      if (stretch.condition === 'ok') {
        const previous = STRETCHES[index - 1];
        // After an outage the first good poll comes at most one backoff step late; after the
        // sign-out the host's refresh asks at once; at the very start, the mount asks at once.
        const lateBy = previous?.condition === 'outage' ? BACKOFF_MAX_MS : 0;
        const extra = index === 0 || previous?.condition === 'signed-out' ? 1 : 0;
        min = Math.floor((span - lateBy) / POLL_MS) - 1 + extra;
        max = Math.ceil(span / POLL_MS) + 1 + extra;
      } else if (stretch.condition === 'outage') {
        min = minRequestsDuringOutage(span, { pollMs: POLL_MS });
        max = maxRequestsDuringOutage(span);
      } else {
        // One request learns of the sign-out; then none until the host refreshes.
        min = 1;
        max = 1;
      }
      lower += min;
      upper += max;
      report.push(`${stretch.condition} ${Math.round(span / SEC)} s: ${stretch.requests} requests (${min}-${max})`);
      expect(stretch.requests, report.at(-1)).toBeGreaterThanOrEqual(min);
      expect(stretch.requests, report.at(-1)).toBeLessThanOrEqual(max);
    }
    const total = callInfoCount();
    expect(total).toBe(STRETCHES.reduce((sum, s) => sum + (s.requests ?? 0), 0));
    // The other interfaces: allcallid every third poll while the agent has one call, and at once
    // when the current call changes (each call's start); nothing while the current call fails.
    const siblings = sim.requests.count - total;
    const calls = actions.filter((action) => action.run.toString().includes('startCall')).length;
    expect(siblings).toBeGreaterThan(0);
    expect(siblings).toBeLessThanOrEqual(Math.ceil(SHIFT_MS / (3 * POLL_MS)) + 2 * calls);
    expect(total).toBeGreaterThanOrEqual(lower);
    expect(total).toBeLessThanOrEqual(upper);

    // Nothing grew: every sampled call looked exactly the same in DOM size and timers.
    expect(samples.map((s) => s.k)).toEqual(SAMPLED);
    expect(new Set(samples.map((s) => s.elements)).size).toBe(1);
    // Timers: the two poll intervals (the call, the all-calls list) and the timers' shared clock,
    // each query's 1 s stale timeout when the sample falls within a second of its poll, and the
    // garbage-collection timer of a call asked by ID while the list lagged a call's start. A leak
    // of one per call or poll would show.
    const timers = samples.map((s) => s.timers);
    expect(Math.max(...timers), JSON.stringify(timers)).toBeLessThanOrEqual(Math.min(...timers) + 2);
    expect(Math.max(...timers)).toBeLessThanOrEqual(7);
    expect(checks).toHaveLength(6);

    // The end of the shift: the late call, on hold, fresh.
    const state = sim.state().agents[0]!;
    expect(state.phase).toBe('held');
    expect(attrs()).toEqual({ status: 'live', freshness: 'fresh', phase: 'held' });
    expect(shownCallId()).toBe(state.callid);
    expect(shownCaller()).toBe('+8613912340000');
    expect(region().querySelector('[data-slot="skill-tag"] .cip-SkillTag-name')?.textContent).toBe('Late shift');
    expect(sim.state().faults).toEqual([]);
    expect(callInfoQueries()).toHaveLength(1);

    // Gone: no poll, no tick, nothing scheduled once the cache lets go of the query.
    unmount();
    // Only the unobserved queries' garbage-collection timers are left (gcTime, 5 min by default).
    const left = client.getQueryCache().getAll();
    expect(left.every((query) => query.getObserversCount() === 0)).toBe(true);
    expect(vi.getTimerCount()).toBe(left.length);
    const afterUnmount = sim.requests.count;
    client.clear();
    expect(vi.getTimerCount()).toBe(0);
    await advance(10 * MIN);
    expect(sim.requests.count).toBe(afterUnmount);
    expect(client.getQueryCache().getAll()).toHaveLength(0);

    console.info(
      `soak: ${total} requests in 8 h (${lower}-${upper} predicted; ${SHIFT_MS / POLL_MS} at a plain ${POLL_MS / SEC} s), ` +
        `${actions.length} actions, sampled DOM ${samples[0]!.elements} elements / ${Math.min(...timers)}-${Math.max(...timers)} timers; ` +
        `${Math.round(wallClock() - wallStart)} ms wall time\n  ${report.join('\n  ')}`,
    );
  }, 60_000);
});

/**
 * The gateway's clock and the desktop's disagree. The panel's live timers count from the
 * gateway's times on the desktop's clock (there is no clock offset in the answer to correct
 * with), so: a gateway 2 minutes ahead must read 0:00, never negative, until the desktop catches
 * up; a gateway 2 hours behind reads two hours more, finite and formatted. Spans the gateway
 * closed itself (an ended call's talk, a segment's duration) are skew-free and must be exact.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { advance } from '../query/renderWithClient';
import { badDurations, durationSeconds, forbiddenWordsIn } from './support/dom';
import { AGENT, mountPanel, panelState, region } from './support/panel';

const DESK_T0 = 1_764_000_000_000;
const SEC = 1_000;

/** Every duration the panel shows, by where it is, in seconds. */
function timers() {
  const read = (selector: string) => {
    const el = region().querySelector(selector);
    return el ? durationSeconds(el.textContent ?? '') : null;
  };
  const all = [...region().querySelectorAll('[data-slot="call-timer"]')].map((el) => durationSeconds(el.textContent ?? ''));
  return {
    all,
    duration: read('.cip-CallInfoView-timers div:nth-child(1) [data-slot="call-timer"]'),
    talk: read('.cip-CallInfoView-timers div:nth-child(2) [data-slot="call-timer"]'),
    waitSegment: read('[data-segment="wait"] [data-slot="call-timer"]'),
    answerSegment: read('[data-segment="answer"] [data-slot="call-timer"]'),
    talkSegment: read('[data-segment="talk"] [data-slot="call-timer"]'),
  };
}

/** Nothing negative, NaN, or otherwise broken anywhere in the panel. */
function expectSane() {
  expect(badDurations(region())).toEqual([]);
  expect(forbiddenWordsIn(region())).toEqual([]);
  for (const seconds of timers().all) expect(Number.isFinite(seconds) && seconds >= 0).toBe(true);
}

/** Mounts the panel on a gateway whose clock is `skewMs` off the desktop's, and queues a call for 10 s. */
async function playCall(skewMs: number) {
  const { sim } = mountPanel({ refetchInterval: 1_000, isNoContainLastCall: true }, { now: () => Date.now() + skewMs });
  await advance(0);
  sim.startCall(AGENT, { state: 'queued', fields: { caller: '+8613800000001' } });
  await advance(10 * SEC);
  return { sim };
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(DESK_T0);
});
afterEach(() => {
  vi.useRealTimers();
});

describe('a gateway clock 2 minutes ahead of the desktop', () => {
  const SKEW = 2 * 60 * SEC;

  it('shows 0:00, never a negative time, until the desktop reaches the gateway\'s moments; then counts up', async () => {
    const { sim } = await playCall(SKEW);
    // Queued 10 s on the gateway, which is 2 min ahead: on the desktop the call "begins" in 1:50.
    expect(panelState()).toEqual({ status: 'live', freshness: 'fresh', phase: 'queued' });
    expectSane();
    expect(timers().duration).toBe(0);
    expect(timers().waitSegment).toBe(0);

    sim.answer(AGENT);
    await advance(30 * SEC);
    expect(panelState().phase).toBe('talking');
    expectSane();
    // Every running timer reads 0:00; the queue wait, closed by the gateway, reads its real 10 s.
    const running = [...region().querySelectorAll('[data-slot="call-timer"][data-state="running"]')];
    expect(running.length).toBeGreaterThanOrEqual(2);
    expect(running.map((el) => el.textContent)).toEqual(running.map(() => '0:00'));
    expect(timers().waitSegment).toBe(10);

    // 2:10 after the call began on the gateway's clock the desktop is 10 s past its begin time.
    await advance(90 * SEC);
    expectSane();
    expect(timers().duration).toBe(10);
    expect(timers().talk).toBe(0); // talk began 10 s after the call: the desktop has just reached it
    await advance(5 * SEC);
    expect(timers().duration).toBe(15);
    expect(timers().talk).toBe(5);
  });

  it('shows the ended call\'s spans exactly: they are the gateway\'s own times', async () => {
    const { sim } = await playCall(SKEW);
    sim.answer(AGENT);
    await advance(20 * SEC);
    sim.hold(AGENT);
    await advance(20 * SEC);
    sim.unhold(AGENT);
    await advance(20 * SEC);
    sim.release(AGENT);
    await advance(2 * SEC);
    expect(panelState()).toEqual({ status: 'last-call', freshness: 'fresh', phase: 'ended' });
    expectSane();
    // Queued 10 s, answered at once (ring and answer together), talked 60 s: 70 s in all.
    expect(timers().duration).toBe(70);
    expect(timers().talk).toBe(60);
    expect(timers().waitSegment).toBe(10);
    expect(timers().talkSegment).toBe(60);
  });
});

describe('a gateway clock 2 hours behind the desktop', () => {
  const SKEW = -2 * 3_600 * SEC;

  it('shows finite, formatted times: the desktop\'s clock against the gateway\'s moments', async () => {
    const { sim } = await playCall(SKEW);
    expect(panelState()).toEqual({ status: 'live', freshness: 'fresh', phase: 'queued' });
    expectSane();
    // Two hours and the 10 s the call has waited, read on the desktop's clock.
    expect(timers().duration).toBe(2 * 3_600 + 10);
    expect(region().querySelector('.cip-CallInfoView-timers [data-slot="call-timer"]')!.textContent).toBe('2:00:10');

    sim.answer(AGENT);
    await advance(30 * SEC);
    expectSane();
    expect(timers().duration).toBe(2 * 3_600 + 40);
    expect(timers().talk).toBe(2 * 3_600 + 30);
    // Never a day or more, never negative: bounded by the skew plus the call's real age.
    for (const seconds of timers().all) expect(seconds).toBeLessThanOrEqual(2 * 3_600 + 40);
  });

  it('shows the ended call\'s spans exactly, whatever the skew', async () => {
    const { sim } = await playCall(SKEW);
    sim.answer(AGENT);
    await advance(45 * SEC);
    sim.release(AGENT);
    await advance(2 * SEC);
    expect(panelState()).toEqual({ status: 'last-call', freshness: 'fresh', phase: 'ended' });
    expectSane();
    expect(timers().duration).toBe(55);
    expect(timers().talk).toBe(45);
    expect(timers().talkSegment).toBe(45);
  });

  it('keeps the stale notice on the desktop\'s clock (when the last answer arrived here)', async () => {
    const { sim } = await playCall(SKEW);
    sim.injectFault({ kind: 'html', status: 502 });
    await advance(3 * SEC);
    expect(panelState()).toMatchObject({ status: 'live', freshness: 'stale' });
    const updated = region().querySelector('.cip-CallInfoView-notice time')!.getAttribute('datetime')!;
    // The last good answer came at desk time T0 + 10 s (polls every second): within the last few seconds, not 2 h ago.
    expect(Date.now() - Date.parse(updated)).toBeLessThanOrEqual(3 * SEC);
    expectSane();
  });
});

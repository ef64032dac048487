/**
 * The gateway's clock and the desktop's disagree. The panel's live timers count from the
 * gateway's moments on the gateway's clock, as the panel learns it from each answer's `Date`
 * header: a gateway 2 minutes ahead or 2 hours behind shows what a gateway in step shows.
 * Without the header (a cross-origin gateway that does not expose it) a gateway ahead is still
 * seen, from moments in the desktop's future, to within a poll; one behind cannot be seen and
 * reads the skew more, finite and formatted. Never negative, never NaN. Spans the gateway closed
 * itself (an ended call's talk, a segment's duration) are skew-free and must be exact.
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

/**
 * A proxy in front of the gateway that rewrites its `Date` header: `null` drops it (as a browser
 * hides it cross-origin when not exposed), a function stamps its own (as nginx does by default).
 */
const rewriteDate = (date: (() => string) | null) => (fetch: typeof globalThis.fetch): typeof globalThis.fetch => async (input, init) => {
  const answer = await fetch(input, init);
  const headers = new Headers(answer.headers);
  if (date) headers.set('Date', date());
  else headers.delete('Date');
  return new Response(await answer.text(), { status: answer.status, headers });
};

/** Mounts the panel on a gateway whose clock is `skewMs` off the desktop's, and queues a call for 10 s. */
async function playCall(skewMs: number, { dateHeader = 'gateway' as 'gateway' | 'none' | 'proxy' } = {}) {
  const { sim } = mountPanel(
    { refetchInterval: 1_000, isNoContainLastCall: true },
    { now: () => Date.now() + skewMs },
    { gateway: undefined, none: rewriteDate(null), proxy: rewriteDate(() => new Date().toUTCString()) }[dateHeader],
  );
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

const AHEAD_2_MIN = 2 * 60 * SEC;
const BEHIND_2_H = -2 * 3_600 * SEC;

/** A call queued 10 s, then talking 30 s, on a gateway 2 minutes ahead seen through its moments: each timer right to within a poll. */
async function expectAheadSeenFromMoments(dateHeader: 'none' | 'proxy') {
  const { sim } = await playCall(AHEAD_2_MIN, { dateHeader });
  expect(panelState()).toEqual({ status: 'live', freshness: 'fresh', phase: 'queued' });
  expectSane();
  expect(timers().duration).toBeGreaterThanOrEqual(9);
  expect(timers().duration).toBeLessThanOrEqual(10);

  sim.answer(AGENT);
  await advance(30 * SEC);
  expectSane();
  expect(timers().talk).toBeGreaterThanOrEqual(29);
  expect(timers().talk).toBeLessThanOrEqual(30);
}

describe.each([
  ['2 minutes ahead of', AHEAD_2_MIN],
  ['2 hours behind', BEHIND_2_H],
  ['in step with', 0],
])('a gateway clock %s the desktop, with Date headers', (_, skew) => {
  it('shows the live call\'s durations as they are on the gateway', async () => {
    const { sim } = await playCall(skew);
    expect(panelState()).toEqual({ status: 'live', freshness: 'fresh', phase: 'queued' });
    expectSane();
    expect(timers().duration).toBe(10);
    expect(timers().waitSegment).toBe(10);

    sim.answer(AGENT);
    await advance(30 * SEC);
    expect(panelState().phase).toBe('talking');
    expectSane();
    expect(timers().duration).toBe(40);
    expect(timers().talk).toBe(30);
    expect(timers().talkSegment).toBe(30);
    expect(timers().waitSegment).toBe(10); // closed by the gateway
    await advance(5 * SEC);
    expect(timers().duration).toBe(45);
    expect(timers().talk).toBe(35);
  });

  it('shows the ended call\'s spans exactly: they are the gateway\'s own times', async () => {
    const { sim } = await playCall(skew);
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

  it('keeps the stale notice on the desktop\'s clock (when the last answer arrived here)', async () => {
    const { sim } = await playCall(skew);
    sim.injectFault({ kind: 'html', status: 502 });
    await advance(3 * SEC);
    expect(panelState()).toMatchObject({ status: 'live', freshness: 'stale' });
    const updated = region().querySelector('.cip-CallInfoView-notice time')!.getAttribute('datetime')!;
    // The last good answer came at desk time T0 + 10 s (polls every second): within the last few seconds, not 2 h ago.
    expect(Date.now() - Date.parse(updated)).toBeLessThanOrEqual(3 * SEC);
    expectSane();
  });
});

describe('without Date headers', () => {
  it('sees a gateway 2 minutes ahead from the call\'s moments, to within a poll (1 s here)', async () => {
    await expectAheadSeenFromMoments('none');
  });

  it('cannot see a gateway 2 hours behind: reads the skew more, finite and formatted, never more', async () => {
    const { sim } = await playCall(BEHIND_2_H, { dateHeader: 'none' });
    expect(panelState()).toEqual({ status: 'live', freshness: 'fresh', phase: 'queued' });
    expectSane();
    expect(timers().duration).toBe(2 * 3_600 + 10);
    expect(region().querySelector('.cip-CallInfoView-timers [data-slot="call-timer"]')!.textContent).toBe('2:00:10');

    sim.answer(AGENT);
    await advance(30 * SEC);
    expectSane();
    expect(timers().talk).toBe(2 * 3_600 + 30);
    for (const seconds of timers().all) expect(seconds).toBeLessThanOrEqual(2 * 3_600 + 40);
  });

  it('shows the ended call\'s spans exactly, whatever the skew', async () => {
    const { sim } = await playCall(BEHIND_2_H, { dateHeader: 'none' });
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
});

describe('behind a proxy that sends its own Date (nginx without proxy_pass_header Date)', () => {
  it('sees a gateway 2 minutes ahead once a call moment lies in the proxy\'s future, and goes by the moments', async () => {
    await expectAheadSeenFromMoments('proxy');
  });
});

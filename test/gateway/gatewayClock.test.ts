/**
 * The estimate of the gateway's clock, on fake time (which moves `Date.now()` and
 * `performance.now()` together, as a desktop whose clock nobody sets).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createGatewayClock, latestMoment, type GatewayClock } from '../../src/gateway/gatewayClock';
import { makeCall, voiceLiveCall } from '../fixtures/callInfos';
import type { CallInfo } from '../../src/gateway/model';

const DESK_T0 = 1_764_000_000_000; // a whole second
const HOURS_2 = 2 * 60 * 60 * 1_000;

/** The `Date` header a gateway whose clock is `skewMs` off the desktop's stamps now. */
const dateHeader = (skewMs: number) => new Date(Date.now() + skewMs).toUTCString();

/** One request and its answer: sent now, answered after `rttMs`, stamped on the gateway's clock mid-way. */
function answer(clock: GatewayClock, { skewMs = 0, rttMs = 40, withDate = true, call = null as CallInfo | null } = {}) {
  const sentAt = Date.now();
  vi.advanceTimersByTime(rttMs / 2);
  const date = withDate ? dateHeader(skewMs) : null;
  vi.advanceTimersByTime(rttMs / 2);
  clock.observe(sentAt, Date.now(), date, call);
}

/** A call whose talk began on the gateway's clock just now (`skewMs` off the desktop's). */
const justAnswered = (skewMs: number): CallInfo => {
  const talkBegin = Date.now() + skewMs;
  return makeCall({
    beginTime: talkBegin - 20_000,
    trace: { ...voiceLiveCall.trace!, wait: { begin: talkBegin - 20_000, end: talkBegin - 5_000 }, answer: { begin: talkBegin - 5_000, end: talkBegin }, talk: { begin: talkBegin, end: null } },
  });
};

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(DESK_T0);
});
afterEach(() => {
  vi.useRealTimers();
});

describe('createGatewayClock', () => {
  it('reads 0 before any answer and while the clocks agree, and tells no one', () => {
    const clock = createGatewayClock();
    const heard = vi.fn();
    clock.subscribe(heard);
    expect(clock.read()).toBe(0);
    for (let i = 0; i < 20; i++) {
      answer(clock, { skewMs: 0 });
      vi.advanceTimersByTime(3_000 + 170 * i);
    }
    expect(clock.read()).toBe(0);
    expect(heard).not.toHaveBeenCalled();
  });

  // Within a quarter second (the smallest move worth a render) plus the round trip, after a minute of polls.
  it.each([200, -200, 700, -700, 4_000, -90_000])('a gateway %i ms off reads within 290 ms of that', (skewMs) => {
    const clock = createGatewayClock();
    for (let i = 0; i < 20; i++) {
      answer(clock, { skewMs });
      vi.advanceTimersByTime(3_000 + 170 * i);
    }
    expect(Math.abs(clock.read() - skewMs)).toBeLessThanOrEqual(250 + 40);
  });

  it('finds a gateway 2 hours behind from its Date header, and sharpens with answers stamped at other fractions of a second', () => {
    const clock = createGatewayClock();
    answer(clock, { skewMs: -HOURS_2 });
    // One answer: within a second (the header's resolution) plus the round trip.
    expect(Math.abs(clock.read() + HOURS_2)).toBeLessThanOrEqual(1_000);
    for (let i = 0; i < 12; i++) {
      vi.advanceTimersByTime(3_000 + 250 * (i % 4) + 30);
      answer(clock, { skewMs: -HOURS_2 });
    }
    expect(Math.abs(clock.read() + HOURS_2)).toBeLessThanOrEqual(100);
  });

  it('finds a gateway 2 minutes ahead from its Date header', () => {
    const clock = createGatewayClock();
    for (let i = 0; i < 8; i++) {
      answer(clock, { skewMs: 120_000 });
      vi.advanceTimersByTime(3_000 + 250 * (i % 4) + 30);
    }
    expect(Math.abs(clock.read() - 120_000)).toBeLessThanOrEqual(100);
  });

  it('without a Date header, sees a gateway ahead from call moments in the desktop\'s future, and keeps it', () => {
    const clock = createGatewayClock();
    answer(clock, { withDate: false, call: justAnswered(120_000), rttMs: 40 });
    // The talk began at most a round trip (40 ms) before the answer arrived.
    expect(clock.read()).toBe(120_000 - 40);
    // Later answers of the same call prove less (its moments recede into the past); the bound stays.
    const call = justAnswered(120_000);
    for (let i = 0; i < 20; i++) {
      vi.advanceTimersByTime(3_000);
      answer(clock, { withDate: false, call });
    }
    expect(clock.read()).toBe(120_000 - 40);
  });

  it('without a Date header, cannot see a gateway behind, and does not guess', () => {
    const clock = createGatewayClock();
    answer(clock, { withDate: false, call: justAnswered(-HOURS_2) });
    answer(clock, { withDate: false, call: null });
    expect(clock.read()).toBe(0);
  });

  it('notices a Date header that is not the gateway\'s clock (a proxy\'s) once a moment lies in its future, and goes by the moments', () => {
    const clock = createGatewayClock();
    // The proxy's Date is in step with the desktop; the gateway behind it runs 2 minutes ahead.
    answer(clock, { skewMs: 0 });
    expect(clock.read()).toBe(0);
    vi.advanceTimersByTime(3_000);
    answer(clock, { skewMs: 0, call: justAnswered(120_000) });
    expect(clock.read()).toBe(120_000 - 40);
    // The proxy's headers are not believed again, however they go on.
    for (let i = 0; i < 10; i++) {
      vi.advanceTimersByTime(3_000 + 170 * i);
      answer(clock, { skewMs: 0, call: justAnswered(120_000 - 30_000) });
    }
    expect(clock.read()).toBe(120_000 - 40);
  });

  it('believes an honest gateway\'s Date although its calls\' moments are as late as its clock allows', () => {
    for (const skewMs of [-HOURS_2, 120_000, 0]) {
      const clock = createGatewayClock();
      for (let i = 0; i < 20; i++) {
        // The talk began at the gateway's present (mid round trip), the latest a moment can be.
        const sentAt = Date.now();
        vi.advanceTimersByTime(20);
        const call = justAnswered(skewMs);
        const date = dateHeader(skewMs);
        vi.advanceTimersByTime(20);
        clock.observe(sentAt, Date.now(), date, call);
        vi.advanceTimersByTime(3_000 + 170 * i);
      }
      expect(Math.abs(clock.read() - skewMs)).toBeLessThanOrEqual(250 + 40);
    }
  });

  it('reads an unparsable Date header as none', () => {
    const clock = createGatewayClock();
    const sentAt = Date.now();
    clock.observe(sentAt, sentAt + 10, 'yesterday-ish', justAnswered(60_000));
    expect(clock.read()).toBe(60_000 - 10);
  });

  it('starts again when the gateway\'s clock is set: its new answers contradict the old bounds', () => {
    const clock = createGatewayClock();
    answer(clock, { skewMs: -HOURS_2 });
    expect(clock.read()).toBeLessThan(-HOURS_2 + 1_000);
    vi.advanceTimersByTime(3_000);
    answer(clock, { skewMs: 0 });
    expect(clock.read()).toBe(0);
  });

  it('starts again when the desktop\'s clock is set (its wall clock jumps, its monotonic clock does not)', () => {
    const clock = createGatewayClock();
    // Gateway 2 min ahead, seen without a Date header: only a lower bound, nothing can contradict it...
    answer(clock, { withDate: false, call: justAnswered(120_000) });
    expect(clock.read()).toBeGreaterThan(119_000);
    // ...until the desktop's clock is corrected by those 2 minutes.
    vi.setSystemTime(Date.now() + 120_000);
    answer(clock, { withDate: false, call: justAnswered(0) });
    expect(clock.read()).toBe(0);
  });

  it('tells listeners only of moves of a quarter second or more, and stops when unsubscribed', () => {
    const clock = createGatewayClock();
    const heard = vi.fn();
    const unsubscribe = clock.subscribe(heard);
    answer(clock, { withDate: false, call: justAnswered(10_000) });
    expect(heard).toHaveBeenCalledTimes(1);
    // A bound 200 ms higher is not worth a render.
    vi.advanceTimersByTime(3_000);
    answer(clock, { withDate: false, call: justAnswered(10_200) });
    expect(heard).toHaveBeenCalledTimes(1);
    expect(clock.read()).toBe(10_000 - 40);
    vi.advanceTimersByTime(3_000);
    answer(clock, { withDate: false, call: justAnswered(11_000) });
    expect(heard).toHaveBeenCalledTimes(2);
    expect(clock.read()).toBe(11_000 - 40);
    unsubscribe();
    vi.advanceTimersByTime(3_000);
    answer(clock, { withDate: false, call: justAnswered(30_000) });
    expect(heard).toHaveBeenCalledTimes(2);
  });
});

describe('latestMoment', () => {
  it('is the latest of begin, end and every trace time; -Infinity for no call or no moments', () => {
    expect(latestMoment(null)).toBe(-Infinity);
    expect(latestMoment(makeCall({ beginTime: null, trace: null }))).toBe(-Infinity);
    expect(latestMoment(makeCall({ beginTime: 5, endTime: 9, trace: null }))).toBe(9);
    const trace = { ...voiceLiveCall.trace!, wait: { begin: 10, end: null }, answer: { begin: 20, end: 40 }, talk: { begin: 30, end: null } };
    expect(latestMoment(makeCall({ beginTime: 5, trace }))).toBe(40);
  });
});

/**
 * The estimate of the gateway's clock, on fake time (which moves `Date.now()` and
 * `performance.now()` together, as a desktop whose clock nobody sets). It learns from `Date`
 * headers alone: call moments, which one bad answer can poison, never move it.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createGatewayClock, type GatewayClock } from '../../src/gateway/gatewayClock';
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
    // The middle of the recent headers' bounds: within a quarter second (a render's worth) plus the round trip.
    expect(Math.abs(clock.read() + HOURS_2)).toBeLessThanOrEqual(250 + 40);
  });

  it('finds a gateway 2 minutes ahead from its Date header', () => {
    const clock = createGatewayClock();
    for (let i = 0; i < 8; i++) {
      answer(clock, { skewMs: 120_000 });
      vi.advanceTimersByTime(3_000 + 250 * (i % 4) + 30);
    }
    expect(Math.abs(clock.read() - 120_000)).toBeLessThanOrEqual(100);
  });

  it('learns from Date headers alone: call moments, however absurd, never move it', () => {
    const yearMs = 365 * 24 * HOURS_2 / 2;
    for (const withDate of [true, false]) {
      const clock = createGatewayClock();
      const heard = vi.fn();
      clock.subscribe(heard);
      for (const call of [justAnswered(yearMs), justAnswered(-yearMs), justAnswered(120_000), justAnswered(-HOURS_2)]) {
        answer(clock, { withDate, call });
        vi.advanceTimersByTime(3_170);
      }
      // An in-step gateway (its headers say so), or no headers at all: 0, told to no one.
      expect(clock.read()).toBe(0);
      expect(heard).not.toHaveBeenCalled();
    }
  });

  it('one far-future answer (moments and Date a year ahead) moves nothing; honest answers after it read the truth', () => {
    const yearMs = 365 * 24 * 3_600_000;
    const clock = createGatewayClock();
    for (let i = 0; i < 4; i++) {
      answer(clock, { skewMs: -HOURS_2 });
      vi.advanceTimersByTime(3_000 + 170 * i);
    }
    const before = clock.read();
    expect(Math.abs(before + HOURS_2)).toBeLessThanOrEqual(1_000);
    answer(clock, { skewMs: yearMs, call: justAnswered(yearMs) });
    expect(clock.read()).toBe(before);
    for (let i = 0; i < 20; i++) {
      vi.advanceTimersByTime(3_000 + 170 * i);
      answer(clock, { skewMs: -HOURS_2, call: justAnswered(-HOURS_2) });
      expect(Math.abs(clock.read() + HOURS_2)).toBeLessThanOrEqual(1_000);
    }
  });

  it('without a Date header keeps its last header-based value, or 0', () => {
    const clock = createGatewayClock();
    answer(clock, { withDate: false, call: justAnswered(120_000) });
    expect(clock.read()).toBe(0);
    for (let i = 0; i < 5; i++) {
      vi.advanceTimersByTime(3_000 + 170 * i);
      answer(clock, { skewMs: 120_000 });
    }
    const learnt = clock.read();
    expect(Math.abs(learnt - 120_000)).toBeLessThanOrEqual(290);
    for (let i = 0; i < 20; i++) {
      vi.advanceTimersByTime(3_000);
      answer(clock, { withDate: false, call: justAnswered(i % 2 ? 0 : 365 * 24 * 3_600_000) });
    }
    expect(clock.read()).toBe(learnt);
  });

  it('reads an unparsable Date header as none', () => {
    const clock = createGatewayClock();
    const sentAt = Date.now();
    clock.observe(sentAt, sentAt + 10, 'yesterday-ish', justAnswered(60_000));
    expect(clock.read()).toBe(0);
  });

  it('follows the gateway\'s clock being set once most of the last 9 headers say so', () => {
    const clock = createGatewayClock();
    for (let i = 0; i < 9; i++) {
      answer(clock, { skewMs: -HOURS_2 });
      vi.advanceTimersByTime(3_000 + 170 * i);
    }
    expect(Math.abs(clock.read() + HOURS_2)).toBeLessThanOrEqual(290);
    const readings = [];
    for (let i = 0; i < 6; i++) {
      answer(clock, { skewMs: 0 });
      readings.push(clock.read());
      vi.advanceTimersByTime(3_000 + 170 * i);
    }
    // Four new headers of nine are a minority; the fifth makes the majority.
    for (const reading of readings.slice(0, 4)) expect(Math.abs(reading + HOURS_2)).toBeLessThanOrEqual(1_000);
    for (const reading of readings.slice(4)) expect(Math.abs(reading)).toBeLessThanOrEqual(290);
  });

  it('moves what it learnt with the desktop\'s clock when that is set (its wall clock jumps, its monotonic clock does not)', () => {
    const clock = createGatewayClock();
    for (let i = 0; i < 9; i++) {
      answer(clock, { skewMs: 120_000 });
      vi.advanceTimersByTime(3_000 + 170 * i);
    }
    expect(Math.abs(clock.read() - 120_000)).toBeLessThanOrEqual(290);
    // The desktop's clock is corrected by those 2 minutes: the gateway is now in step with it,
    // which the clock knows at once, with or without a header.
    vi.setSystemTime(Date.now() + 120_000);
    answer(clock, { withDate: false });
    expect(Math.abs(clock.read())).toBeLessThanOrEqual(290);
    vi.advanceTimersByTime(3_000);
    answer(clock, { skewMs: 0 });
    expect(Math.abs(clock.read())).toBeLessThanOrEqual(290);
  });

  it('tells listeners only of moves of a quarter second or more, and stops when unsubscribed', () => {
    const clock = createGatewayClock();
    const heard = vi.fn();
    const unsubscribe = clock.subscribe(heard);
    answer(clock, { skewMs: 10_000 });
    expect(heard).toHaveBeenCalledTimes(1);
    const first = clock.read();
    // Answers at the same fraction of a second tell nothing new.
    for (let i = 0; i < 5; i++) {
      vi.advanceTimersByTime(3_000);
      answer(clock, { skewMs: 10_000 });
    }
    expect(heard).toHaveBeenCalledTimes(1);
    expect(clock.read()).toBe(first);
    for (let i = 0; i < 9; i++) {
      vi.advanceTimersByTime(3_000);
      answer(clock, { skewMs: 20_000 });
    }
    expect(heard.mock.calls.length).toBeGreaterThanOrEqual(2);
    expect(Math.abs(clock.read() - 20_000)).toBeLessThanOrEqual(1_000);
    const told = heard.mock.calls.length;
    unsubscribe();
    for (let i = 0; i < 9; i++) {
      vi.advanceTimersByTime(3_000);
      answer(clock, { skewMs: 30_000 });
    }
    expect(heard).toHaveBeenCalledTimes(told);
  });
});

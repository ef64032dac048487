/**
 * The gateway's clock and the desktop's disagree. The panel's live timers count from the
 * gateway's moments on the gateway's clock, as the panel learns it from answers' `Date` headers
 * alone: a gateway 2 minutes ahead or 2 hours behind shows what a gateway in step shows. Call
 * moments never teach the clock: one answer with an absurd moment (a talk begun a year ahead)
 * must not move the timers of other calls or of other agents on the gateway. Without the header
 * (a cross-origin gateway that does not expose it) the clock stays as last learnt, or in step:
 * a gateway behind reads the skew more, one ahead reads "Not reported" while its moments lie in
 * the desktop's future, then the skew less. Never negative, never NaN, never 8760 hours. Spans
 * the gateway closed itself (an ended call's talk, a segment's duration) are skew-free and exact.
 */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CallInfoPanel } from '../../src/components';
import { en } from '../../src/i18n/messages/en';
import { GatewaySimulator } from '../../src/simulator';
import { advance } from '../query/renderWithClient';
import { durationElements, durationProblems, durationSeconds, forbiddenWordsIn } from './support/dom';
import { AGENT, mountPanel, panelState, region } from './support/panel';

const DESK_T0 = 1_764_000_000_000;
const SEC = 1_000;

/** Every duration the panel shows, by where it is, in seconds (NaN for one that reads unknown). */
function timers(root: HTMLElement = region()) {
  const read = (selector: string) => {
    const el = root.querySelector(selector);
    return el ? durationSeconds(el.textContent ?? '') : null;
  };
  const all = [...root.querySelectorAll('[data-slot="call-timer"]')].map((el) => durationSeconds(el.textContent ?? ''));
  return {
    all,
    duration: read('[data-section="details"] [data-timer="call"]'),
    talk: read('.cip-CallInfoView-phase [data-timer="talk"]'),
    waitSegment: read('[data-segment="wait"] [data-slot="call-timer"]'),
    answerSegment: read('[data-segment="answer"] [data-slot="call-timer"]'),
    talkSegment: read('[data-segment="talk"] [data-slot="call-timer"]'),
  };
}

/** A timer that reads "Not reported": no duration, no `dateTime`. */
function expectUnknown(el: Element) {
  expect(el.getAttribute('data-state')).toBe('unknown');
  expect(el.textContent).toBe(en['value.notReported']);
  expect(el.hasAttribute('datetime')).toBe(false);
}

/** What is wrong with the durations under `root`; a timer that reads unknown (see `expectUnknown`) is not. */
function badDurations(root: HTMLElement) {
  return durationElements(root)
    .filter((el) => el.getAttribute('data-state') !== 'unknown')
    .flatMap((el) => durationProblems(el.textContent ?? '', el.getAttribute('datetime') ?? ''));
}

/** Nothing negative, NaN, or otherwise broken anywhere in the panel: each timer a duration, or unknown. */
function expectSane() {
  expect(badDurations(region())).toEqual([]);
  expect(forbiddenWordsIn(region())).toEqual([]);
  for (const el of region().querySelectorAll('[data-slot="call-timer"]')) {
    if (el.getAttribute('data-state') === 'unknown') expectUnknown(el);
    else expect(durationSeconds(el.textContent ?? '')).toBeGreaterThanOrEqual(0);
  }
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

/**
 * A call queued 10 s, then talking 30 s, on a gateway 2 minutes ahead whose clock the panel cannot
 * learn (no `Date` header, or a proxy's in step with the desktop): its moments lie in the
 * desktop's future, so the timers read "Not reported" (never negative, never a 0:00 that means
 * nothing), and once the moments are 2 minutes past they count, the skew less.
 */
async function expectAheadUnseen(dateHeader: 'none' | 'proxy') {
  const { sim } = await playCall(AHEAD_2_MIN, { dateHeader });
  expect(panelState()).toEqual({ status: 'live', freshness: 'fresh', phase: 'queued' });
  expectSane();
  expectUnknown(region().querySelector('[data-timer="call"]')!);

  sim.answer(AGENT);
  await advance(30 * SEC);
  expectSane();
  // Call duration, talk time, the trace's talk segment; the closed wait segment is the gateway's own 10 s.
  const live = [...region().querySelectorAll('[data-slot="call-timer"]:not([data-state="stopped"])')];
  expect(live).toHaveLength(3);
  for (const el of live) expectUnknown(el);
  expect(timers().waitSegment).toBe(10);
  // Two minutes on, the moments are in the desktop's past: talking 2:30 reads 0:30, queued 10 s reads 0:10.
  await advance(AHEAD_2_MIN);
  expectSane();
  expect(timers().duration).toBe(40);
  expect(timers().talk).toBe(30);
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
  it('cannot see a gateway 2 minutes ahead: reads "Not reported" while its moments are in the desktop\'s future, then the skew less', async () => {
    await expectAheadUnseen('none');
  });

  it('cannot see a gateway 2 hours behind: reads the skew more, finite and formatted, never more', async () => {
    const { sim } = await playCall(BEHIND_2_H, { dateHeader: 'none' });
    expect(panelState()).toEqual({ status: 'live', freshness: 'fresh', phase: 'queued' });
    expectSane();
    expect(timers().duration).toBe(2 * 3_600 + 10);
    expect(region().querySelector('[data-timer="call"]')!.textContent).toBe('2:00:10');

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
    expect(timers().talkSegment).toBe(45);
  });

  it('keeps what it learnt from earlier headers when they stop coming', async () => {
    let headers = true;
    const { sim } = mountPanel({ refetchInterval: 1_000, isNoContainLastCall: true }, { now: () => Date.now() + BEHIND_2_H }, (fetch) => async (input, init) =>
      headers ? fetch(input, init) : rewriteDate(null)(fetch)(input, init),
    );
    await advance(5 * SEC);
    headers = false;
    sim.startCall(AGENT, { state: 'talking' });
    await advance(30 * SEC);
    expectSane();
    expect(timers().talk).toBe(30);
    expect(timers().duration).toBe(30);
  });
});

describe('behind a proxy that sends its own Date (nginx without proxy_pass_header Date)', () => {
  it('believes the proxy\'s clock: a gateway 2 minutes ahead of it reads as without headers, never negative', async () => {
    await expectAheadUnseen('proxy');
  });
});

const YEAR = 365 * 24 * 3_600 * SEC;
const OTHER_AGENT = '60016';

/** The `result.trace` of a call-info answer's body, to tamper with. */
type WireTrace = Record<string, unknown>;

/**
 * A gateway in front of which `tamper` may rewrite one answer's call (its trace), e.g. move
 * `talkBeginTime` a year ahead, as a bad answer does. Counts only answers for `agentId`.
 */
function tamperingFetch(fetch: typeof globalThis.fetch, agentId: string, tamper: { next: ((trace: WireTrace) => void) | null }): typeof globalThis.fetch {
  return async (input, init) => {
    const answer = await fetch(input, init);
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (!tamper.next || !url.includes(agentId)) return answer;
    const body = (await answer.json()) as { result?: { trace?: WireTrace } };
    if (body.result?.trace) {
      tamper.next(body.result.trace);
      tamper.next = null;
    }
    return new Response(JSON.stringify(body), { status: answer.status, headers: answer.headers });
  };
}

/** Two agents' panels on one QueryClient and one gateway `skewMs` off the desktop, both talking. */
async function twoAgentsTalking(skewMs: number, dateHeader: 'gateway' | 'none') {
  const sim = new GatewaySimulator({ now: () => Date.now() + skewMs, agents: [{ agentId: AGENT }, { agentId: OTHER_AGENT }] });
  const client = new QueryClient();
  const tamper = { next: null as ((trace: WireTrace) => void) | null };
  const base = dateHeader === 'none' ? rewriteDate(null)(sim.fetch) : sim.fetch;
  const fetch = tamperingFetch(base, AGENT, tamper);
  render(
    <QueryClientProvider client={client}>
      {[AGENT, OTHER_AGENT].map((agentId) => (
        <CallInfoPanel key={agentId} agentId={agentId} guid={() => sim.getGuid(agentId)} fetch={fetch} refetchInterval={1_000} isNoContainLastCall />
      ))}
    </QueryClientProvider>,
  );
  await advance(0);
  sim.startCall(AGENT, { state: 'talking' });
  sim.startCall(OTHER_AGENT, { state: 'talking' });
  await advance(10 * SEC);
  const [mine, other] = screen.getAllByRole('region') as [HTMLElement, HTMLElement];
  return { sim, tamper, mine, other };
}

/** The running timers of a panel whose call has been talking `seconds` read it to within a second. */
function expectTalkingFor(root: HTMLElement, seconds: number) {
  expect(badDurations(root)).toEqual([]);
  const running = [...root.querySelectorAll('[data-slot="call-timer"][data-state="running"]')];
  expect(running).toHaveLength(3); // call duration, talk time, the trace's talk segment
  for (const el of running) expect(Math.abs(durationSeconds(el.textContent ?? '') - seconds)).toBeLessThanOrEqual(1);
}

describe.each([
  ['with Date headers, the gateway 2 hours behind', BEHIND_2_H, 'gateway'],
  ['without Date headers, the gateway in step', 0, 'none'],
] as const)('one answer with an absurd moment (%s)', (_, skew, dateHeader) => {
  it.each([
    ['a year ahead', YEAR],
    ['a year back', -YEAR],
  ])('a talk begun %s moves no other timer, and honest answers after it read right to 1 s, for both agents', async (__, shift) => {
    const { tamper, mine, other } = await twoAgentsTalking(skew, dateHeader);
    expectTalkingFor(mine, 10);
    expectTalkingFor(other, 10);

    tamper.next = (trace) => {
      trace.talkBeginTime = Number(trace.talkBeginTime) + shift;
    };
    await advance(1 * SEC);
    expect(tamper.next).toBeNull();
    // The other agent's timers, on the same gateway clock, did not move.
    expectTalkingFor(other, 11);
    if (shift > 0) {
      // The bad talk time reads unknown, never 8760 hours or a negative: the call duration is fine.
      const talk = mine.querySelector('.cip-CallInfoView-phase [data-timer="talk"]')!;
      expectUnknown(talk);
      expectUnknown(mine.querySelector('[data-segment="talk"] [data-slot="call-timer"]')!);
      expect(timers(mine).duration).toBe(11);
    }

    await advance(100 * SEC);
    expectTalkingFor(mine, 111);
    expectTalkingFor(other, 111);
  });
});

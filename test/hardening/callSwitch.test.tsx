/**
 * A call switched between two polls: call A on one answer, call B (another caller, called number,
 * skill, medium, call data, trace and timers) on the next. Nothing of A may remain, every field
 * must be B's, and no commit may ever show a mix of the two. Also through a failure: A, then a
 * failed poll (A stale), then B: only B, fresh, once B arrives.
 */
import { render } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CallInfoView } from '../../src/components';
import { fetchCallInfo } from '../../src/gateway/fetchCallInfo';
import type { CallInfo } from '../../src/gateway/model';
import { faults, type GatewaySimulator } from '../../src/simulator';
import { isCallInfoUrl } from '../fixtures/wire';
import { advance } from '../query/renderWithClient';
import { durationSeconds } from './support/dom';
import { AGENT, mountPanel, panelState, region, shownCall } from './support/panel';

const T0 = 1_764_000_000_000;
const POLL = 3_000;

/** Two calls with nothing in common a reader could confuse. */
const A = {
  like: 'inbound-voice',
  fields: {
    callid: '1764000000-501',
    caller: '+861110000001',
    called: '4001111',
    orgicallednum: '4001111',
    callskill: 'Alpha billing',
    callskillid: 31111,
    calldata: 'alphaKey=alpha-value;alphaOrder=A-111',
    userPriority: 1,
    trunkNo: 11,
    vdnId: 111,
  },
} as const;
const B = {
  like: 'web-chat',
  fields: {
    callid: '1764000300-702',
    callfeature: 7,
    caller: 'visitor-bravo-2222',
    called: '5002222',
    orgicallednum: '',
    callskill: 'Bravo chat',
    callskillid: 42222,
    calldata: '{"bravoKey":"bravo-value","bravoTopic":"refund"}',
    userPriority: 7,
    trunkNo: 22,
    vdnId: 222,
  },
} as const;

/** Every string of A's that must be gone once B is shown (text or attribute). */
const A_MARKS = ['+861110000001', '4001111', 'Alpha billing', '31111', 'alphaKey', 'alpha-value', 'A-111', '1764000000-501', 'Incoming'];
const B_MARKS = ['Outgoing', 'visitor-bravo-2222', '5002222', 'Bravo chat', '42222', 'bravoKey', 'bravo-value', '1764000300-702'];

function startA(sim: GatewaySimulator) {
  sim.startCall(AGENT, { like: A.like, state: 'talking', fields: A.fields });
}
function switchToB(sim: GatewaySimulator) {
  sim.release(AGENT);
  sim.startCall(AGENT, { like: B.like, state: 'ringing', fields: B.fields });
}

/** Records the panel's HTML after every commit (mutation records arrive once per commit). */
function recordCommits(root: Element) {
  const snapshots: string[] = [];
  const observer = new MutationObserver(() => snapshots.push(root.outerHTML));
  observer.observe(root, { subtree: true, childList: true, characterData: true, attributes: true });
  return {
    snapshots,
    stop: () => {
      const last = observer.takeRecords();
      if (last.length > 0) snapshots.push(root.outerHTML);
      observer.disconnect();
    },
  };
}

/**
 * The call's part of the view, without the IDs React generates per mount and with the running
 * timers' readings blanked: they tick on a shared one-second clock, so a view mounted now may
 * read a second more than one mounted a moment ago. `timerReadings` compares those.
 */
function callMarkup(root: Element): string {
  const call = root.querySelector('.cip-CallInfoView-call');
  if (!call) return '(no call shown)';
  return call.outerHTML
    .replace(/\s(id|aria-controls|aria-labelledby|aria-describedby)="[^"]*"/g, '')
    .replace(/(<time [^>]*data-slot="call-timer"[^>]*datetime=")[^"]*("[^>]*>)[^<]*(<\/time>)/g, '$1$2$3');
}

function timerReadings(root: Element): number[] {
  return [...root.querySelectorAll('[data-slot="call-timer"]')].map((el) => durationSeconds(el.textContent ?? ''));
}

/** The panel shows exactly what a view that had only ever seen `call` would show. */
function expectSameAsFresh(root: Element, call: CallInfo) {
  const { container, unmount } = render(<CallInfoView callInfo={call} status="live" />);
  const fresh = container.querySelector('[data-slot="call-info-view"]')!;
  try {
    expect(callMarkup(root)).toBe(callMarkup(fresh));
    const shown = timerReadings(root);
    const expected = timerReadings(fresh);
    expect(shown).toHaveLength(expected.length);
    shown.forEach((seconds, i) => expect(Math.abs(seconds - expected[i]!)).toBeLessThanOrEqual(1));
  } finally {
    unmount();
  }
}


async function gatewayCall(sim: GatewaySimulator): Promise<CallInfo> {
  const call = await fetchCallInfo({ baseUrl: '', agentId: AGENT, guid: sim.getGuid(AGENT), fetch: sim.fetch });
  if (!call) throw new Error('the gateway has no call');
  return call;
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(T0);
});
afterEach(() => {
  vi.useRealTimers();
});

function expectOnlyB(root: Element, bStartedAt: number) {
  const html = root.outerHTML;
  for (const mark of A_MARKS) expect(html, `A's "${mark}" is still shown`).not.toContain(mark);
  for (const mark of B_MARKS) expect(html, `B's "${mark}" is not shown`).toContain(mark);
  const shown = shownCall(root);
  expect(shown).toMatchObject({
    callId: B.fields.callid,
    caller: B.fields.caller,
    called: B.fields.called,
    skill: B.fields.callskill,
    media: 'web-chat',
  });
  // B's timers, not A's: none longer than B has existed.
  const ageSeconds = (Date.now() - bStartedAt) / 1000;
  expect(shown.timers.length).toBeGreaterThan(0);
  for (const timer of shown.timers) expect(durationSeconds(timer)).toBeLessThanOrEqual(ageSeconds);
}

/** The requests "query call information" has had. */
const callInfoCount = (sim: GatewaySimulator) => sim.requests.list.filter((entry) => isCallInfoUrl(entry.path)).length;

describe('a call switched between two polls', () => {
  it('shows nothing of call A once call B is answered, and never a mix of the two', async () => {
    const { sim } = mountPanel({ refetchInterval: POLL });
    startA(sim);
    await advance(0);
    await advance(5 * 60_000); // A has been talking for five minutes: its timers read 5:00 and more
    expect(panelState()).toEqual({ status: 'live', freshness: 'fresh', phase: 'talking' });
    expect(shownCall()).toMatchObject({ callId: A.fields.callid, caller: A.fields.caller, skill: A.fields.callskill, media: 'voice' });
    expect(Math.max(...shownCall().timers.map(durationSeconds))).toBeGreaterThanOrEqual(300);

    const commits = recordCommits(region());
    const before = callInfoCount(sim);
    switchToB(sim); // between two polls: the next answer carries B
    const bStartedAt = Date.now();
    await advance(POLL);
    commits.stop();
    expect(callInfoCount(sim)).toBe(before + 1);
    expect(panelState()).toEqual({ status: 'live', freshness: 'fresh', phase: 'ringing' });
    expectOnlyB(region(), bStartedAt);
    // Exactly what a panel that had only ever seen B would show.
    expectSameAsFresh(region(), await gatewayCall(sim));
    // B is announced (an outgoing call names the called party), A is not mentioned.
    const announcer = region().querySelector('.cip-CallInfoView-announcer')!.textContent!;
    expect(announcer).toContain(B.fields.called);
    expect(announcer).not.toContain(A.fields.caller);

    // Every commit showed one call: A's or B's, never parts of both.
    expect(commits.snapshots.length).toBeGreaterThan(0);
    for (const html of commits.snapshots) {
      const hasA = A_MARKS.some((mark) => html.includes(mark));
      const hasB = B_MARKS.some((mark) => html.includes(mark));
      expect(hasA && hasB, 'a commit showed parts of A and B together').toBe(false);
    }

    // And it stays that way while B goes on.
    sim.answer(AGENT);
    await advance(POLL);
    expect(panelState().phase).toBe('talking');
    expectOnlyB(region(), bStartedAt);
  });

  it('after A, a failed poll (A stale), then B: only B, fresh, once B arrives', async () => {
    // One call at a time: a one-shot fault must meet "query call information", not a sibling.
    const { sim } = mountPanel({ refetchInterval: POLL, showAllCalls: false });
    startA(sim);
    await advance(0);
    await advance(2 * 60_000);
    sim.injectFault(faults.networkFailure(), { times: 1 });
    await advance(POLL);
    expect(panelState()).toEqual({ status: 'live', freshness: 'stale', phase: 'talking' });
    expect(shownCall().caller).toBe(A.fields.caller);
    expect(region().querySelector('.cip-CallInfoView-notice')).not.toBeNull();

    switchToB(sim);
    const bStartedAt = Date.now();
    const commits = recordCommits(region());
    // The retry comes after the backoff (1-2 s after one failure); give it the longest.
    await advance(2_000);
    commits.stop();
    expect(panelState()).toEqual({ status: 'live', freshness: 'fresh', phase: 'ringing' });
    expect(region().querySelector('.cip-CallInfoView-notice')).toBeNull();
    expectOnlyB(region(), bStartedAt);
    expectSameAsFresh(region(), await gatewayCall(sim));
    for (const html of commits.snapshots) {
      expect(A_MARKS.some((m) => html.includes(m)) && B_MARKS.some((m) => html.includes(m))).toBe(false);
    }
  });

  it('A, a failed poll, and B arriving with the gateway still failing now and then: stale never shows B under A\'s notice or A under B', async () => {
    // Retries 1.5 s after a failure (the middle of the jitter), so each step below holds one poll.
    vi.spyOn(Math, 'random').mockReturnValue(0.5);
    const { sim } = mountPanel({ refetchInterval: POLL, showAllCalls: false });
    startA(sim);
    await advance(0);
    // Alternate failures and successes across the switch; after each step, exactly one call is shown.
    const seen: string[] = [];
    for (let step = 0; step < 6; step++) {
      if (step === 3) switchToB(sim);
      if (step % 2 === 0) sim.injectFault(faults.serverError(503), { times: 1 });
      await advance(step % 2 === 0 ? POLL : 2_000);
      const html = region().outerHTML;
      const hasA = A_MARKS.some((m) => html.includes(m));
      const hasB = B_MARKS.some((m) => html.includes(m));
      expect(hasA !== hasB, `step ${step}: exactly one call on screen`).toBe(true);
      expect(sim.requests.count).toBe(step + 2);
      seen.push(`${hasA ? 'A' : 'B'}:${panelState().freshness}`);
    }
    // A until B's first good answer, B from then on.
    expect(seen).toEqual(['A:stale', 'A:fresh', 'A:stale', 'B:fresh', 'B:stale', 'B:fresh']);
  });
});

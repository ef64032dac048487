import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, render } from '@testing-library/react';
import { Profiler, type ProfilerOnRenderCallback, type ReactNode } from 'react';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  CallDataView,
  CallDetails,
  CallInfoPanel,
  CallInfoView,
  CallParties,
  CallTimer,
  CallTypeBadge,
  MediaBadge,
  SkillTag,
  TraceTimeline,
} from '../../src/components';
import { NOW, voiceLiveCall } from '../fixtures/callInfos';
import { callInfoRequests, respond, talkingCall } from '../fixtures/wire';
import { advance } from '../query/renderWithClient';
import { countRenders } from './renderCounter';

const renders = countRenders({
  CallInfoView,
  CallParties,
  CallTypeBadge,
  MediaBadge,
  SkillTag,
  TraceTimeline,
  CallDetails,
  CallDataView,
  CallTimer,
});
afterAll(() => renders.restore());

let commits: Array<{ id: string; phase: string }> = [];
const onRender: ProfilerOnRenderCallback = (id, phase) => {
  commits.push({ id, phase });
};

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(NOW);
  commits = [];
  renders.reset();
});
afterEach(() => vi.useRealTimers());

const nonTimerRenders = () =>
  Object.entries(renders.counts)
    .filter(([name]) => name !== 'CallTimer')
    .reduce((sum, [, count]) => sum + count, 0);

describe('CallInfoView rendering cost', () => {
  it('renders nothing again for the same call object (an unchanged poll)', () => {
    const onRetry = () => {};
    const view = () => <CallInfoView callInfo={voiceLiveCall} status="live" onRetry={onRetry} />;
    const { rerender } = render(view());
    expect(renders.counts.CallInfoView).toBe(1);
    renders.reset();
    rerender(view());
    rerender(view());
    expect(renders.counts).toEqual(Object.fromEntries(Object.keys(renders.counts).map((name) => [name, 0])));
  });

  it('renders the view and only the part that shows a changed field', () => {
    const { rerender } = render(<CallInfoView callInfo={voiceLiveCall} status="live" />);
    renders.reset();
    // A new answer as TanStack Query hands it over: the changed field new, every unchanged
    // object (caller type, media, skill, trace) the one of the last answer.
    rerender(<CallInfoView callInfo={{ ...voiceLiveCall, priority: 5 }} status="live" />);
    expect(renders.counts.CallInfoView).toBe(1);
    expect(renders.counts.CallDetails).toBe(1);
    expect(nonTimerRenders()).toBe(2);
    expect(renders.counts.CallTimer).toBe(0);
  });

  it('renders no part when only the view\'s own props change (a failed poll marks the call stale)', () => {
    const { rerender } = render(<CallInfoView callInfo={voiceLiveCall} status="live" />);
    renders.reset();
    rerender(<CallInfoView callInfo={voiceLiveCall} status="live" freshness="stale" lastUpdatedAt={NOW} onRetry={() => {}} />);
    expect(renders.counts.CallInfoView).toBe(1);
    expect(nonTimerRenders()).toBe(1);
    expect(renders.counts.CallTimer).toBe(0);
  });

  it('ticks a live call in one commit per second, confined to the CallTimer leaves', () => {
    render(
      <Profiler id="panel" onRender={onRender}>
        <CallInfoView callInfo={voiceLiveCall} status="live" />
      </Profiler>,
    );
    expect(commits).toEqual([{ id: 'panel', phase: 'mount' }]);
    // Duration, talk time and the open talk segment: three live timers.
    const timers = document.querySelectorAll('[data-slot="call-timer"][data-state="running"]');
    expect(timers).toHaveLength(3);
    commits = [];
    renders.reset();

    for (let second = 0; second < 3; second += 1) act(() => vi.advanceTimersByTime(1000));
    expect(commits).toEqual([
      { id: 'panel', phase: 'update' },
      { id: 'panel', phase: 'update' },
      { id: 'panel', phase: 'update' },
    ]);
    expect(renders.counts.CallTimer).toBe(9);
    expect(nonTimerRenders()).toBe(0);
    expect(document.querySelector('[data-section="details"] [data-timer="call"]')!.textContent).toBe('1:08');
  });

  it('counts a retry down on the shared clock without rendering the view or its parts', () => {
    const ended = { ...voiceLiveCall, phase: 'ended' as const, endTime: NOW };
    render(<CallInfoView callInfo={ended} status="last-call" freshness="stale" nextRetryAt={NOW + 3000} />);
    const countdown = () => document.querySelector('.cip-CallInfoView-notice .cip-CallInfoView-retry')?.textContent;
    expect(countdown()).toBe('Retrying in 3 s');
    renders.reset();
    act(() => vi.advanceTimersByTime(1000));
    expect(countdown()).toBe('Retrying in 2 s');
    act(() => vi.advanceTimersByTime(2000));
    expect(countdown()).toBeUndefined();
    expect(renders.counts).toEqual(Object.fromEntries(Object.keys(renders.counts).map((name) => [name, 0])));
  });

  it('an ended call does not tick at all', () => {
    render(
      <Profiler id="panel" onRender={onRender}>
        <CallInfoView callInfo={{ ...voiceLiveCall, phase: 'ended', endTime: NOW }} status="last-call" />
      </Profiler>,
    );
    commits = [];
    act(() => vi.advanceTimersByTime(5000));
    expect(commits).toEqual([]);
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('CallInfoPanel rendering cost', () => {
  const T0 = 1_764_000_000_000;
  /** An ended call, so no timer ticks and every render counted is a poll's. */
  const endedCall = (overrides: Record<string, unknown> = {}) =>
    talkingCall({ endtime: T0 + 300_000, ...overrides }, { talkEndTime: T0 + 300_000 });

  function renderPanel(answer: { next: unknown }) {
    const client = new QueryClient({ defaultOptions: { queries: { retry: false, gcTime: Infinity } } });
    const fetch = vi.fn<typeof globalThis.fetch>(async () => respond(answer.next));
    const panel = () => <CallInfoPanel agentId="60015" guid="g" fetch={fetch} refetchInterval={1000} />;
    const wrap = (node: ReactNode) => <QueryClientProvider client={client}>{node}</QueryClientProvider>;
    const utils = render(wrap(panel()));
    return { fetch, rerender: () => utils.rerender(wrap(panel())) };
  }

  it('renders, for an answer that changed one field, the view and that field\'s part only', async () => {
    const answer = { next: endedCall() as unknown };
    const { fetch } = renderPanel(answer);
    await advance(0);
    renders.reset();
    await advance(1000);
    expect(callInfoRequests(fetch)).toBe(2);
    expect(nonTimerRenders()).toBe(0);

    // Parsed anew from JSON, so every object is new: TanStack Query's structural sharing gives
    // back the last answer's objects wherever nothing changed, and the parts compare by reference.
    answer.next = endedCall({ userPriority: 5 });
    await advance(1000);
    expect(renders.counts.CallInfoView).toBe(1);
    expect(renders.counts.CallDetails).toBe(1);
    expect(nonTimerRenders()).toBe(2);
    expect(renders.counts.CallTimer).toBe(0);
  });

  it('renders nothing below the panel when its host re-renders it with the same props', async () => {
    const { rerender } = renderPanel({ next: endedCall() });
    await advance(0);
    renders.reset();
    rerender();
    rerender();
    expect(renders.counts).toEqual(Object.fromEntries(Object.keys(renders.counts).map((name) => [name, 0])));
  });
});

import { act, render } from '@testing-library/react';
import { Profiler, type ProfilerOnRenderCallback } from 'react';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  CallDataView,
  CallDetails,
  CallInfoView,
  CallParties,
  CallTimer,
  CallTypeBadge,
  MediaBadge,
  SkillTag,
  TraceTimeline,
} from '../../src/components';
import { NOW, voiceLiveCall } from '../fixtures/callInfos';
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

const deepCopy = <T,>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
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

  it('renders nothing again for an equal but new call object', () => {
    const { rerender } = render(<CallInfoView callInfo={voiceLiveCall} status="live" />);
    renders.reset();
    rerender(<CallInfoView callInfo={deepCopy(voiceLiveCall)} status="live" />);
    expect(nonTimerRenders()).toBe(0);
    expect(renders.counts.CallTimer).toBe(0);
  });

  it('re-renders only the parts whose data changed when the view itself must render', () => {
    const { rerender } = render(<CallInfoView callInfo={voiceLiveCall} status="live" />);
    renders.reset();
    // A new callback forces the view to render; an equal-but-new call must not reach its parts.
    rerender(<CallInfoView callInfo={deepCopy(voiceLiveCall)} status="live" onRetry={() => {}} />);
    expect(renders.counts.CallInfoView).toBe(1);
    expect(nonTimerRenders()).toBe(1);
    expect(renders.counts.CallTimer).toBe(0);

    renders.reset();
    rerender(<CallInfoView callInfo={{ ...deepCopy(voiceLiveCall), priority: 5 }} status="live" />);
    expect(renders.counts.CallDetails).toBe(1);
    expect(renders.counts.CallInfoView).toBe(1);
    expect(nonTimerRenders()).toBe(2);
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
    expect(document.querySelector('.cip-CallInfoView-timers dd')!.textContent).toBe('1:08');
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

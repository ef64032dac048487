import { act, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TraceTimeline } from '../../src/components';
import { REASONS } from '../../src/gateway/codes';
import type { CallTrace, TraceReason } from '../../src/gateway/model';
import { I18nProvider, getFormatters } from '../../src/i18n';
import { en } from '../../src/i18n/messages/en';
import { zhCN } from '../../src/i18n/messages/zh-CN';
import { NOW, T0, endedLastCall, unknownCodesCall, videoRingingCall, voiceLiveCall, webChatQueuedCall } from '../fixtures/callInfos';

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(NOW);
});
afterEach(() => vi.useRealTimers());

const items = (container: HTMLElement) => [...container.querySelectorAll('ol > li')] as HTMLElement[];
const time = (ms: number) => getFormatters('en-US').time(ms);
/** The facts as [term, value] pairs. */
const facts = (container: HTMLElement) =>
  [...container.querySelectorAll('dl > div')].map((d) => [d.querySelector('dt')!.textContent, d.querySelector('dd')!.textContent]);
/** The "Left because" value, or `undefined` when it is not listed. */
const leftBecause = (container: HTMLElement) => facts(container).find(([term]) => term === 'Left because')?.[1];

describe('TraceTimeline', () => {
  it('lists queue wait, ringing and talk in order, the open one live', () => {
    const { container } = render(<TraceTimeline trace={voiceLiveCall.trace} phase="talking" />);
    const [wait, answer, talk] = items(container);
    expect(items(container).map((li) => li.getAttribute('data-segment'))).toEqual(['wait', 'answer', 'talk']);
    expect(items(container).map((li) => li.getAttribute('data-state'))).toEqual(['done', 'done', 'active']);
    expect(wait!.querySelector('.cip-TraceTimeline-segmentLabel')!.textContent).toBe('Queue wait');
    expect(wait!.querySelector('.cip-TraceTimeline-times')!.textContent).toBe(`${time(T0)} – ${time(T0 + 12_000)}`);
    expect(wait!.querySelector('.cip-CallTimer-root')!.textContent).toBe('0:12');
    expect(answer!.querySelector('.cip-CallTimer-root')!.getAttribute('dateTime')).toBe('PT4S');
    expect(talk!.querySelector('.cip-TraceTimeline-times')!.textContent).toBe(`since ${time(T0 + 16_000)}`);
    const live = talk!.querySelector('.cip-CallTimer-root')!;
    expect(live.getAttribute('data-state')).toBe('running');
    expect(live.textContent).toBe('0:49');
    act(() => vi.advanceTimersByTime(2000));
    expect(live.textContent).toBe('0:51');
    const startTime = talk!.querySelector('.cip-TraceTimeline-times time')!;
    expect(startTime.getAttribute('dateTime')).toBe(new Date(T0 + 16_000).toISOString());
  });

  it('reads unknown for a segment that would last a negative time or that begins a year ahead, and keeps the rest', () => {
    const trace = voiceLiveCall.trace!;
    const bad: CallTrace = { ...trace, answer: { begin: T0 + 15_000, end: T0 + 12_000 }, talk: { begin: NOW + 365 * 24 * 3_600_000, end: null } };
    const { container } = render(<TraceTimeline trace={bad} phase="talking" />);
    const [wait, answer, talk] = items(container).map((li) => li.querySelector('.cip-CallTimer-root')!);
    expect(wait!.textContent).toBe('0:12');
    for (const el of [answer!, talk!]) {
      expect(el.textContent).toBe(en['value.notReported']);
      expect(el.getAttribute('data-state')).toBe('unknown');
      expect(el.hasAttribute('dateTime')).toBe(false);
    }
  });

  it('shows phases that have not happened as not reached', () => {
    const { container } = render(<TraceTimeline trace={webChatQueuedCall.trace} phase="queued" />);
    expect(items(container).map((li) => li.getAttribute('data-state'))).toEqual(['active', 'not-reached', 'not-reached']);
    expect(screen.getAllByText('Not reached')).toHaveLength(2);
    const ringing = render(<TraceTimeline trace={videoRingingCall.trace} phase="ringing" />).container;
    expect(items(ringing).map((li) => li.getAttribute('data-state'))).toEqual(['done', 'active', 'not-reached']);
  });

  it('closes every segment of an ended call, nothing ticking', () => {
    const { container } = render(
      <TraceTimeline trace={endedLastCall.trace} phase="ended" endTime={endedLastCall.endTime} />,
    );
    expect(items(container).map((li) => li.getAttribute('data-state'))).toEqual(['done', 'done', 'done']);
    expect(container.querySelector('[data-state="running"]')).toBeNull();
    expect([...container.querySelectorAll('.cip-CallTimer-root')].map((t) => t.textContent)).toEqual([
      '0:12',
      '0:04',
      '4:44',
    ]);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('shows the device, how the call left and the reasons in words with the gateway text', () => {
    const { container } = render(<TraceTimeline trace={endedLastCall.trace} phase="ended" endTime={endedLastCall.endTime} />);
    const facts = [...container.querySelectorAll('dl > div')].map((d) => [
      d.querySelector('dt')!.textContent,
      d.querySelector('dd')!.textContent,
    ]);
    expect(facts).toEqual([
      ['Device', 'Agent 2005'],
      ['Left the device', 'Released'],
      ['Entered because', 'Normal access or transfer Gateway: Normal reason'],
      ['Left because', 'The customer hung up after the agent answered Gateway: User hang up'],
    ]);
    expect(container.querySelector('.cip-TraceTimeline-gatewayText')!.textContent).toBe('Gateway: Normal reason');
  });

  it('reads every reason code of the catalogue in words', () => {
    for (const [code, kind] of Object.entries(REASONS)) {
      const trace: CallTrace = { ...voiceLiveCall.trace!, enterReason: { code: Number(code), kind, gatewayText: null } };
      const { container, unmount } = render(<TraceTimeline trace={trace} />);
      const value = [...container.querySelectorAll('dd')].at(-1)!;
      expect(value.textContent).toBe(en[`reason.${kind}`]);
      unmount();
    }
  });

  it('shows unknown codes as "unknown (code N)" and keeps the rest', () => {
    const { container } = render(<TraceTimeline trace={unknownCodesCall.trace} phase="talking" />);
    expect(screen.getByText('unknown (code 77)')).toBeTruthy();
    expect(screen.getByText('unknown (code SIDEWAYS_DIRECT)')).toBeTruthy();
    expect(container.querySelector('dl')!.textContent).toContain('unknown (code 42) 1');
    expect(screen.getByText('Gateway: Vendor reason 77')).toBeTruthy();
    expect(items(container)).toHaveLength(3);
  });

  it('says so when an older gateway sends no trace', () => {
    const { container } = render(<TraceTimeline trace={null} phase="in-progress" />);
    expect(container.textContent).toBe('No call track reported');
    expect(container.firstElementChild!.getAttribute('data-trace')).toBe('none');
    expect(container.querySelector('ol')).toBeNull();
  });

  it('speaks Simplified Chinese', () => {
    render(
      <I18nProvider locale="zh-CN" messages={zhCN}>
        <TraceTimeline trace={endedLastCall.trace} phase="ended" endTime={endedLastCall.endTime} />
      </I18nProvider>,
    );
    expect(screen.getByText('排队等待')).toBeTruthy();
    expect(screen.getByText('座席 2005')).toBeTruthy();
    expect(screen.getByText(zhCN['reason.user-hung-up'])).toBeTruthy();
  });

  describe('the leave reason, only once the call has left the device', () => {
    /** What real gateways send for a call still on the device (the spec's own example). */
    const normal: TraceReason = { code: 0, kind: 'normal', gatewayText: 'Normal reason' };
    const withLeave = (trace: CallTrace | null, leaveReason: TraceReason): CallTrace => ({ ...trace!, leaveReason });

    it('is not listed for a live call still on the device, whatever its code', () => {
      const talking = render(<TraceTimeline trace={withLeave(voiceLiveCall.trace, normal)} phase="talking" />).container;
      expect(facts(talking).map(([term]) => term)).toEqual(['Device', 'Left the device', 'Entered because']);
      expect(talking.textContent).not.toContain('Left because');
      // Only the enter reason's gateway text, not the leave reason's.
      expect(talking.querySelectorAll('.cip-TraceTimeline-gatewayText')).toHaveLength(1);

      const released: TraceReason = { code: 16, kind: 'agent-released', gatewayText: 'Agent release' };
      const cases = [
        [withLeave(voiceLiveCall.trace, released), 'talking'],
        [withLeave(videoRingingCall.trace, normal), 'ringing'],
        [withLeave(webChatQueuedCall.trace, normal), 'queued'],
        [withLeave(voiceLiveCall.trace, normal), 'in-progress'],
        [withLeave(voiceLiveCall.trace, normal), undefined],
      ] as const;
      for (const [trace, phase] of cases) {
        const { container, unmount } = render(<TraceTimeline trace={trace} phase={phase} />);
        expect(leftBecause(container), `${phase}`).toBeUndefined();
        expect(container.textContent).not.toContain('Agent release');
        unmount();
      }
    });

    it('is listed for a held call, in words with the gateway text', () => {
      const held = withLeave(
        { ...voiceLiveCall.trace!, directMode: { raw: 'KEEP_DIRECT', kind: 'held' } },
        { code: 18, kind: 'held', gatewayText: 'Call hold' },
      );
      const { container } = render(<TraceTimeline trace={held} phase="held" />);
      expect(leftBecause(container)).toBe('Call held Gateway: Call hold');
      expect(screen.getByText('Gateway: Call hold')).toBeTruthy();
    });

    it('is listed for an ended call, even the normal one', () => {
      const ended = render(
        <TraceTimeline trace={endedLastCall.trace} phase="ended" endTime={endedLastCall.endTime} />,
      ).container;
      expect(leftBecause(ended)).toBe('The customer hung up after the agent answered Gateway: User hang up');
      const normalEnd = render(
        <TraceTimeline trace={withLeave(endedLastCall.trace, normal)} phase="ended" endTime={endedLastCall.endTime} />,
      ).container;
      expect(leftBecause(normalEnd)).toBe('Normal access or transfer Gateway: Normal reason');
    });

    it('is listed once the latest reached segment has its own end, with no call end time yet', () => {
      const talkEnded = withLeave(
        { ...voiceLiveCall.trace!, talk: { begin: T0 + 16_000, end: T0 + 60_000 } },
        { code: 15, kind: 'user-released', gatewayText: 'User release' },
      );
      const { container } = render(<TraceTimeline trace={talkEnded} />);
      expect(container.firstElementChild!.getAttribute('data-phase')).toBe('in-progress');
      expect(leftBecause(container)).toBe('The customer released the call Gateway: User release');

      // Moved on from the queue (the wait ended, nothing reached after it).
      const movedOn = withLeave(
        { ...webChatQueuedCall.trace!, wait: { begin: T0, end: T0 + 12_000 } },
        { code: 1, kind: 'overflow', gatewayText: 'Overflow' },
      );
      const queue = render(<TraceTimeline trace={movedOn} phase="in-progress" />).container;
      expect(leftBecause(queue)).toBe('Transferred on overflow Gateway: Overflow');
    });

    it('reads an unknown code on an ended call as "unknown (code N)"', () => {
      const trace = withLeave(endedLastCall.trace, { code: 77, kind: 'unknown', gatewayText: 'Vendor reason 77' });
      const { container } = render(<TraceTimeline trace={trace} phase="ended" endTime={endedLastCall.endTime} />);
      expect(leftBecause(container)).toBe('unknown (code 77) Gateway: Vendor reason 77');
    });
  });
});

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
/** The facts as [term, value] pairs, the value without the gateway's text (which is in a disclosure). */
const facts = (container: HTMLElement) =>
  [...container.querySelectorAll('dl > div')].map((d) => [d.querySelector('dt')!.textContent, d.querySelector('dd')!.firstChild!.textContent]);
/** The gateway's own texts, each inside its `<details>`. */
const gatewayTexts = (container: HTMLElement) =>
  [...container.querySelectorAll('details.cip-TraceTimeline-gatewayText')].map((d) => {
    expect(d.querySelector('summary')!.textContent).toBe(en['trace.gatewayTextShow']);
    return d.querySelector('[dir="auto"]')!.textContent;
  });
/** The step a fact is listed under. */
const stepOf = (container: HTMLElement, term: string) =>
  [...container.querySelectorAll('dt')].find((dt) => dt.textContent === term)?.closest('li')?.getAttribute('data-segment');
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
    expect(live.getAttribute('data-timer')).toBe('talk');
    expect(wait!.querySelector('[data-timer]')!.getAttribute('data-timer')).toBe('wait');
    expect(answer!.querySelector('[data-timer]')!.getAttribute('data-timer')).toBe('ring');
    expect(items(container).map((li) => li.getAttribute('aria-current'))).toEqual([null, null, 'step']);
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

  it('shows the device and enter reason under the first step, how the call left and why under the last, the gateway text only on demand', () => {
    const { container } = render(<TraceTimeline trace={endedLastCall.trace} phase="ended" endTime={endedLastCall.endTime} />);
    const [wait, , talk] = items(container);
    expect(facts(wait!)).toEqual([
      ['Device', 'Agent 2005'],
      ['Entered because', 'Normal access or transfer'],
    ]);
    expect(facts(talk!)).toEqual([
      ['Left the device', 'Released'],
      ['Left because', 'The customer hung up after the agent answered'],
    ]);
    expect(gatewayTexts(container)).toEqual(['Normal reason', 'User hang up']);
    // Never in the main line: only inside a closed disclosure, and never "Gateway: …".
    for (const details of container.querySelectorAll('details')) expect(details.open).toBe(false);
    expect(container.textContent).not.toContain('Gateway:');
    for (const li of items(container)) {
      const main = [...li.children].filter((el) => el.tagName !== 'DL').map((el) => el.textContent).join(' ');
      expect(main).not.toMatch(/Normal reason|User hang up/);
    }
  });

  it('reads every reason code of the catalogue in words', () => {
    for (const [code, kind] of Object.entries(REASONS)) {
      const trace: CallTrace = { ...voiceLiveCall.trace!, enterReason: { code: Number(code), kind, gatewayText: null } };
      const { container, unmount } = render(<TraceTimeline trace={trace} />);
      expect(facts(container).find(([term]) => term === 'Entered because')![1]).toBe(en[`reason.${kind}`]);
      unmount();
    }
  });

  it('shows unknown codes as "unknown (code N)" and keeps the rest', () => {
    const { container } = render(<TraceTimeline trace={unknownCodesCall.trace} phase="talking" />);
    expect(screen.getByText('unknown (code 77)')).toBeTruthy();
    // How it left the device is listed only once it has.
    expect(screen.queryByText('unknown (code SIDEWAYS_DIRECT)')).toBeNull();
    const ended = render(<TraceTimeline trace={unknownCodesCall.trace} phase="ended" endTime={NOW} />).container;
    expect(facts(ended)).toContainEqual(['Left the device', 'unknown (code SIDEWAYS_DIRECT)']);
    expect(facts(container)).toContainEqual(['Device', 'unknown (code 42) 1']);
    expect(gatewayTexts(container)).toContain('Vendor reason 77');
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

  describe('holds', () => {
    const heldTrace: CallTrace = { ...voiceLiveCall.trace!, directMode: { raw: 'KEEP_DIRECT', kind: 'held' } };
    const talkBegin = T0 + 16_000;

    it('marks an open hold current, ticking, and pauses the talk step at the hold', () => {
      const { container } = render(
        <TraceTimeline trace={heldTrace} phase="held" holds={[{ begin: T0 + 40_000, end: null }]} />,
      );
      expect(items(container).map((li) => `${li.getAttribute('data-segment')}:${li.getAttribute('data-state')}`)).toEqual([
        'wait:done',
        'answer:done',
        'talk:paused',
        'hold:active',
      ]);
      const current = container.querySelectorAll('[aria-current="step"]');
      expect(current).toHaveLength(1);
      const hold = current[0]!;
      expect(hold.getAttribute('data-segment')).toBe('hold');
      expect(hold.querySelector('.cip-TraceTimeline-segmentLabel')!.textContent).toBe('On hold');
      expect(hold.querySelector('.cip-TraceTimeline-times')!.textContent).toBe(`since ${time(T0 + 40_000)}`);
      const timer = hold.querySelector('[data-timer="hold"]')!;
      expect(timer.getAttribute('data-state')).toBe('running');
      expect(timer.textContent).toBe('0:25');
      act(() => vi.advanceTimersByTime(3000));
      expect(timer.textContent).toBe('0:28');

      // No "Talk since …" marked current while held: the talk shows its begin, its time up to the hold, stopped.
      const talk = items(container)[2]!;
      expect(talk.hasAttribute('aria-current')).toBe(false);
      expect(talk.querySelector('.cip-TraceTimeline-times')!.textContent).toBe(time(talkBegin));
      const talkTimer = talk.querySelector('[data-timer="talk"]')!;
      expect(talkTimer.getAttribute('data-state')).toBe('stopped');
      expect(talkTimer.textContent).toBe('0:24');
      expect(container.textContent).not.toContain('since ' + time(talkBegin));
    });

    it('shows a closed hold with its range after the talk, and the talk open again once resumed', () => {
      const { container } = render(
        <TraceTimeline
          trace={voiceLiveCall.trace}
          phase="talking"
          holds={[
            { begin: T0 + 40_000, end: T0 + 50_000 },
            { begin: T0 + 20_000, end: T0 + 30_000 },
          ]}
        />,
      );
      const steps = items(container);
      expect(steps.map((li) => `${li.getAttribute('data-segment')}:${li.getAttribute('data-state')}`)).toEqual([
        'wait:done',
        'answer:done',
        'talk:active',
        'hold:done',
        'hold:done',
      ]);
      expect(steps[2]!.getAttribute('aria-current')).toBe('step');
      // In time order, each with its range and duration.
      expect(steps.slice(3).map((li) => li.querySelector('.cip-TraceTimeline-times')!.textContent)).toEqual([
        `${time(T0 + 20_000)} – ${time(T0 + 30_000)}`,
        `${time(T0 + 40_000)} – ${time(T0 + 50_000)}`,
      ]);
      const holdTimer = steps[3]!.querySelector('[data-timer="hold"]')!;
      expect(holdTimer.textContent).toBe('0:10');
      expect(holdTimer.getAttribute('data-state')).toBe('stopped');
    });

    it('shows an open hold step with no time for a held call given no holds', () => {
      const { container } = render(<TraceTimeline trace={heldTrace} phase="held" />);
      const steps = items(container);
      expect(steps.map((li) => li.getAttribute('data-state'))).toEqual(['done', 'done', 'paused', 'active']);
      const hold = steps[3]!;
      expect(hold.getAttribute('data-segment')).toBe('hold');
      expect(hold.getAttribute('aria-current')).toBe('step');
      expect(hold.querySelector('.cip-TraceTimeline-segmentLabel')!.textContent).toBe('On hold');
      expect(hold.querySelector('time')).toBeNull();
      expect(hold.querySelector('.cip-TraceTimeline-notReached')).toBeNull();
      expect(container.querySelector('[data-state="running"]')).toBeNull();
      expect(steps[2]!.querySelector('.cip-TraceTimeline-times')!.textContent).toBe(time(talkBegin));
    });

    it('closes an open hold at the end of an ended call', () => {
      const { container } = render(
        <TraceTimeline
          trace={endedLastCall.trace}
          phase="ended"
          endTime={endedLastCall.endTime}
          holds={[{ begin: T0 + 100_000, end: null }]}
        />,
      );
      const hold = items(container).at(-1)!;
      expect(hold.getAttribute('data-state')).toBe('done');
      expect(container.querySelector('[aria-current]')).toBeNull();
      expect(container.querySelector('[data-state="running"]')).toBeNull();
    });
  });

  it('follows the medium: a chat is offered and chatted, not rung and talked', () => {
    const { container } = render(<TraceTimeline trace={voiceLiveCall.trace} phase="talking" medium="chat" />);
    expect(container.firstElementChild!.getAttribute('data-medium')).toBe('chat');
    const labels = items(container).map((li) => li.querySelector('.cip-TraceTimeline-segmentLabel')!.textContent);
    expect(labels).toEqual(['Queue wait', 'Offered', 'Chat']);
    expect(container.textContent).not.toMatch(/Ringing|Talk/);
    const zh = render(
      <I18nProvider locale="zh-CN" messages={zhCN}>
        <TraceTimeline trace={voiceLiveCall.trace} phase="talking" medium="chat" />
      </I18nProvider>,
    ).container;
    expect(items(zh).map((li) => li.querySelector('.cip-TraceTimeline-segmentLabel')!.textContent)).toEqual([
      zhCN['trace.wait'],
      '待接受',
      '会话',
    ]);
    const voice = render(<TraceTimeline trace={voiceLiveCall.trace} phase="talking" />).container;
    expect(items(voice).map((li) => li.querySelector('.cip-TraceTimeline-segmentLabel')!.textContent)).toEqual([
      'Queue wait',
      'Ringing',
      'Talk',
    ]);
  });

  it('shows gateway text as plain text, never markup', () => {
    const trace: CallTrace = {
      ...voiceLiveCall.trace!,
      enterReason: { code: 0, kind: 'normal', gatewayText: '<img src=x onerror=alert(1)>' },
    };
    const { container } = render(<TraceTimeline trace={trace} />);
    expect(gatewayTexts(container)).toEqual(['<img src=x onerror=alert(1)>']);
    expect(container.querySelector('img')).toBeNull();
  });

  describe('the leave reason, only once the call has left the device', () => {
    /** What real gateways send for a call still on the device (the spec's own example). */
    const normal: TraceReason = { code: 0, kind: 'normal', gatewayText: 'Normal reason' };
    const withLeave = (trace: CallTrace | null, leaveReason: TraceReason): CallTrace => ({ ...trace!, leaveReason });

    it('is not listed for a live call still on the device, whatever its code', () => {
      const talking = render(<TraceTimeline trace={withLeave(voiceLiveCall.trace, normal)} phase="talking" />).container;
      expect(facts(talking).map(([term]) => term)).toEqual(['Device', 'Entered because']);
      expect(talking.textContent).not.toContain('Left because');
      expect(talking.textContent).not.toContain('Left the device');
      // Only the enter reason's gateway text, not the leave reason's.
      expect(gatewayTexts(talking)).toEqual(['Normal reason']);

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
        expect(container.textContent, `${phase}`).not.toContain('Left the device');
        unmount();
      }
    });

    it('is listed for a held call, in words with the gateway text', () => {
      const held = withLeave(
        { ...voiceLiveCall.trace!, directMode: { raw: 'KEEP_DIRECT', kind: 'held' } },
        { code: 18, kind: 'held', gatewayText: 'Call hold' },
      );
      const { container } = render(<TraceTimeline trace={held} phase="held" />);
      expect(leftBecause(container)).toBe('Call held');
      expect(facts(container)).toContainEqual(['Left the device', 'Held']);
      // Under the open hold step, the last one reached.
      expect(stepOf(container, 'Left because')).toBe('hold');
      expect(stepOf(container, 'Left the device')).toBe('hold');
      expect(gatewayTexts(container)).toContain('Call hold');
    });

    it('is listed for an ended call, even the normal one', () => {
      const ended = render(
        <TraceTimeline trace={endedLastCall.trace} phase="ended" endTime={endedLastCall.endTime} />,
      ).container;
      expect(leftBecause(ended)).toBe('The customer hung up after the agent answered');
      const normalEnd = render(
        <TraceTimeline trace={withLeave(endedLastCall.trace, normal)} phase="ended" endTime={endedLastCall.endTime} />,
      ).container;
      expect(leftBecause(normalEnd)).toBe('Normal access or transfer');
    });

    it('is listed once the latest reached segment has its own end, with no call end time yet', () => {
      const talkEnded = withLeave(
        { ...voiceLiveCall.trace!, talk: { begin: T0 + 16_000, end: T0 + 60_000 } },
        { code: 15, kind: 'user-released', gatewayText: 'User release' },
      );
      const { container } = render(<TraceTimeline trace={talkEnded} />);
      expect(container.firstElementChild!.getAttribute('data-phase')).toBe('in-progress');
      expect(leftBecause(container)).toBe('The customer released the call');
      expect(stepOf(container, 'Left because')).toBe('talk');

      // Moved on from the queue (the wait ended, nothing reached after it).
      const movedOn = withLeave(
        { ...webChatQueuedCall.trace!, wait: { begin: T0, end: T0 + 12_000 } },
        { code: 1, kind: 'overflow', gatewayText: 'Overflow' },
      );
      const queue = render(<TraceTimeline trace={movedOn} phase="in-progress" />).container;
      expect(leftBecause(queue)).toBe('Transferred on overflow');
      // The wait is both the first and the last reached step.
      expect(stepOf(queue, 'Left because')).toBe('wait');
      expect(stepOf(queue, 'Entered because')).toBe('wait');
    });

    it('reads an unknown code on an ended call as "unknown (code N)"', () => {
      const trace = withLeave(endedLastCall.trace, { code: 77, kind: 'unknown', gatewayText: 'Vendor reason 77' });
      const { container } = render(<TraceTimeline trace={trace} phase="ended" endTime={endedLastCall.endTime} />);
      expect(leftBecause(container)).toBe('unknown (code 77)');
      expect(gatewayTexts(container)).toContain('Vendor reason 77');
    });
  });
});

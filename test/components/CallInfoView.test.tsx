import { fireEvent, render, screen, within } from '@testing-library/react';
import type { ComponentProps } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CallInfoView } from '../../src/components';
import { GatewayError } from '../../src/gateway/GatewayError';
import { I18nProvider, getFormatters } from '../../src/i18n';
import { zhCN } from '../../src/i18n/messages/zh-CN';
import {
  NOW,
  endedLastCall,
  longJsonCall,
  makeCall,
  olderGatewayCall,
  outgoingCall,
  unknownCodesCall,
  videoRingingCall,
  voiceLiveCall,
} from '../fixtures/callInfos';

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(NOW);
});
afterEach(() => vi.useRealTimers());

type Props = ComponentProps<typeof CallInfoView>;
const region = () => screen.getByRole('region', { name: 'Call information' });
const sectionNames = (container: HTMLElement) =>
  [...container.querySelectorAll('[data-section]')].map((s) => s.getAttribute('data-section'));
const announcer = (container: HTMLElement) => container.querySelector('.cip-CallInfoView-announcer')!;

describe('CallInfoView states', () => {
  it('is a region labelled by its heading', () => {
    render(<CallInfoView callInfo={null} status="no-call" />);
    const heading = screen.getByRole('heading', { level: 2, name: 'Call information' });
    expect(region().getAttribute('aria-labelledby')).toBe(heading.id);
  });

  it('takes an integrator aria-label over its heading, so several panels on a page can differ', () => {
    render(<CallInfoView callInfo={voiceLiveCall} status="live" aria-label="Call of agent 60015" />);
    expect(screen.getByRole('region', { name: 'Call of agent 60015' })).toBeTruthy();
  });

  it('loading: a skeleton hidden from assistive technology, and words', () => {
    const { container } = render(<CallInfoView callInfo={undefined} status="loading" />);
    expect(region().getAttribute('data-status')).toBe('loading');
    expect(region().getAttribute('aria-busy')).toBe('true');
    expect(container.querySelector('.cip-CallInfoView-skeleton')!.getAttribute('aria-hidden')).toBe('true');
    expect(screen.getByText('Loading call information…')).toBeTruthy();
  });

  it('no call', () => {
    render(<CallInfoView callInfo={null} status="no-call" />);
    expect(screen.getByText('No call right now')).toBeTruthy();
    expect(region().hasAttribute('aria-busy')).toBe(false);
  });

  it('live call: every section, in the default order, with a "Live call" badge', () => {
    const { container } = render(<CallInfoView callInfo={voiceLiveCall} status="live" />);
    expect(sectionNames(container)).toEqual(['parties', 'callType', 'media', 'skill', 'timers', 'trace', 'details', 'callData']);
    expect(container.querySelector('.cip-CallInfoView-badge')!.textContent).toBe('Live call');
    expect(region().getAttribute('data-phase')).toBe('talking');
    expect(screen.getByText('Call duration').nextElementSibling!.textContent).toBe('1:05');
    // The status band: the phase in words, with its one timer.
    const band = container.querySelector('.cip-CallInfoView-phase')!;
    expect(band.querySelector('.cip-CallInfoView-phaseLabel')!.textContent).toBe('Talking');
    expect(band.querySelectorAll('[data-timer]')).toHaveLength(1);
    expect(band.querySelector('[data-timer="talk"]')!.textContent).toBe('0:49');
    expect(band.querySelector('[data-timer="talk"]')!.getAttribute('data-state')).toBe('running');
    expect(screen.getByRole('heading', { level: 3, name: 'Call track' })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 3, name: 'Call data' })).toBeTruthy();
  });

  it('held call: the band says "On hold" with its own icon and a hold timer from when the hold was first seen', () => {
    const held = { ...voiceLiveCall, phase: 'held' as const };
    const { container, rerender } = render(<CallInfoView callInfo={voiceLiveCall} status="live" />);
    vi.advanceTimersByTime(3_000);
    rerender(<CallInfoView callInfo={held} status="live" />);
    const band = container.querySelector('.cip-CallInfoView-phase')!;
    expect(band.getAttribute('data-phase')).toBe('held');
    expect(band.textContent).toContain('On hold');
    expect(band.querySelector('[data-icon="pause"]')).not.toBeNull();
    expect(region().getAttribute('data-phase')).toBe('held');
    const timer = band.querySelector('[data-timer="hold"]')!;
    expect(timer.textContent).toBe('0:00');
    expect(timer.getAttribute('title')).toMatch(/first update that showed the hold/);
    expect(band.querySelector('[data-timer="talk"]')).toBeNull();
    vi.advanceTimersByTime(5_000);
    rerender(<CallInfoView callInfo={{ ...held }} status="live" />);
    expect(timer.textContent).toBe('0:05');
    // Resumed: the band is back to talking, and the track keeps the hold it saw.
    rerender(<CallInfoView callInfo={voiceLiveCall} status="live" />);
    expect(container.querySelector('.cip-CallInfoView-phase [data-timer="talk"]')).not.toBeNull();
    expect(container.querySelector('[data-segment="hold"]')).not.toBeNull();
  });

  it('words follow the medium: a web chat is offered and chatted, not rung and talked', () => {
    const chat = (phase: 'ringing' | 'talking') =>
      makeCall({ ...voiceLiveCall, media: { code: 51, kind: 'web-chat' }, phase });
    const { container, rerender } = render(<CallInfoView callInfo={chat('ringing')} status="live" />);
    const label = () => container.querySelector('.cip-CallInfoView-phaseLabel')!.textContent;
    expect(label()).toBe('Offered');
    rerender(<CallInfoView callInfo={chat('talking')} status="live" />);
    expect(label()).toBe('Chatting');
    expect(container.querySelector('.cip-CallInfoView-call')!.getAttribute('data-medium')).toBe('chat');
  });

  it('last call: clearly marked as past, nothing ticking', () => {
    const { container } = render(<CallInfoView callInfo={endedLastCall} status="last-call" />);
    const badge = container.querySelector('.cip-CallInfoView-badge')!;
    expect(badge.textContent).toBe('Last call');
    expect(badge.getAttribute('data-status')).toBe('last-call');
    expect(badge.querySelector('svg')).not.toBeNull();
    expect(region().getAttribute('data-status')).toBe('last-call');
    expect(container.querySelector('[data-state="running"]')).toBeNull();
    expect(screen.getByText('Call duration').nextElementSibling!.textContent).toBe('5:00');
    const band = container.querySelector('.cip-CallInfoView-phase')!;
    expect(band.querySelector('.cip-CallInfoView-phaseLabel')!.textContent).toBe('Ended');
    expect(band.querySelector('[data-timer="call"]')!.textContent).toBe('5:00');
  });

  it('stale: keeps the last good call with "Last updated" and a marker that is not only colour', () => {
    const onRetry = vi.fn();
    const lastUpdatedAt = NOW - 7000;
    const { container } = render(
      <CallInfoView callInfo={voiceLiveCall} status="live" freshness="stale" lastUpdatedAt={lastUpdatedAt} onRetry={onRetry} />,
    );
    expect(region().getAttribute('data-freshness')).toBe('stale');
    const notice = container.querySelector('.cip-CallInfoView-notice')!;
    expect(notice.querySelector('svg[aria-hidden="true"]')).not.toBeNull();
    // Stale replaces the live pill.
    const pill = container.querySelector('.cip-CallInfoView-badge')!;
    expect(pill.textContent).toBe('Not up to date');
    expect(pill.getAttribute('data-status')).toBe('stale');
    expect(container.querySelectorAll('.cip-CallInfoView-badge')).toHaveLength(1);
    expect(notice.textContent).toContain('Last updated 7 seconds ago');
    expect(notice.querySelector('time')!.getAttribute('dateTime')).toBe(new Date(lastUpdatedAt).toISOString());
    expect(notice.querySelector('time')!.getAttribute('title')).toBe(getFormatters('en-US').time(lastUpdatedAt));
    expect(screen.getByText('70004')).toBeTruthy();
    fireEvent.click(within(notice as HTMLElement).getByRole('button', { name: 'Retry' }));
    expect(onRetry).toHaveBeenCalledTimes(1);
  });

  it('fresh: no stale notice', () => {
    const { container } = render(<CallInfoView callInfo={voiceLiveCall} status="live" lastUpdatedAt={NOW} />);
    expect(container.querySelector('.cip-CallInfoView-notice')).toBeNull();
    expect(region().getAttribute('data-freshness')).toBe('fresh');
  });

  it('signed out', () => {
    render(<CallInfoView callInfo={voiceLiveCall} status="signed-out" />);
    expect(screen.getByText('Signed out')).toBeTruthy();
    expect(screen.getByText('Sign in to the agent gateway to see your calls.')).toBeTruthy();
    expect(screen.queryByText('70004')).toBeNull();
  });

  it('auth expired: a "Sign in again" button only when the host can re-authenticate', () => {
    const onReauthenticate = vi.fn();
    const { rerender } = render(<CallInfoView callInfo={null} status="auth-expired" />);
    expect(screen.getByText('Session expired')).toBeTruthy();
    expect(screen.queryByRole('button')).toBeNull();
    rerender(<CallInfoView callInfo={null} status="auth-expired" onReauthenticate={onReauthenticate} />);
    const button = screen.getByRole('button', { name: 'Sign in again' });
    expect(button.getAttribute('type')).toBe('button');
    fireEvent.click(button);
    expect(onReauthenticate).toHaveBeenCalledTimes(1);
  });

  it('error: explains a gateway error kind and offers Retry', () => {
    const onRetry = vi.fn();
    const { rerender } = render(
      <CallInfoView callInfo={undefined} status="error" error={new GatewayError('network', 'x')} onRetry={onRetry} />,
    );
    expect(screen.getByText('Gateway unreachable')).toBeTruthy();
    expect(screen.getByText('Check the network connection. The panel keeps trying.')).toBeTruthy();
    expect(region().getAttribute('data-error-kind')).toBe('network');
    expect(region().getAttribute('data-tone')).toBe('warning');
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(onRetry).toHaveBeenCalledTimes(1);
    rerender(<CallInfoView callInfo={undefined} status="error" error={new Error('The secret guid abc')} />);
    expect(screen.getByText('Call information could not be loaded')).toBeTruthy();
    expect(screen.queryByRole('button')).toBeNull();
    expect(region().textContent).not.toContain('secret');
  });

  it("error: a malformed answer's issues are listed in development builds, and not in production", () => {
    const error = new GatewayError('bad-response', 'x', { issues: ['result.trace.talkBeginTime: expected a number'] });
    const { rerender } = render(<CallInfoView callInfo={undefined} status="error" error={error} />);
    const issues = screen.getByRole('group');
    expect(within(issues).getByText('What the answer got wrong (shown in development builds only)').tagName).toBe('SUMMARY');
    expect(within(issues).getByRole('listitem').textContent).toBe('result.trace.talkBeginTime: expected a number');

    vi.stubEnv('NODE_ENV', 'production');
    rerender(<CallInfoView callInfo={undefined} status="error" error={new GatewayError('bad-response', 'y', { issues: ['result: expected an object'] })} />);
    expect(screen.queryByRole('group')).toBeNull();
    expect(screen.getByText('Unreadable answer')).toBeTruthy();
    expect(region().getAttribute('data-tone')).toBe('danger');
    vi.unstubAllEnvs();
  });

  it('error: one headline per kind, every one its own', () => {
    const kinds = ['invalid-agent-id', 'network', 'timeout', 'http', 'bad-response', 'invalid-request', 'rate-limited', 'switching-over', 'gateway'] as const;
    const { container, rerender } = render(<CallInfoView callInfo={undefined} status="error" />);
    const headlines = kinds.map((kind) => {
      rerender(<CallInfoView callInfo={undefined} status="error" error={new GatewayError(kind, 'x')} />);
      return container.querySelector('.cip-CallInfoView-message')!.textContent;
    });
    // 'http' and 'gateway' share "Gateway error"; the explanation under it tells them apart.
    expect(new Set(headlines).size).toBe(kinds.length - 1);
    expect(headlines).not.toContain('Call information could not be loaded');
  });

  it('rate-limited: counts down calmly and offers Retry only once it has tried', () => {
    const onRetry = vi.fn();
    const error = new GatewayError('rate-limited', 'x');
    const { rerender } = render(
      <CallInfoView callInfo={undefined} status="error" error={error} onRetry={onRetry} nextRetryAt={NOW + 8_000} />,
    );
    expect(screen.getByText('Gateway busy')).toBeTruthy();
    expect(screen.getByText('Retrying in 8 s')).toBeTruthy();
    expect(region().getAttribute('data-tone')).toBe('warning');
    expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull();
    vi.advanceTimersByTime(8_000);
    rerender(<CallInfoView callInfo={undefined} status="error" error={error} onRetry={onRetry} nextRetryAt={NOW + 8_000} />);
    expect(screen.queryByText(/Retrying in/)).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(onRetry).toHaveBeenCalledTimes(1);
  });
});

describe('CallInfoView content', () => {
  it('reads every live timer on the gateway\'s clock (clockOffset); closed spans are the gateway\'s own', () => {
    // The gateway is 2 hours behind the desktop: its moments are 2 hours earlier than ours.
    const behind = -2 * 60 * 60 * 1_000;
    const shift = (ms: number | null) => (ms === null ? null : ms + behind);
    const trace = voiceLiveCall.trace!;
    const call = makeCall({
      beginTime: shift(voiceLiveCall.beginTime),
      trace: {
        ...trace,
        wait: { begin: shift(trace.wait.begin), end: shift(trace.wait.end) },
        answer: { begin: shift(trace.answer.begin), end: shift(trace.answer.end) },
        talk: { begin: shift(trace.talk.begin), end: null },
      },
    });
    const { container } = render(<CallInfoView callInfo={call} status="live" clockOffset={behind} />);
    expect(screen.getByText('Call duration').nextElementSibling!.textContent).toBe('1:05');
    expect(container.querySelector('[data-timer="talk"]')!.textContent).toBe('0:49');
    expect(container.querySelector('[data-segment="talk"] [data-slot="call-timer"]')!.textContent).toBe('0:49');
    expect(container.querySelector('[data-segment="wait"] [data-slot="call-timer"]')!.textContent).toBe('0:12');
  });

  it('hides and reorders sections', () => {
    const { container } = render(<CallInfoView callInfo={voiceLiveCall} status="live" sections={['callData', 'parties']} />);
    expect(sectionNames(container)).toEqual(['callData', 'parties']);
    expect(container.querySelector('.cip-TraceTimeline-root')).toBeNull();
  });

  it('groups the at-a-glance sections apart from the rest, for the two-column layout', () => {
    const { container } = render(<CallInfoView callInfo={voiceLiveCall} status="live" />);
    const groups = [...container.querySelectorAll('.cip-CallInfoView-group')].map((group) => [
      group.getAttribute('data-group'),
      sectionNames(group as HTMLElement),
    ]);
    expect(groups).toEqual([
      ['glance', ['parties', 'callType', 'media', 'skill', 'timers']],
      ['more', ['trace', 'details', 'callData']],
    ]);
  });

  it('says a call type once: a media that repeats it is not shown again', () => {
    const { container } = render(<CallInfoView callInfo={outgoingCall} status="live" />);
    expect(container.querySelector('.cip-CallTypeBadge-root')!.textContent).toBe('Preview outbound');
    expect(container.querySelector('[data-section="media"]')).toBeNull();
  });

  it('hides fields with nothing to say unless asked to show them all', () => {
    const bare = makeCall({ ...olderGatewayCall, callType: null, skill: { name: '', id: null } });
    const { container, rerender } = render(<CallInfoView callInfo={bare} status="live" />);
    expect(sectionNames(container)).not.toContain('callType');
    expect(sectionNames(container)).not.toContain('skill');
    rerender(<CallInfoView callInfo={bare} status="live" showEmptyFields />);
    expect(sectionNames(container)).toEqual(expect.arrayContaining(['callType', 'media', 'skill']));
  });

  it('shows an older gateway call without media, trace or talk time', () => {
    const { container } = render(<CallInfoView callInfo={olderGatewayCall} status="live" />);
    expect(sectionNames(container)).toEqual(['parties', 'callType', 'skill', 'timers', 'trace', 'details']);
    expect(screen.getByText('No call track reported')).toBeTruthy();
    expect(container.querySelector('.cip-CallInfoView-phaseLabel')!.textContent).toBe('In progress');
    expect(container.querySelector('.cip-CallInfoView-phase [data-timer="call"]')).not.toBeNull();
    expect(screen.getByText('Call duration')).toBeTruthy();
    expect(region().getAttribute('data-phase')).toBe('in-progress');
  });

  it('shows unknown codes as "unknown (code N)" and the rest of the call', () => {
    const { container } = render(<CallInfoView callInfo={unknownCodesCall} status="live" />);
    expect(container.querySelector('.cip-CallTypeBadge-root')!.textContent).toBe('unknown (code 99)');
    expect(container.querySelector('.cip-MediaBadge-label')!.textContent).toBe('unknown (code 99)');
    expect(screen.getByText('unknown (code 77)')).toBeTruthy();
    expect(screen.getByText('70004')).toBeTruthy();
  });

  it('keys the call on its ID: nothing of the old call survives a new one', () => {
    const callA = longJsonCall;
    const callB = makeCall({ ...longJsonCall, callId: 'other-call', beginTime: NOW - 3000 });
    const { container, rerender } = render(<CallInfoView callInfo={callA} status="live" />);
    fireEvent.click(screen.getByRole('button', { name: /^Show all/ }));
    expect(screen.getByRole('button', { name: 'Show less' }).getAttribute('aria-expanded')).toBe('true');
    const oldCall = container.querySelector('.cip-CallInfoView-call');

    rerender(<CallInfoView callInfo={callB} status="live" />);
    expect(screen.getByRole('button', { name: /^Show all/ }).getAttribute('aria-expanded')).toBe('false');
    expect(container.querySelector('.cip-CallInfoView-call')).not.toBe(oldCall);
    expect(oldCall!.isConnected).toBe(false);
    expect(screen.getByText('Call duration').nextElementSibling!.textContent).toBe('0:03');
  });

  it('keeps expanded state across polls of the same call', () => {
    const { rerender } = render(<CallInfoView callInfo={longJsonCall} status="live" />);
    fireEvent.click(screen.getByRole('button', { name: /^Show all/ }));
    rerender(<CallInfoView callInfo={{ ...longJsonCall, waitSeconds: 13 }} status="live" />);
    expect(screen.getByRole('button', { name: 'Show less' })).toBeTruthy();
  });

  it('sets colour scheme and density, and passes unstyled to every part', () => {
    const { container } = render(
      <CallInfoView callInfo={voiceLiveCall} status="live" colorScheme="dark" density="compact" unstyled />,
    );
    expect(region().getAttribute('data-color-scheme')).toBe('dark');
    expect(region().getAttribute('data-density')).toBe('compact');
    const roots = container.querySelectorAll('[class*="-root"]');
    expect(roots.length).toBeGreaterThan(8);
    for (const root of roots) expect(root.hasAttribute('data-unstyled')).toBe(true);
  });

  it('puts classNames on its parts', () => {
    const { container } = render(
      <CallInfoView callInfo={voiceLiveCall} status="live" classNames={{ header: 'h', section: 's', title: 't' }} />,
    );
    expect(container.querySelector('header')!.className).toBe('cip-CallInfoView-header h');
    expect(container.querySelectorAll('.cip-CallInfoView-section.s')).toHaveLength(8);
    expect(container.querySelector('h2')!.className).toBe('cip-CallInfoView-title t');
  });
});

describe('CallInfoView languages and direction', () => {
  it('speaks Simplified Chinese', () => {
    render(
      <I18nProvider locale="zh-CN" messages={zhCN}>
        <CallInfoView callInfo={endedLastCall} status="last-call" />
      </I18nProvider>,
    );
    expect(screen.getByRole('region', { name: '呼叫信息' })).toBeTruthy();
    expect(screen.getByText('上一个呼叫')).toBeTruthy();
    expect(screen.getByText('呼叫时长')).toBeTruthy();
    expect(screen.getByText('呼入')).toBeTruthy();
    expect(screen.getByText('已结束')).toBeTruthy();
  });

  it('is right to left for Arabic, left to right otherwise', () => {
    const { rerender } = render(
      <I18nProvider locale="ar">
        <CallInfoView callInfo={voiceLiveCall} status="live" />
      </I18nProvider>,
    );
    expect(region().getAttribute('dir')).toBe('rtl');
    rerender(
      <I18nProvider locale="en-GB">
        <CallInfoView callInfo={voiceLiveCall} status="live" />
      </I18nProvider>,
    );
    expect(region().getAttribute('dir')).toBe('ltr');
  });
});

describe('CallInfoView announcements', () => {
  function setup(initial: Props) {
    const utils = render(<CallInfoView {...initial} />);
    const observer = new MutationObserver(() => {});
    observer.observe(announcer(utils.container), { childList: true, characterData: true, subtree: true });
    const changes = () => observer.takeRecords().length;
    return { ...utils, changes, text: () => announcer(utils.container).textContent };
  }

  it('is a polite status region', () => {
    const { container } = render(<CallInfoView callInfo={null} status="no-call" />);
    expect(announcer(container).getAttribute('role')).toBe('status');
    expect(announcer(container).getAttribute('aria-live')).toBe('polite');
  });

  it('announces a new call once, never on unchanged polls or re-renders, and its end once', () => {
    const { rerender, changes, text } = setup({ callInfo: undefined, status: 'loading' });
    expect(text()).toBe('');
    rerender(<CallInfoView callInfo={videoRingingCall} status="live" />);
    expect(text()).toBe('Incoming video call from 70004, skill voice');
    expect(changes()).toBe(1);

    rerender(<CallInfoView callInfo={videoRingingCall} status="live" />);
    rerender(<CallInfoView callInfo={{ ...videoRingingCall }} status="live" />);
    rerender(<CallInfoView callInfo={{ ...videoRingingCall, phase: 'talking' }} status="live" onRetry={() => {}} />);
    rerender(<CallInfoView callInfo={{ ...videoRingingCall, phase: 'talking' }} status="live" freshness="stale" />);
    expect(changes()).toBe(0);

    const ended = { ...videoRingingCall, phase: 'ended' as const, endTime: NOW };
    rerender(<CallInfoView callInfo={ended} status="last-call" />);
    expect(text()).toBe('Call with 70004 ended');
    expect(changes()).toBe(1);
    rerender(<CallInfoView callInfo={{ ...ended }} status="last-call" />);
    rerender(<CallInfoView callInfo={{ ...ended }} status="last-call" freshness="stale" />);
    expect(changes()).toBe(0);
  });

  it('announces the end when the call disappears, and the next call', () => {
    const { rerender, changes, text } = setup({ callInfo: voiceLiveCall, status: 'live' });
    expect(text()).toBe('Incoming voice call from 70004, skill voice');
    changes();
    rerender(<CallInfoView callInfo={null} status="no-call" />);
    expect(text()).toBe('Call with 70004 ended');
    rerender(<CallInfoView callInfo={null} status="no-call" />);
    expect(changes()).toBe(1);
    rerender(<CallInfoView callInfo={outgoingCall} status="live" />);
    expect(text()).toBe('Outgoing previewed outbound call to +8613800138000, skill voice');
  });

  it('does not announce a last call it never saw live', () => {
    const { rerender, text } = setup({ callInfo: undefined, status: 'loading' });
    rerender(<CallInfoView callInfo={endedLastCall} status="last-call" />);
    rerender(<CallInfoView callInfo={null} status="no-call" />);
    expect(text()).toBe('');
  });

  it('announces a hold, its resume and a session that expires mid-call once each', () => {
    const { rerender, changes, text } = setup({ callInfo: voiceLiveCall, status: 'live' });
    changes();
    const held = { ...voiceLiveCall, phase: 'held' as const };
    rerender(<CallInfoView callInfo={held} status="live" />);
    expect(text()).toBe('Call with 70004 on hold');
    rerender(<CallInfoView callInfo={{ ...held }} status="live" />);
    rerender(<CallInfoView callInfo={{ ...held }} status="live" freshness="stale" />);
    expect(changes()).toBe(1);
    rerender(<CallInfoView callInfo={voiceLiveCall} status="live" />);
    expect(text()).toBe('Call with 70004 resumed');
    rerender(<CallInfoView callInfo={voiceLiveCall} status="auth-expired" freshness="stale" />);
    expect(text()).toBe('Session expired. The call shown is no longer updated.');
    changes();
    rerender(<CallInfoView callInfo={{ ...voiceLiveCall }} status="auth-expired" freshness="stale" />);
    expect(changes()).toBe(0);
  });

  it('announces in the catalogue language', () => {
    const { container } = render(
      <I18nProvider locale="zh-CN" messages={zhCN}>
        <CallInfoView callInfo={videoRingingCall} status="live" />
      </I18nProvider>,
    );
    expect(announcer(container).textContent).toBe('呼入视频呼叫，来自 70004，技能：voice');
  });
});

import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CallInfoPanel } from '../../src/components';
import { I18nProvider } from '../../src/i18n';
import { zhCN } from '../../src/i18n/messages/zh-CN';
import { callInfoRequests, failure, noCallAnswers, talkingCall } from '../fixtures/wire';
import { gatewayStandIn as gateway } from '../fixtures/gatewayStandIn';
import { renderPanel } from './renderPanel';
import { advance } from '../query/renderWithClient';

const T0 = 1_764_000_000_000;




const region = () => screen.getByRole('region');
const ended = () => talkingCall({ endtime: T0 + 300_000 }, { talkEndTime: T0 + 300_000 });

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(T0 + 65_000);
});
afterEach(() => vi.useRealTimers());

describe('CallInfoPanel', () => {
  it('shows loading, then the live call', async () => {
    const { fetch } = gateway();
    renderPanel({ fetch });
    expect(region().getAttribute('data-status')).toBe('loading');
    await advance(0);
    expect(region().getAttribute('data-status')).toBe('live');
    expect(screen.getByText('+8613800138000')).toBeTruthy();
    expect(callInfoRequests(fetch)).toBe(1);
  });

  it.each([
    ['no call', noCallAnswers.resultNull, 'no-call', 'No call right now'],
    ['a last call', ended(), 'last-call', 'Last call'],
    ['not signed in (100-006)', failure('100-006'), 'signed-out', 'Signed out'],
    ['signed out (100-008)', failure('100-008'), 'signed-out', 'Signed out'],
    ['auth expired (000-003)', failure('000-003'), 'auth-expired', 'Session expired'],
    ['an invalid request (000-002)', failure('000-002'), 'error', 'The gateway refused the request as invalid.'],
  ])('maps %s to its status', async (_name, answer, status, text) => {
    const { fetch } = gateway(answer);
    renderPanel({ fetch });
    await advance(0);
    expect(region().getAttribute('data-status')).toBe(status);
    expect(screen.getByText(text)).toBeTruthy();
  });

  it('refuses an invalid agent ID without a request and shows the error', async () => {
    const { fetch } = gateway();
    renderPanel({ fetch, agentId: '12ab' });
    await advance(0);
    expect(region().getAttribute('data-status')).toBe('error');
    expect(screen.getByText('Agent ID not accepted')).toBeTruthy();
    expect(fetch).not.toHaveBeenCalled();
  });

  it('asks the host to re-authenticate', async () => {
    const onReauthenticate = vi.fn();
    const { fetch } = gateway(failure('000-003'));
    renderPanel({ fetch, onReauthenticate });
    await advance(0);
    fireEvent.click(screen.getByRole('button', { name: 'Sign in again' }));
    expect(onReauthenticate).toHaveBeenCalledTimes(1);
  });

  it('keeps the last good call, marked stale, when a poll fails, and Retry asks again', async () => {
    const { fetch, state } = gateway();
    renderPanel({ fetch });
    await advance(0);
    state.next = new TypeError('Failed to fetch');
    await advance(1000);
    expect(region().getAttribute('data-status')).toBe('live');
    expect(region().getAttribute('data-freshness')).toBe('stale');
    expect(screen.getByText('+8613800138000')).toBeTruthy();
    const updated = region().querySelector('.cip-CallInfoView-notice time')!;
    expect(updated.getAttribute('dateTime')).toBe(new Date(T0 + 65_000).toISOString());

    state.next = talkingCall();
    const calls = callInfoRequests(fetch);
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    await advance(0);
    expect(callInfoRequests(fetch)).toBe(calls + 1);
    expect(region().getAttribute('data-freshness')).toBe('fresh');
  });

  it('counts down to the next automatic retry in the stale notice, second by second', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0); // no jitter: retries after 1, 2, 4, 8 s
    const { fetch, state } = gateway();
    renderPanel({ fetch });
    await advance(0);
    const countdown = () => region().querySelector('.cip-CallInfoView-notice .cip-CallInfoView-retry')?.textContent;
    expect(countdown()).toBeUndefined();

    state.next = new TypeError('Failed to fetch');
    await advance(1000);
    // Stale at once, with the first retry a second away.
    expect(region().getAttribute('data-freshness')).toBe('stale');
    expect(countdown()).toBe('Retrying in 1 s');
    await advance(1000);
    expect(countdown()).toBe('Retrying in 2 s');
    await advance(2000);
    expect(countdown()).toBe('Retrying in 4 s');
    await advance(4000);
    expect(countdown()).toBe('Retrying in 8 s');
    await advance(1000);
    expect(countdown()).toBe('Retrying in 7 s');
    await advance(6000);
    expect(countdown()).toBe('Retrying in 1 s');

    state.next = talkingCall();
    await advance(1000);
    expect(region().getAttribute('data-freshness')).toBe('fresh');
    expect(region().querySelector('.cip-CallInfoView-retry')).toBeNull();
  });

  it('counts down to the next automatic retry in the error state, in the locale\'s words', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0);
    const { fetch } = gateway(new TypeError('Failed to fetch'));
    renderPanel({ fetch, locale: 'zh-CN', messages: zhCN });
    await advance(0);
    expect(region().getAttribute('data-status')).toBe('error');
    expect(region().querySelector('.cip-CallInfoView-hint .cip-CallInfoView-retry')?.textContent).toBe('1 秒后重试');
    await advance(1000);
    expect(region().getAttribute('data-status')).toBe('error');
    expect(region().querySelector('.cip-CallInfoView-retry')?.textContent).toBe('2 秒后重试');
  });

  it('shows no countdown once polling has stopped', async () => {
    const { fetch } = gateway(failure('000-002'));
    renderPanel({ fetch });
    await advance(0);
    expect(region().getAttribute('data-status')).toBe('error');
    expect(region().querySelector('.cip-CallInfoView-retry')).toBeNull();
  });

  it('reports call changes once per call ID', async () => {
    const onCallChange = vi.fn();
    const { fetch, state } = gateway();
    renderPanel({ fetch, onCallChange });
    await advance(0);
    expect(onCallChange).toHaveBeenCalledTimes(1);
    expect(onCallChange.mock.lastCall![0].callId).toBe('1764000000-101');
    await advance(1000);
    await advance(1000);
    expect(onCallChange).toHaveBeenCalledTimes(1);
    state.next = talkingCall({ callid: '1764000000-202' });
    await advance(1000);
    expect(onCallChange).toHaveBeenCalledTimes(2);
    expect(onCallChange.mock.lastCall![0].callId).toBe('1764000000-202');
    state.next = noCallAnswers.resultNull;
    await advance(1000);
    expect(onCallChange).toHaveBeenCalledTimes(3);
    expect(onCallChange.mock.lastCall![0]).toBeNull();
  });

  it('commits nothing on a poll that changed nothing', async () => {
    const { fetch } = gateway(ended());
    const { onRender } = renderPanel({ fetch });
    await advance(0);
    expect(region().getAttribute('data-status')).toBe('last-call');
    onRender.mockClear();
    const calls = callInfoRequests(fetch);
    await advance(1000);
    await advance(1000);
    await advance(1000);
    expect(callInfoRequests(fetch)).toBe(calls + 3);
    expect(onRender).not.toHaveBeenCalled();
  });

  it('commits nothing when only the agent login time grows, as real gateways send it', async () => {
    const gw = gateway(ended());
    const { onRender } = renderPanel({ fetch: gw.fetch });
    await advance(0);
    onRender.mockClear();
    for (let seconds = 1; seconds <= 3; seconds += 1) {
      gw.state.next = talkingCall({ endtime: T0 + 300_000, logontimes: 3600 + seconds }, { talkEndTime: T0 + 300_000 });
      await advance(1000);
    }
    expect(callInfoRequests(gw.fetch)).toBe(4);
    expect(onRender).not.toHaveBeenCalled();
  });

  it('passes language, look and sections through', async () => {
    const { fetch } = gateway();
    renderPanel({
      fetch,
      locale: 'zh-CN',
      messages: zhCN,
      colorScheme: 'auto',
      density: 'compact',
      sections: ['skill', 'parties'],
      classNames: { root: 'my-panel' },
      unstyled: true,
    });
    await advance(0);
    const root = screen.getByRole('region', { name: '呼叫信息' });
    expect(root.getAttribute('data-color-scheme')).toBe('auto');
    expect(root.getAttribute('data-density')).toBe('compact');
    expect(root.hasAttribute('data-unstyled')).toBe(true);
    expect(root.classList).toContain('my-panel');
    expect([...root.querySelectorAll('[data-section]')].map((s) => s.getAttribute('data-section'))).toEqual([
      'skill',
      'parties',
    ]);
    expect(screen.getByText('当前呼叫')).toBeTruthy();
  });

  it('never shows the Guid', async () => {
    const { fetch } = gateway(failure('000-003', 'guid-SECRET is expired'));
    const { container } = renderPanel({ fetch });
    await advance(0);
    expect(container.innerHTML).not.toContain('guid-SECRET');
  });
});

describe('CallInfoPanel languages', () => {
  it('inherits the locale and messages of an enclosing I18nProvider', async () => {
    const { fetch } = gateway();
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    render(
      <QueryClientProvider client={client}>
        <I18nProvider locale="ar" messages={zhCN}>
          <CallInfoPanel agentId="60015" guid="g" fetch={fetch} />
        </I18nProvider>
      </QueryClientProvider>,
    );
    await advance(0);
    const root = screen.getByRole('region', { name: '呼叫信息' });
    expect(root.getAttribute('dir')).toBe('rtl');
  });
});

/**
 * The connected panel under pressure (issue #10): a hung gateway, a laptop waking from sleep,
 * `onError` for the host's logs, and a live region that forgets a call once it has gone.
 */
import { screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { callInfoRequests, failure, noCallAnswers, respond, talkingCall } from '../fixtures/wire';
import { gatewayStandIn as gateway } from '../fixtures/gatewayStandIn';
import { renderPanel, PANEL_GUID } from './renderPanel';
import { advance, setDocumentVisibility } from '../query/renderWithClient';

const T0 = 1_764_000_000_000;
const GUID = PANEL_GUID;



const region = () => screen.getByRole('region');
const notice = () => document.querySelector('.cip-CallInfoView-notice');
const announcer = () => document.querySelector('.cip-CallInfoView-announcer')!;

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(T0 + 65_000);
  setDocumentVisibility('visible');
  vi.spyOn(Math, 'random').mockReturnValue(0);
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('CallInfoPanel under pressure', () => {
  it('a gateway that never answers (fetch ignoring its signal) ends in the error state, not loading forever', async () => {
    const gw = gateway('hang');
    renderPanel({ fetch: gw.fetch, timeoutMs: 3_000 });
    await advance(2_999);
    expect(region().getAttribute('data-status')).toBe('loading');
    await advance(1);
    expect(region().getAttribute('data-status')).toBe('error');
    expect(screen.getByRole('button', { name: 'Retry' })).toBeTruthy();
  });

  it('marks the call stale by age when the gateway hangs, before the request has failed', async () => {
    const gw = gateway();
    renderPanel({ fetch: gw.fetch, timeoutMs: 10_000 });
    await advance(0);
    expect(region().getAttribute('data-freshness')).toBe('fresh');
    gw.state.next = 'hang';
    // The poll at 1 s hangs; at 2 s the answer is exactly two intervals old, still fresh.
    await advance(2_000);
    expect(region().getAttribute('data-freshness')).toBe('fresh');
    await advance(1_000);
    expect(region().getAttribute('data-status')).toBe('live');
    expect(region().getAttribute('data-freshness')).toBe('stale');
    expect(notice()!.textContent).toContain('Last updated 3 seconds ago');
    await advance(2_000);
    expect(notice()!.textContent).toContain('Last updated 5 seconds ago');
    expect(callInfoRequests(gw.fetch)).toBe(2);

    // The hung request times out; the next answers, and the call is fresh again.
    gw.state.next = talkingCall();
    await advance(8_000);
    expect(region().getAttribute('data-freshness')).toBe('fresh');
    expect(notice()).toBeNull();
  });

  it('marks the call stale at once when a laptop wakes from sleep, before the first poll after it answers', async () => {
    const gw = gateway();
    gw.fetch.mockImplementation(async () => {
      // Answers take a second after the wake-up.
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      return respond(talkingCall());
    });
    renderPanel({ fetch: gw.fetch, refetchInterval: 3_000 });
    await advance(1_500);
    expect(region().getAttribute('data-freshness')).toBe('fresh');
    // Sleep: no timer runs for ten minutes, then the clock has jumped.
    vi.setSystemTime(Date.now() + 10 * 60_000);
    await advance(1_000);
    expect(region().getAttribute('data-freshness')).toBe('stale');
    expect(notice()!.textContent).toContain('Last updated 10 minutes ago');
  });

  it('costs no render while the call is fresh', async () => {
    const gw = gateway();
    const { onRender } = renderPanel({ fetch: gw.fetch, sections: ['parties'] });
    await advance(0);
    onRender.mockClear();
    await advance(30_000);
    expect(callInfoRequests(gw.fetch)).toBe(31);
    expect(onRender).not.toHaveBeenCalled();
  });

  it('does not mark by age when polling is off', async () => {
    const gw = gateway();
    renderPanel({ fetch: gw.fetch, refetchInterval: false });
    await advance(60_000);
    expect(region().getAttribute('data-freshness')).toBe('fresh');
  });

  it('calls onError once per kind of failure, without the Guid, and never hands it to the DOM', async () => {
    const onError = vi.fn();
    const gw = gateway(failure('000-001', `session ${GUID} unknown`));
    const { container } = renderPanel({ fetch: gw.fetch, onError });
    await advance(0);
    await advance(20_000);
    expect(callInfoRequests(gw.fetch)).toBeGreaterThan(3);
    expect(onError).toHaveBeenCalledTimes(1);
    const [error] = onError.mock.calls[0]!;
    expect(error.kind).toBe('gateway');
    expect(error.message).not.toContain(GUID);
    expect(container.querySelector('section')!.getAttribute('onerror')).toBeNull();
    gw.state.next = talkingCall();
    await advance(30_000);
    gw.state.next = new TypeError('Failed to fetch');
    await advance(1_000);
    expect(onError).toHaveBeenCalledTimes(2);
    expect(onError.mock.calls[1]![0].kind).toBe('network');
  });

  it('calls onError once per kind while a panel that never had an answer keeps failing', async () => {
    const onError = vi.fn();
    const gw = gateway(new TypeError('Failed to fetch'));
    renderPanel({ fetch: gw.fetch, onError });
    await advance(0);
    await advance(10_000);
    expect(callInfoRequests(gw.fetch)).toBeGreaterThan(2);
    expect(onError).toHaveBeenCalledTimes(1);
    gw.state.next = failure('000-004');
    await advance(30_000);
    expect(onError).toHaveBeenCalledTimes(2);
    expect(onError.mock.calls[1]![0].kind).toBe('switching-over');
  });

  it('empties the live region once its call has left the screen', async () => {
    const gw = gateway();
    renderPanel({ fetch: gw.fetch });
    await advance(0);
    expect(announcer().textContent).toMatch(/^Incoming/);
    gw.state.next = failure('100-006');
    await advance(1_000);
    expect(region().getAttribute('data-status')).toBe('signed-out');
    expect(announcer().textContent).toBe('');
  });

  it('empties the live region when the screen switches to a last call it does not announce', async () => {
    const gw = gateway();
    renderPanel({ fetch: gw.fetch });
    await advance(0);
    expect(announcer().textContent).toMatch(/^Incoming/);
    gw.state.next = talkingCall({ callid: '1764000000-102', endtime: T0 + 300_000 }, { talkEndTime: T0 + 300_000 });
    await advance(1_000);
    expect(region().getAttribute('data-status')).toBe('last-call');
    expect(announcer().textContent).toBe('');
  });

  it('still tells the end of a call that leaves for "no call"', async () => {
    const gw = gateway();
    renderPanel({ fetch: gw.fetch });
    await advance(0);
    gw.state.next = noCallAnswers.resultNull;
    await advance(1_000);
    expect(announcer().textContent).toMatch(/ended/);
  });
});

/**
 * Polling that holds under pressure (issue #10), through the public hook and `refreshCallInfo`:
 * a fetch that ignores its signal, a Guid a header cannot carry, a too-short interval, tab
 * switches during a backoff, and a refresh while a request is on its way.
 */
import { focusManager, onlineManager } from '@tanstack/react-query';
import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { refreshCallInfo } from '../../src/query/refreshCallInfo';
import { useCallInfo } from '../../src/query/useCallInfo';
import type { CallInfoConfig } from '../../src/query/types';
import { failure, noCallAnswers, respond, talkingCall } from '../fixtures/wire';
import { gatewayStandIn as gateway } from '../fixtures/gatewayStandIn';
import { advance, clientWrapper, createTestQueryClient, setDocumentVisibility } from './renderWithClient';

const GUID = 'guid-SECRET-1';


function renderCallInfo(config: Partial<CallInfoConfig> & { fetch: typeof globalThis.fetch }, client = createTestQueryClient()) {
  const utils = renderHook(
    (props: Partial<CallInfoConfig>) => {
      const { callInfo, error, isLoading, refresh } = useCallInfo({ agentId: '60015', guid: GUID, ...config, ...props });
      return { callInfo, error, isLoading, refresh };
    },
    { wrapper: clientWrapper(client), initialProps: {} },
  );
  return { ...utils, client };
}

beforeEach(() => {
  vi.useFakeTimers();
  setDocumentVisibility('visible');
});
afterEach(() => {
  focusManager.setFocused(undefined);
  onlineManager.setOnline(true);
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('the timeout holds whatever fetch does with the signal', () => {
  it('a fetch that never settles fails as a timeout, and polling backs off', async () => {
    const gw = gateway('hang');
    vi.spyOn(Math, 'random').mockReturnValue(0);
    const { result } = renderCallInfo({ fetch: gw.fetch, timeoutMs: 2_000 });
    await advance(1_999);
    expect(result.current.isLoading).toBe(true);
    await advance(1);
    expect(result.current.isLoading).toBe(false);
    expect(result.current.error?.kind).toBe('timeout');
    gw.state.next = talkingCall();
    await advance(1_000);
    expect(gw.fetch).toHaveBeenCalledTimes(2);
    expect(result.current.callInfo?.callId).toBe('1764000000-101');
  });
});

describe('a Guid a header cannot carry', () => {
  it.each([['CR LF', 'guid\r\nX-Evil: 1'], ['NUL', 'guid\0'], ['non-Latin-1', 'guid-中']])(
    'with %s is refused before any request, and not retried',
    async (_name, guid) => {
      const gw = gateway();
      const { result } = renderCallInfo({ fetch: gw.fetch, guid: () => guid });
      await advance(0);
      expect(result.current.error?.kind).toBe('invalid-request');
      await advance(5 * 60_000);
      expect(gw.fetch).not.toHaveBeenCalled();
    },
  );
});

describe('refetchInterval has a floor of one second', () => {
  it('raises a positive interval under 1000 ms to 1000 ms, warning once in development', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const gw = gateway();
    const { rerender } = renderCallInfo({ fetch: gw.fetch, refetchInterval: 100 });
    await advance(0);
    for (let i = 0; i < 10; i += 1) {
      rerender({});
      await advance(500);
    }
    // 0, then every second for 5 s.
    expect(gw.fetch).toHaveBeenCalledTimes(6);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]![0])).toMatch(/refetchInterval 100 ms/);
  });

  it('clamps a function-valued setting the same way', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const gw = gateway();
    renderCallInfo({ fetch: gw.fetch, refetchInterval: () => 10 });
    await advance(0);
    await advance(3_000);
    expect(gw.fetch).toHaveBeenCalledTimes(4);
  });

  it.each([false, 0] as const)('keeps %j as "polling off"', async (refetchInterval) => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const gw = gateway();
    renderCallInfo({ fetch: gw.fetch, refetchInterval });
    await advance(60_000);
    expect(gw.fetch).toHaveBeenCalledTimes(1);
    expect(warn).not.toHaveBeenCalled();
  });
});

describe('a backoff holds against focus, visibility, reconnect and mount', () => {
  async function rateLimited() {
    vi.spyOn(Math, 'random').mockReturnValue(0);
    const gw = gateway(failure('000-007'));
    const utils = renderCallInfo({ fetch: gw.fetch });
    await advance(0);
    expect(utils.result.current.error?.kind).toBe('rate-limited');
    expect(gw.fetch).toHaveBeenCalledTimes(1);
    return { gw, ...utils };
  }

  it('twenty tab switches during a 000-007 backoff send nothing before its 5 s delay', async () => {
    const { gw } = await rateLimited();
    for (let i = 0; i < 10; i += 1) {
      setDocumentVisibility('hidden');
      await advance(100);
      setDocumentVisibility('visible');
      await advance(100);
    }
    for (let i = 0; i < 10; i += 1) {
      focusManager.setFocused(false);
      await advance(50);
      focusManager.setFocused(true);
      await advance(50);
    }
    onlineManager.setOnline(false);
    await advance(100);
    onlineManager.setOnline(true);
    await advance(100);
    expect(gw.fetch).toHaveBeenCalledTimes(1);
    await advance(5_000 - 3_200 - 1);
    expect(gw.fetch).toHaveBeenCalledTimes(1);
    await advance(1);
    expect(gw.fetch).toHaveBeenCalledTimes(2);
  });

  it('a second hook mounting during the backoff sends nothing either', async () => {
    const { gw, client } = await rateLimited();
    renderCallInfo({ fetch: gw.fetch }, client);
    await advance(1_000);
    expect(gw.fetch).toHaveBeenCalledTimes(1);
  });

  it('the host\'s explicit refresh still goes at once', async () => {
    const { gw, client, result } = await rateLimited();
    gw.state.next = talkingCall();
    await advance(500);
    await act(() => refreshCallInfo(client, '60015'));
    expect(gw.fetch).toHaveBeenCalledTimes(2);
    expect(result.current.callInfo?.callId).toBe('1764000000-101');
  });

  it('the retry due while the tab was hidden goes when it shows again', async () => {
    const { gw } = await rateLimited();
    setDocumentVisibility('hidden');
    await advance(30_000);
    expect(gw.fetch).toHaveBeenCalledTimes(1);
    setDocumentVisibility('visible');
    await advance(0);
    expect(gw.fetch).toHaveBeenCalledTimes(2);
  });
});

describe('a refresh while a request is on its way sends a new one', () => {
  /** The first request hangs (ignoring its signal), the ones after answer with a call. */
  function slowFirst() {
    const gw = gateway(noCallAnswers.resultNull);
    gw.fetch.mockImplementationOnce(() => new Promise<Response>((resolve) => setTimeout(() => resolve(respond(noCallAnswers.resultNull)), 5_000)));
    gw.state.next = talkingCall();
    return gw;
  }

  it('refreshCallInfo during the first request shows the new call within one request', async () => {
    const gw = slowFirst();
    const { result, client } = renderCallInfo({ fetch: gw.fetch, refetchInterval: 60_000 });
    await advance(100);
    expect(result.current.isLoading).toBe(true);
    await act(() => refreshCallInfo(client, '60015'));
    expect(gw.fetch).toHaveBeenCalledTimes(2);
    expect(result.current.callInfo?.callId).toBe('1764000000-101');
    // The first, cancelled answer ("no call") arriving late changes nothing.
    await advance(5_000);
    expect(result.current.callInfo?.callId).toBe('1764000000-101');
  });

  it('refresh() during the first request does the same', async () => {
    const gw = slowFirst();
    const { result } = renderCallInfo({ fetch: gw.fetch, refetchInterval: 60_000 });
    await advance(100);
    await act(() => result.current.refresh());
    expect(gw.fetch).toHaveBeenCalledTimes(2);
    expect(result.current.callInfo?.callId).toBe('1764000000-101');
  });

  it('refreshCallInfo during a later poll does the same', async () => {
    const gw = gateway(noCallAnswers.resultNull);
    const { result, client } = renderCallInfo({ fetch: gw.fetch, refetchInterval: 3_000 });
    await advance(0);
    gw.state.next = 'hang';
    await advance(3_000);
    expect(gw.fetch).toHaveBeenCalledTimes(2);
    gw.state.next = talkingCall();
    await act(() => refreshCallInfo(client, '60015'));
    expect(gw.fetch).toHaveBeenCalledTimes(3);
    expect(result.current.callInfo?.callId).toBe('1764000000-101');
  });
});

describe("onError in the hook's config", () => {
  it('is called once as each kind of failure begins, again after an answer, never with the Guid', async () => {
    const onError = vi.fn();
    const gw = gateway(failure('000-001', `session ${GUID} unknown`));
    renderCallInfo({ fetch: gw.fetch, onError, refetchInterval: 1000 });
    await advance(0);
    await advance(20_000);
    // A query that never had an answer retries with its error cleared: still one call.
    expect(gw.fetch.mock.calls.length).toBeGreaterThan(3);
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError.mock.calls[0]![0].kind).toBe('gateway');
    expect(onError.mock.calls[0]![0].message).not.toContain(GUID);
    gw.state.next = new TypeError('Failed to fetch');
    await advance(30_000);
    expect(onError).toHaveBeenCalledTimes(2);
    expect(onError.mock.calls[1]![0].kind).toBe('network');
    gw.state.next = talkingCall();
    await advance(30_000);
    gw.state.next = new TypeError('Failed to fetch');
    await advance(1_000);
    expect(onError).toHaveBeenCalledTimes(3);
    expect(onError.mock.calls[2]![0].kind).toBe('network');
  });
});

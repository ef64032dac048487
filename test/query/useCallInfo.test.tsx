import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CallInfoProvider } from '../../src/query/CallInfoProvider';
import { refreshCallInfo } from '../../src/query/refreshCallInfo';
import { useCallInfo } from '../../src/query/useCallInfo';
import type { CallInfo } from '../../src/gateway/model';
import type { CallInfoConfig } from '../../src/query/types';
import { failure, noCallAnswers, respond, talkingCall } from '../fixtures/wire';
import { advance, clientWrapper, createTestQueryClient, setDocumentVisibility } from './renderWithClient';

const GUID = 'guid-SECRET-1';

/** A gateway stand-in: answers from `next` (changeable mid-test) and counts requests. */
function gateway(initial: unknown = talkingCall()) {
  const state = { next: initial as unknown | Error, status: 200 };
  const fetch = vi.fn<typeof globalThis.fetch>(async () => {
    if (state.next instanceof Error) throw state.next;
    return respond(state.next, state.status);
  });
  return { state, fetch };
}

/**
 * Renders the hook and reads every field during render, as a component does: the result's
 * fields are tracked getters, and a field first read after render would not re-render.
 */
function renderCallInfo(config: Partial<CallInfoConfig> & { fetch: typeof globalThis.fetch }, client = createTestQueryClient()) {
  const read = (props: Partial<CallInfoConfig>) => {
    const { callInfo, error, isStale, isLoading, lastUpdatedAt, nextRetryAt, refresh } = useCallInfo({ agentId: '60015', guid: GUID, ...config, ...props });
    return { callInfo, error, isStale, isLoading, lastUpdatedAt, nextRetryAt, refresh };
  };
  const utils = renderHook(read, {
    wrapper: clientWrapper(client),
    initialProps: {},
  });
  return { ...utils, client };
}

beforeEach(() => {
  vi.useFakeTimers();
  setDocumentVisibility('visible');
});
afterEach(() => {
  vi.useRealTimers();
});

describe('useCallInfo', () => {
  it('fetches at mount and then every 3 s by default', async () => {
    const { fetch } = gateway();
    const { result } = renderCallInfo({ fetch });
    await advance(0);
    expect(result.current.callInfo?.callId).toBe('1764000000-101');
    expect(fetch).toHaveBeenCalledTimes(1);
    await advance(2_999);
    expect(fetch).toHaveBeenCalledTimes(1);
    await advance(1);
    expect(fetch).toHaveBeenCalledTimes(2);
    await advance(6_000);
    expect(fetch).toHaveBeenCalledTimes(4);
  });

  it('follows a custom interval, number or function', async () => {
    const first = gateway();
    renderCallInfo({ fetch: first.fetch, refetchInterval: 10_000 });
    const second = gateway(noCallAnswers.resultNull);
    renderCallInfo({ fetch: second.fetch, refetchInterval: ({ callInfo }) => (callInfo === null ? 1_000 : 5_000) });
    await advance(10_000);
    expect(first.fetch).toHaveBeenCalledTimes(2);
    expect(second.fetch).toHaveBeenCalledTimes(11);
  });

  it('reports "no call" as null, not as an error', async () => {
    const { fetch } = gateway(noCallAnswers.resultEmpty);
    const { result } = renderCallInfo({ fetch });
    expect(result.current.isLoading).toBe(true);
    expect(result.current.callInfo).toBeUndefined();
    await advance(0);
    expect(result.current.callInfo).toBeNull();
    expect(result.current.error).toBeNull();
    expect(result.current.isLoading).toBe(false);
  });

  it('sends no request while the document is hidden, and asks at once when it shows again', async () => {
    const { fetch } = gateway();
    renderCallInfo({ fetch });
    await advance(0);
    expect(fetch).toHaveBeenCalledTimes(1);
    setDocumentVisibility('hidden');
    await advance(60_000);
    expect(fetch).toHaveBeenCalledTimes(1);
    setDocumentVisibility('visible');
    await advance(0);
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('keeps the last good call, marked stale, when a poll fails', async () => {
    const gw = gateway();
    const { result } = renderCallInfo({ fetch: gw.fetch });
    await advance(0);
    const updatedAt = result.current.lastUpdatedAt;
    expect(updatedAt).toBe(Date.now());
    gw.state.next = '<html>502 Bad Gateway</html>';
    gw.state.status = 502;
    await advance(3_000);
    expect(result.current.error?.kind).toBe('http');
    expect(result.current.isStale).toBe(true);
    expect(result.current.callInfo?.callId).toBe('1764000000-101');
    expect(result.current.lastUpdatedAt).toBe(updatedAt);
  });

  it.each([
    ['100-006', 'not-signed-in'],
    ['100-008', 'not-signed-in'],
    ['000-003', 'auth-expired'],
    ['000-002', 'invalid-request'],
  ])('stops polling after retcode %s (%s) until refresh() is called', async (retcode, kind) => {
    const gw = gateway(failure(retcode));
    const { result } = renderCallInfo({ fetch: gw.fetch });
    await advance(0);
    expect(result.current.error?.kind).toBe(kind);
    setDocumentVisibility('hidden');
    setDocumentVisibility('visible');
    await advance(10 * 60_000);
    expect(gw.fetch).toHaveBeenCalledTimes(1);

    gw.state.next = talkingCall();
    await act(() => result.current.refresh());
    await advance(0);
    expect(gw.fetch).toHaveBeenCalledTimes(2);
    expect(result.current.error).toBeNull();
    expect(result.current.callInfo?.callId).toBe('1764000000-101');
    await advance(3_000);
    expect(gw.fetch).toHaveBeenCalledTimes(3);
  });

  it('refuses an invalid agent ID without sending any request, and stays stopped', async () => {
    const { fetch } = gateway();
    const { result } = renderCallInfo({ fetch, agentId: '../1' });
    await advance(60_000);
    expect(result.current.error?.kind).toBe('invalid-agent-id');
    expect(fetch).not.toHaveBeenCalled();
  });

  it('resumes with a new config: another agent is a new query', async () => {
    const gw = gateway(failure('100-006'));
    const { result, rerender } = renderCallInfo({ fetch: gw.fetch });
    await advance(0);
    gw.state.next = talkingCall();
    rerender({ agentId: '60016' });
    await advance(0);
    expect(gw.fetch).toHaveBeenCalledTimes(2);
    expect(String(gw.fetch.mock.calls[1]![0])).toContain('/calldata/60016/');
    expect(result.current.callInfo?.callId).toBe('1764000000-101');
  });

  it('asks again when the host hands over a new Guid string after auth-expired', async () => {
    const gw = gateway(failure('000-003'));
    const { result, rerender } = renderCallInfo({ fetch: gw.fetch });
    await advance(30_000);
    expect(gw.fetch).toHaveBeenCalledTimes(1);
    gw.state.next = talkingCall();
    rerender({ guid: 'guid-SECRET-2' });
    await advance(0);
    expect(gw.fetch).toHaveBeenCalledTimes(2);
    expect((gw.fetch.mock.calls[1]![1]?.headers as Record<string, string>).Guid).toBe('guid-SECRET-2');
    expect(result.current.error).toBeNull();
  });

  it('reads a Guid function at every poll (dynamic authentication)', async () => {
    const gw = gateway();
    let n = 0;
    renderCallInfo({ fetch: gw.fetch, guid: () => `guid-${++n}` });
    await advance(6_000);
    const sent = gw.fetch.mock.calls.map(([, init]) => (init?.headers as Record<string, string>).Guid);
    expect(sent).toEqual(['guid-1', 'guid-2', 'guid-3']);
    expect(gw.fetch.mock.calls.every(([url]) => !String(url).includes('guid-'))).toBe(true);
  });

  it('backs off retryable failures from 1 s up to 30 s, and resumes the cadence on success', async () => {
    const gw = gateway(new TypeError('Failed to fetch'));
    vi.spyOn(Math, 'random').mockReturnValue(1 - 1e-9);
    const times: number[] = [];
    gw.fetch.mockImplementation(async () => {
      times.push(Date.now());
      if (gw.state.next instanceof Error) throw gw.state.next;
      return respond(gw.state.next);
    });
    renderCallInfo({ fetch: gw.fetch });
    await advance(5 * 60_000);
    const gaps = times.slice(1).map((t, i) => t - times[i]!);
    expect(gaps.slice(0, 6)).toEqual([2_000, 4_000, 8_000, 16_000, 30_000, 30_000]);
    expect(Math.max(...gaps)).toBe(30_000);
    // A one-minute outage costs a handful of requests, not twenty.
    expect(times.filter((t) => t - times[0]! < 60_000).length).toBeLessThanOrEqual(6);

    gw.state.next = talkingCall();
    await advance(30_000);
    const count = gw.fetch.mock.calls.length;
    await advance(9_000);
    expect(gw.fetch.mock.calls.length - count).toBe(3);
  });

  it('never retries faster than once a second, whatever the jitter', async () => {
    const gw = gateway(failure('000-004'));
    vi.spyOn(Math, 'random').mockReturnValue(0);
    renderCallInfo({ fetch: gw.fetch });
    await advance(10_000);
    // 0, then after 1, 2, 4 s: at 1 s, 3 s and 7 s.
    expect(gw.fetch).toHaveBeenCalledTimes(4);
  });

  it('keeps its retry time when the host re-renders the panel more often than the backoff', async () => {
    const gw = gateway(talkingCall());
    const { rerender } = renderCallInfo({ fetch: gw.fetch });
    await advance(0);
    gw.state.next = failure('100-007');
    await advance(3_000);
    expect(gw.fetch).toHaveBeenCalledTimes(2);
    gw.state.next = talkingCall();
    // A busy host desktop re-renders every 200 ms; the retry (1-2 s) must still happen.
    for (let i = 0; i < 10; i += 1) {
      rerender({});
      await advance(200);
    }
    expect(gw.fetch).toHaveBeenCalledTimes(3);
  });

  it('says when the next retry goes, and it goes then, however often the host re-renders', async () => {
    const gw = gateway();
    vi.spyOn(Math, 'random').mockReturnValue(0.5);
    const { result, rerender } = renderCallInfo({ fetch: gw.fetch });
    await advance(0);
    expect(result.current.nextRetryAt).toBeNull();

    gw.state.next = new TypeError('Failed to fetch');
    await advance(3_000);
    // The first failure's backoff: 1 s, jittered by half.
    expect(result.current.nextRetryAt).toBe(Date.now() + 1_500);
    const due = result.current.nextRetryAt!;
    for (let i = 0; i < 7; i += 1) {
      rerender({});
      await advance(200);
    }
    expect(result.current.nextRetryAt).toBe(due);
    expect(gw.fetch).toHaveBeenCalledTimes(2);
    await advance(due - Date.now() - 1);
    expect(gw.fetch).toHaveBeenCalledTimes(2);
    await advance(1);
    expect(gw.fetch).toHaveBeenCalledTimes(3);
    // The second failure, at once: 2 s, jittered by half.
    expect(result.current.nextRetryAt).toBe(Date.now() + 3_000);

    gw.state.next = talkingCall();
    await advance(3_000);
    expect(gw.fetch).toHaveBeenCalledTimes(4);
    expect(result.current.error).toBeNull();
    expect(result.current.nextRetryAt).toBeNull();
  });

  it('says no retry is due once polling has stopped', async () => {
    const gw = gateway(failure('100-006'));
    const { result } = renderCallInfo({ fetch: gw.fetch });
    await advance(0);
    expect(result.current.error?.kind).toBe('not-signed-in');
    expect(result.current.nextRetryAt).toBeNull();
  });

  it('backs off longer when the gateway says it is called too often (000-007)', async () => {
    const gw = gateway(failure('000-007'));
    vi.spyOn(Math, 'random').mockReturnValue(0);
    renderCallInfo({ fetch: gw.fetch });
    await advance(4_999);
    expect(gw.fetch).toHaveBeenCalledTimes(1);
    await advance(1);
    expect(gw.fetch).toHaveBeenCalledTimes(2);
  });

  it('shares one request between several hooks for the same agent', async () => {
    const gw = gateway();
    const client = createTestQueryClient();
    renderCallInfo({ fetch: gw.fetch }, client);
    renderCallInfo({ fetch: gw.fetch }, client);
    renderCallInfo({ fetch: gw.fetch }, client);
    await advance(0);
    expect(gw.fetch).toHaveBeenCalledTimes(1);
    await advance(30_000);
    expect(gw.fetch).toHaveBeenCalledTimes(11);
  });

  it('shows a new call within one request after refreshCallInfo, not one interval', async () => {
    const gw = gateway(noCallAnswers.resultNull);
    const { result, client } = renderCallInfo({ fetch: gw.fetch, refetchInterval: 60_000 });
    await advance(0);
    expect(result.current.callInfo).toBeNull();
    gw.state.next = talkingCall();
    await act(() => refreshCallInfo(client, '60015'));
    await advance(0);
    expect(gw.fetch).toHaveBeenCalledTimes(2);
    expect(result.current.callInfo?.callId).toBe('1764000000-101');
  });

  it('keeps the same call object when a poll returns the same call, so nothing re-renders', async () => {
    const gw = gateway();
    let renders = 0;
    const client = createTestQueryClient();
    const { result } = renderHook(
      () => {
        renders += 1;
        const { callInfo, isStale, error, nextRetryAt } = useCallInfo({ agentId: '60015', guid: GUID, fetch: gw.fetch });
        return { callInfo, isStale, error, nextRetryAt };
      },
      { wrapper: clientWrapper(client) },
    );
    await advance(0);
    const first = result.current.callInfo;
    expect(first?.callId).toBe('1764000000-101');
    const rendersAfterFirstAnswer = renders;
    await advance(30_000);
    expect(gw.fetch).toHaveBeenCalledTimes(11);
    expect(result.current.callInfo).toBe(first);
    expect(renders).toBe(rendersAfterFirstAnswer);

    gw.state.next = talkingCall({ callid: '1764000000-102' });
    await advance(3_000);
    expect(result.current.callInfo?.callId).toBe('1764000000-102');
    expect(renders).toBe(rendersAfterFirstAnswer + 1);
  });

  it('re-renders for a select result only when the selection changes', async () => {
    const gw = gateway(talkingCall({ logontimes: 1 }));
    let renders = 0;
    const dropLogon = (call: CallInfo): CallInfo => ({ ...call, logonSeconds: null });
    const { result } = renderHook(
      () => {
        renders += 1;
        return useCallInfo({ agentId: '60015', guid: GUID, fetch: gw.fetch, select: dropLogon }).callInfo;
      },
      { wrapper: clientWrapper(createTestQueryClient()) },
    );
    await advance(0);
    expect(result.current?.logonSeconds).toBeNull();
    const settled = renders;
    gw.state.next = talkingCall({ logontimes: 4 });
    await advance(3_000);
    expect(gw.fetch).toHaveBeenCalledTimes(2);
    expect(renders).toBe(settled);
    gw.state.next = talkingCall({ logontimes: 7, caller: '70004' });
    await advance(3_000);
    expect(result.current?.caller).toBe('70004');
  });

  it('takes baseUrl, guid and fetch from CallInfoProvider, props overriding', async () => {
    const gw = gateway();
    const client = createTestQueryClient();
    const Query = clientWrapper(client);
    const { result } = renderHook(() => useCallInfo({ agentId: '60015' }).callInfo, {
      wrapper: ({ children }) => (
        <Query>
          <CallInfoProvider baseUrl="/cc" guid={GUID} fetch={gw.fetch}>
            {children}
          </CallInfoProvider>
        </Query>
      ),
    });
    await advance(0);
    expect(result.current?.callId).toBe('1764000000-101');
    expect(gw.fetch.mock.calls[0]![0]).toBe('/cc/agentgateway/resource/calldata/60015/callinfo');
  });

  it('learns the gateway\'s clock from its Date headers, once per QueryClient and gateway, and re-renders only when it moves', async () => {
    const behind = 2 * 60 * 60 * 1_000;
    const fetch = vi.fn<typeof globalThis.fetch>(async () => {
      const answer = respond(talkingCall());
      answer.headers.set('Date', new Date(Date.now() - behind).toUTCString());
      return answer;
    });
    const client = createTestQueryClient();
    let renders = 0;
    const offsets = () => {
      renders++;
      return [useCallInfo({ agentId: '60015', guid: GUID, fetch }).clockOffset, useCallInfo({ agentId: '60016', guid: GUID, fetch }).clockOffset];
    };
    const { result } = renderHook(offsets, { wrapper: clientWrapper(client) });
    expect(result.current).toEqual([0, 0]);
    await advance(0);
    // Two agents on one gateway: one clock. Within the Date header's second of the truth.
    const [first, second] = result.current;
    expect(first).toBe(second);
    expect(Math.abs(first! + behind)).toBeLessThanOrEqual(1_000);
    // Polls at the same fraction of a second tell nothing new: no renders for the clock.
    const settled = renders;
    await advance(30_000);
    expect(renders).toBe(settled);

    // Another QueryClient (another app on the page) has its own estimate, 0 until its answers.
    const other = renderHook(() => useCallInfo({ agentId: '60015', guid: GUID, fetch: gateway().fetch }).clockOffset, {
      wrapper: clientWrapper(createTestQueryClient()),
    });
    await advance(0);
    expect(other.result.current).toBe(0);
  });

  it('says what to do when there is no QueryClientProvider', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => renderHook(() => useCallInfo({ agentId: '60015', guid: GUID }))).toThrow(/QueryClientProvider/);
  });
});

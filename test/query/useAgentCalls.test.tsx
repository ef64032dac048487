/**
 * `useAgentCalls` (issue 12): every call of the agent from three interfaces, at the gateway cost
 * the issue allows, with `useCallInfo`'s session lifecycle.
 */
import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { GuidSource } from '../../src/gateway/requestGateway';
import type { AgentCallsConfig } from '../../src/query/types';
import { useAgentCalls } from '../../src/query/useAgentCalls';
import { failure, respond, talkingCall } from '../fixtures/wire';
import { advance, clientWrapper, createTestQueryClient, setDocumentVisibility } from './renderWithClient';

const T0 = 1_764_000_000_000;
const CUSTOMER = '1764000000-101';
const CONSULT = '1764000030-102';
const THIRD = '1764000060-103';

/** A call as `callinfobycallid` sends it: fields 3.1-3.13, no trace. */
function byId(callid: string, overrides: Record<string, unknown> = {}) {
  const { trace: _trace, ...fields } = talkingCall({ callid, ...overrides }).result as Record<string, unknown>;
  return { retcode: '0', message: '', result: fields };
}

/** A gateway with several interfaces: each path answers from `state`, and every request is counted by interface. */
function agentGateway() {
  const state = {
    current: talkingCall() as unknown,
    ids: [CUSTOMER] as unknown,
    byId: {} as Record<string, unknown>,
    /** The Guid the gateway accepts, and the one the host's session hands out. */
    valid: 'guid-1',
    guid: 'guid-1',
  };
  const fetch = vi.fn<typeof globalThis.fetch>(async (url, init) => {
    if ((init?.headers as Record<string, string>).Guid !== state.valid) return respond(failure('000-003'));
    const path = String(url);
    if (path.endsWith('/callinfo')) return respond(state.current);
    if (path.endsWith('/allcallid')) return respond({ retcode: '0', message: '', result: state.ids });
    const id = decodeURIComponent(path.slice(path.lastIndexOf('/') + 1));
    return respond(state.byId[id] ?? { retcode: '0', message: '', result: null });
  });
  const count = (name: string) => fetch.mock.calls.filter(([url]) => new RegExp(`/calldata/\\d+/${name}(/|$)`).test(String(url))).length;
  return { state, fetch, count };
}

/** The customer held while the agent consults a colleague: the consultation is the current call. */
function consulting(gw: ReturnType<typeof agentGateway>) {
  gw.state.current = talkingCall({ callid: CONSULT, callfeature: 51, caller: '60015', called: '2006', begintime: T0 + 30_000 });
  gw.state.ids = [CUSTOMER, CONSULT];
  gw.state.byId[CUSTOMER] = byId(CUSTOMER);
}

function renderAgentCalls(gw: ReturnType<typeof agentGateway>, config: Partial<AgentCallsConfig> = {}) {
  const client = createTestQueryClient();
  let renders = 0;
  const utils = renderHook(
    (props: { guid: GuidSource }) => {
      renders++;
      const { calls, currentCallId } = useAgentCalls({ agentId: '60015', guid: props.guid, fetch: gw.fetch, refetchInterval: 3_000, ...config });
      return { calls, currentCallId };
    },
    { wrapper: clientWrapper(client), initialProps: { guid: () => gw.state.guid } },
  );
  return { ...utils, client, renders: () => renders };
}

beforeEach(() => {
  vi.useFakeTimers();
  setDocumentVisibility('visible');
});
afterEach(() => vi.useRealTimers());

describe('useAgentCalls', () => {
  it('with one call, asks allcallid at most once per three intervals beside the poll', async () => {
    const gw = agentGateway();
    const { result } = renderAgentCalls(gw);
    await advance(0);
    expect(result.current.calls.map((c) => c.callId)).toEqual([CUSTOMER]);
    gw.fetch.mockClear();
    await advance(36_000); // twelve intervals
    expect(gw.count('callinfo')).toBe(12);
    expect(gw.count('allcallid')).toBe(4);
    expect(gw.count('callinfobycallid')).toBe(0);
  });

  it('with no call, the same: one request more per three intervals', async () => {
    const gw = agentGateway();
    gw.state.current = { retcode: '0', message: '', result: null };
    gw.state.ids = [];
    const { result } = renderAgentCalls(gw);
    await advance(0);
    expect(result.current).toEqual({ calls: [], currentCallId: null });
    gw.fetch.mockClear();
    await advance(36_000);
    expect(gw.fetch).toHaveBeenCalledTimes(12 + 4);
  });

  it('with no current call, shows no other: a list answered ahead of the current call names the new call itself', async () => {
    const gw = agentGateway();
    // A refresh asks both at once; the list already has the new call, the current call not yet.
    gw.state.current = { retcode: '0', message: '', result: null };
    gw.state.ids = [CUSTOMER];
    gw.state.byId[CUSTOMER] = byId(CUSTOMER);
    const { result } = renderAgentCalls(gw);
    await advance(0);
    expect(result.current.calls).toEqual([]);
    expect(gw.count('callinfobycallid')).toBe(0);
  });

  it('in a consultation, shows both calls in the order they began: the customer held, without a trace', async () => {
    const gw = agentGateway();
    consulting(gw);
    const { result } = renderAgentCalls(gw);
    await advance(0);
    await advance(0);
    const [customer, consult] = result.current.calls;
    expect(result.current.currentCallId).toBe(CONSULT);
    expect(customer).toMatchObject({ callId: CUSTOMER, phase: 'held', trace: null, beginTime: T0 });
    expect(consult).toMatchObject({ callId: CONSULT, phase: 'talking' });
    expect(consult!.trace).not.toBeNull();
  });

  it.each([
    [2, [CUSTOMER, CONSULT]],
    [3, [CUSTOMER, CONSULT, THIRD]],
  ])('with %i calls, costs at most 1 + N requests per interval', async (n, ids) => {
    const gw = agentGateway();
    consulting(gw);
    gw.state.ids = ids;
    gw.state.byId[THIRD] = byId(THIRD, { begintime: T0 + 60_000 });
    const { result } = renderAgentCalls(gw);
    await advance(0);
    await advance(0);
    expect(result.current.calls).toHaveLength(n);
    gw.fetch.mockClear();
    await advance(30_000);
    expect(gw.fetch.mock.calls.length).toBeLessThanOrEqual(10 * (1 + n));
    expect(gw.count('callinfo')).toBe(10);
    expect(gw.count('allcallid')).toBe(10);
    expect(gw.count('callinfobycallid')).toBe(10 * (n - 1));
  });

  it('renders nothing for polls whose answers did not change, and keeps the same array', async () => {
    const gw = agentGateway();
    consulting(gw);
    const { result, renders } = renderAgentCalls(gw);
    await advance(0);
    await advance(0);
    const before = result.current.calls;
    const count = renders();
    await advance(15_000);
    expect(renders()).toBe(count);
    expect(result.current.calls).toBe(before);
  });

  it('asks allcallid at once when the current call changes, so a held customer is not lost for three intervals', async () => {
    const gw = agentGateway();
    const { result } = renderAgentCalls(gw);
    await advance(0);
    await advance(3_000); // one poll after the sparse allcallid: its next is 6 s away
    consulting(gw);
    const asked = gw.count('allcallid');
    await advance(3_000); // the poll that shows the consultation
    await advance(0);
    await advance(0);
    expect(gw.count('allcallid')).toBe(asked + 1);
    expect(result.current.calls.map((c) => [c.callId, c.phase])).toEqual([
      [CUSTOMER, 'held'],
      [CONSULT, 'talking'],
    ]);
  });

  it('reads another call as ended when its own answer says so', async () => {
    const gw = agentGateway();
    consulting(gw);
    gw.state.byId[CUSTOMER] = byId(CUSTOMER, { endtime: T0 + 40_000 });
    const { result } = renderAgentCalls(gw);
    await advance(0);
    await advance(0);
    expect(result.current.calls[0]).toMatchObject({ callId: CUSTOMER, phase: 'ended' });
  });

  it('puts calls without a begin time after the others, in the gateway\'s order', async () => {
    const gw = agentGateway();
    consulting(gw);
    gw.state.ids = [THIRD, CUSTOMER, CONSULT];
    gw.state.byId[THIRD] = byId(THIRD, { begintime: null });
    gw.state.byId[CUSTOMER] = byId(CUSTOMER, { begintime: null });
    const { result } = renderAgentCalls(gw);
    await advance(0);
    await advance(0);
    expect(result.current.calls.map((c) => c.callId)).toEqual([CONSULT, THIRD, CUSTOMER]);
  });

  it('never shows an answer about another call as the one asked for', async () => {
    const gw = agentGateway();
    consulting(gw);
    gw.state.byId[CUSTOMER] = byId(CONSULT); // a confused gateway
    const client = createTestQueryClient();
    const { result } = renderHook(() => useAgentCalls({ agentId: '60015', guid: 'guid-1', fetch: gw.fetch }), { wrapper: clientWrapper(client) });
    await advance(0);
    await advance(0);
    expect(result.current.calls.map((c) => c.callId)).toEqual([CONSULT]);
    expect(result.current.error).toMatchObject({ kind: 'bad-response' });
  });

  it('follows the session: signed out, the other interfaces send nothing; a new Guid resumes them all', async () => {
    const gw = agentGateway();
    consulting(gw);
    const { result } = renderAgentCalls(gw, { refetchInterval: 1_000 });
    await advance(0);
    await advance(0);
    expect(result.current.calls).toHaveLength(2);
    gw.state.valid = 'guid-2'; // the session expired: the old Guid fails everywhere
    await advance(1_000);
    await advance(0);
    gw.fetch.mockClear();
    await advance(10_000);
    // Stopped: the Guid source is re-read each interval, but it still yields the one that failed.
    expect(gw.fetch).not.toHaveBeenCalled();
    gw.state.guid = 'guid-2'; // the host signed in again
    await advance(1_000); // the re-read finds it and asks at once; the others follow within an interval
    await advance(1_000);
    expect(gw.count('allcallid')).toBeGreaterThan(0);
    expect(gw.count('callinfobycallid')).toBeGreaterThan(0);
    expect(result.current.calls.map((c) => c.callId)).toEqual([CUSTOMER, CONSULT]);
  });

  it('sends the other interfaces nothing while the current call\'s requests fail, and resumes them with it', async () => {
    const gw = agentGateway();
    consulting(gw);
    const { result } = renderAgentCalls(gw);
    await advance(0);
    await advance(0);
    const down = vi.fn<typeof globalThis.fetch>(async () => {
      throw new TypeError('fetch failed');
    });
    const working = gw.fetch.getMockImplementation()!;
    gw.fetch.mockImplementation(down);
    await advance(3_000); // the poll that fails
    const sent = gw.fetch.mock.calls.length;
    await advance(60_000);
    const during = gw.fetch.mock.calls.slice(sent).map(([url]) => String(url).split('/').slice(-1)[0]);
    expect(during.length).toBeGreaterThan(0);
    expect(during.every((resource) => resource === 'callinfo')).toBe(true);
    gw.fetch.mockImplementation(working);
    await advance(30_000);
    expect(gw.count('callinfobycallid')).toBeGreaterThan(0);
    expect(result.current.calls.map((c) => c.callId)).toEqual([CUSTOMER, CONSULT]);
  });

  it('asks a gateway without allcallid (HTTP 404) for the current call alone from then on, with no error', async () => {
    const gw = agentGateway();
    const routed = gw.fetch.getMockImplementation()!;
    gw.fetch.mockImplementation(async (url, init) =>
      String(url).endsWith('/allcallid') ? respond('<html><body>404 Not Found</body></html>', 404) : routed(url, init),
    );
    const client = createTestQueryClient();
    const { result } = renderHook(() => useAgentCalls({ agentId: '60015', guid: 'guid-1', fetch: gw.fetch }), { wrapper: clientWrapper(client) });
    await advance(0);
    await advance(0);
    expect(gw.count('allcallid')).toBe(1);
    await advance(60_000);
    expect(gw.count('allcallid')).toBe(1);
    expect(gw.count('callinfo')).toBe(21);
    expect(result.current.calls.map((c) => c.callId)).toEqual([CUSTOMER]);
    expect(result.current.error).toBeNull();
    expect(result.current.isStale).toBe(false);
  });

  it('keeps asking allcallid after a passing HTTP failure (502), backing off', async () => {
    const gw = agentGateway();
    const routed = gw.fetch.getMockImplementation()!;
    let failing = true;
    gw.fetch.mockImplementation(async (url, init) =>
      failing && String(url).endsWith('/allcallid') ? respond('<html>502</html>', 502) : routed(url, init),
    );
    const client = createTestQueryClient();
    const { result } = renderHook(() => useAgentCalls({ agentId: '60015', guid: 'guid-1', fetch: gw.fetch }), { wrapper: clientWrapper(client) });
    await advance(0);
    expect(result.current.error).toMatchObject({ kind: 'http', status: 502 });
    failing = false;
    consulting(gw);
    await advance(40_000);
    expect(result.current.calls.map((c) => c.callId)).toEqual([CUSTOMER, CONSULT]);
  });

  it('asks "query call information" alone with allCalls: false', async () => {
    const gw = agentGateway();
    consulting(gw);
    const { result } = renderAgentCalls(gw, { allCalls: false });
    await advance(9_000);
    expect(gw.count('allcallid') + gw.count('callinfobycallid')).toBe(0);
    expect(result.current.calls.map((c) => c.callId)).toEqual([CONSULT]);
  });

  it('marks the calls stale when another interface fails after answering, and refresh asks every interface', async () => {
    const gw = agentGateway();
    consulting(gw);
    const client = createTestQueryClient();
    const { result } = renderHook(() => useAgentCalls({ agentId: '60015', guid: 'guid-1', fetch: gw.fetch }), { wrapper: clientWrapper(client) });
    await advance(0);
    await advance(0);
    expect(result.current.isStale).toBe(false);
    gw.state.byId[CUSTOMER] = failure('100-007');
    await advance(3_000);
    expect(result.current.isStale).toBe(true);
    expect(result.current.error).toMatchObject({ kind: 'gateway', retcode: '100-007' });
    expect(result.current.calls.map((c) => c.callId)).toEqual([CUSTOMER, CONSULT]);
    gw.state.byId[CUSTOMER] = byId(CUSTOMER);
    gw.fetch.mockClear();
    await act(() => result.current.refresh());
    expect([gw.count('callinfo'), gw.count('allcallid'), gw.count('callinfobycallid')]).toEqual([1, 1, 1]);
    expect(result.current.isStale).toBe(false);
  });
});

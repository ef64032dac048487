/**
 * One poll per agent across tabs (issue 13): two QueryClients stand for two tabs of one origin,
 * with a fake `navigator.locks` (exclusive, queueing, `steal`, released as the callback settles)
 * and the real BroadcastChannel. Real timers: channel messages travel on the event loop.
 */
import { act, renderHook, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { refreshCallInfo } from '../../src/query/refreshCallInfo';
import type { AgentCallsConfig, CallInfoConfig } from '../../src/query/types';
import { useCallInfo } from '../../src/query/useCallInfo';
import { useAgentCalls } from '../../src/query/useAgentCalls';
import { callInfoRequests, failure, isCallInfoUrl, respond, siblingAnswer, talkingCall } from '../fixtures/wire';
import { clientWrapper, createTestQueryClient, setDocumentVisibility } from './renderWithClient';

const INTERVAL = 1_000;
const GUID = 'guid-secret-7f3a';
const WAIT = { timeout: 4_000, interval: 20 } as const;

/** Web Locks as the spec has them, for one name at a time: exclusive, FIFO, `steal`, `signal`. */
function fakeLocks() {
  type Holder = { reject: (error: unknown) => void };
  const holders = new Map<string, Holder>();
  const queues = new Map<string, Array<() => void>>();
  const next = (name: string) => queues.get(name)?.shift()?.();
  return {
    holders,
    async query() {
      return {
        held: [...holders.keys()].map((name) => ({ name, mode: 'exclusive' })),
        pending: [...queues].flatMap(([name, queue]) => queue.map(() => ({ name, mode: 'exclusive' }))),
      };
    },
    request(name: string, options: { steal?: boolean; signal?: AbortSignal }, callback: (lock: unknown) => unknown) {
      return new Promise((resolve, reject) => {
        const run = () => {
          const holder: Holder = { reject };
          holders.set(name, holder);
          const settle = () => {
            if (holders.get(name) !== holder) return;
            holders.delete(name);
            next(name);
          };
          Promise.resolve()
            .then(() => callback({ name, mode: 'exclusive' }))
            .then(
              (value) => (settle(), resolve(value)),
              (error) => (settle(), reject(error)),
            );
        };
        if (options.steal) {
          holders.get(name)?.reject(new DOMException('The lock was stolen.', 'AbortError'));
          holders.delete(name);
          run();
        } else if (!holders.has(name)) run();
        else {
          const queue = queues.get(name) ?? [];
          queues.set(name, queue);
          queue.push(run);
          options.signal?.addEventListener('abort', () => {
            const at = queue.indexOf(run);
            if (at >= 0) queue.splice(at, 1), reject(new DOMException('Aborted.', 'AbortError'));
          });
        }
      });
    },
  };
}

/** The Guid a request sent. */
const guidOf = (init?: RequestInit) => (init?.headers as Record<string, string> | undefined)?.Guid ?? '';

/** `answer` for "query call information", and what one gateway answers beside it for the others. */
const withSiblings = (answer: unknown, url: string) => (isCallInfoUrl(url) ? answer : siblingAnswer(answer, url));

/**
 * A tab's own connection to a gateway that answers `answerFor(url, guid)`: its requests are
 * counted apart from the other tabs'. Tabs given one gateway are shown the same whichever leads.
 */
function connection(answerFor: (url: string, guid: string) => unknown) {
  return { fetch: vi.fn<typeof globalThis.fetch>(async (url, init) => respond(answerFor(String(url), guidOf(init)))) };
}
type Connection = ReturnType<typeof connection>;

/** A connection to a gateway answering `state.answer`; tabs given one `state` ask one gateway. */
function gateway(state: { answer: unknown } = { answer: talkingCall() }) {
  return { state, ...connection((url) => withSiblings(state.answer, url)) };
}

/** The channels each tab opened, in order, to silence one (a frozen tab). */
const channels: BroadcastChannel[] = [];
const RealChannel = globalThis.BroadcastChannel;
class RecordedChannel extends RealChannel {
  constructor(name: string) {
    super(name);
    channels.push(this);
  }
}

function openTab<G extends Connection>(gw: G, config: Partial<CallInfoConfig> = {}) {
  const client = createTestQueryClient();
  const tab = renderHook(() => useCallInfo({ agentId: '60015', guid: GUID, fetch: gw.fetch, refetchInterval: INTERVAL, ...config }), {
    wrapper: clientWrapper(client),
  });
  return { ...tab, client, gw };
}

const sleep = (ms: number) => act(() => new Promise<void>((resolve) => setTimeout(resolve, ms)));

let locks: ReturnType<typeof fakeLocks>;
const opened: Array<{ unmount(): void }> = [];
function tab<G extends Connection>(gw: G, config?: Partial<CallInfoConfig>) {
  const t = openTab(gw, config);
  opened.push(t);
  return t;
}

/** A tab showing every call of the agent (`useAgentCalls`). */
function agentCallsTab<G extends Connection>(gw: G, config: Partial<AgentCallsConfig> = {}) {
  const t = renderHook(() => useAgentCalls({ agentId: '60015', guid: GUID, fetch: gw.fetch, refetchInterval: INTERVAL, ...config }), {
    wrapper: clientWrapper(createTestQueryClient()),
  });
  opened.push(t);
  return { ...t, gw };
}

/** Two tabs showing the call: `a` leads (it came first), `b` follows; `oneGateway`: both ask `a`'s. */
async function twoTabs({ oneGateway = false } = {}) {
  const a = tab(gateway());
  await waitFor(() => expect(a.result.current.callInfo).toBeTruthy(), WAIT);
  const b = tab(oneGateway ? gateway(a.gw.state) : gateway());
  await waitFor(() => expect(b.result.current.callInfo).toBeTruthy(), WAIT);
  return { a, b };
}

beforeEach(() => {
  setDocumentVisibility('visible');
  locks = fakeLocks();
  Object.defineProperty(navigator, 'locks', { configurable: true, value: locks });
  globalThis.BroadcastChannel = RecordedChannel;
  channels.length = 0;
});
afterEach(async () => {
  opened.splice(0).forEach((t) => t.unmount());
  await sleep(10); // the coordinators' deferred disposal
  delete (navigator as { locks?: unknown }).locks;
  globalThis.BroadcastChannel = RealChannel;
  setDocumentVisibility('visible');
});

describe('one poll per agent across tabs', () => {
  it('only the leader asks; the follower shows its call, and its error kind', async () => {
    const a = tab(gateway());
    await waitFor(() => expect(a.result.current.callInfo?.callId).toBeTruthy(), WAIT);
    const b = tab(gateway());
    // The follower asks for the leader's state on joining: no wait for the next poll.
    await waitFor(() => expect(b.result.current.callInfo).toEqual(a.result.current.callInfo), WAIT);
    await sleep(2.5 * INTERVAL);
    expect(callInfoRequests(b.gw.fetch)).toBe(0);
    expect(callInfoRequests(a.gw.fetch)).toBeGreaterThanOrEqual(2);
    expect(b.result.current.isLoading).toBe(false);

    a.gw.state.answer = failure('000-003');
    await waitFor(() => expect(a.result.current.error?.kind).toBe('auth-expired'), WAIT);
    await waitFor(() => expect(b.result.current.error?.kind).toBe('auth-expired'), WAIT);
    expect(b.result.current.isStale).toBe(true);
    expect(b.result.current.callInfo?.callId).toBe(a.result.current.callInfo?.callId);
    expect(callInfoRequests(b.gw.fetch)).toBe(0);
  });

  it('a hidden leader hands over to the tab waiting', async () => {
    const { a, b } = await twoTabs();
    // One document stands for both tabs here: the event reaches both, and only the leader acts on it.
    act(() => setDocumentVisibility('hidden'));
    await sleep(50);
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'visible' });
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => false });
    a.gw.fetch.mockClear();
    await sleep(2.5 * INTERVAL);
    expect(callInfoRequests(b.gw.fetch)).toBeGreaterThanOrEqual(1);
    expect(callInfoRequests(a.gw.fetch)).toBe(0);
  });

  it('a lone leader going hidden keeps the lead and asks nothing while hidden', async () => {
    const a = tab(gateway());
    await waitFor(() => expect(a.result.current.callInfo).toBeTruthy(), WAIT);
    await sleep(1.1 * INTERVAL); // its answer is stale: taking the lock back would ask at once
    const before = callInfoRequests(a.gw.fetch);
    act(() => setDocumentVisibility('hidden'));
    await sleep(1.5 * INTERVAL);
    expect(callInfoRequests(a.gw.fetch)).toBe(before);
    act(() => setDocumentVisibility('visible'));
    await waitFor(() => expect(callInfoRequests(a.gw.fetch)).toBeGreaterThan(before), WAIT);
  });

  it('a frozen leader (no heartbeat) is taken over within one interval', async () => {
    const { a, b } = await twoTabs();
    // Frozen: the tab keeps its lock and posts nothing more.
    channels[0]!.postMessage = () => {};
    const frozenAt = Date.now();
    await waitFor(() => expect(callInfoRequests(b.gw.fetch)).toBeGreaterThanOrEqual(1), { ...WAIT, timeout: 4 * INTERVAL });
    // Two missed beats, then the first poll when the frozen leader's next was due (the strict
    // figure is test/e2e/crossTab.test.ts's; here the runner's load has room).
    expect(Date.now() - frozenAt).toBeLessThan(2 * INTERVAL);
    // Its lock stolen, the old leader steps down.
    a.gw.fetch.mockClear();
    await sleep(2 * INTERVAL);
    expect(callInfoRequests(a.gw.fetch)).toBe(0);
  });

  it("a follower whose own thread was held up does not take a live leader's lock", async () => {
    const { a, b } = await twoTabs();
    await sleep(100);
    // Both tabs' timers stand still; when they run again, the leader's beats are still to come.
    const end = Date.now() + INTERVAL;
    while (Date.now() < end);
    await sleep(1.5 * INTERVAL);
    expect(callInfoRequests(b.gw.fetch)).toBe(0);
    expect(callInfoRequests(a.gw.fetch)).toBeGreaterThanOrEqual(2);
  });

  it('a closed leader: the waiting tab leads', async () => {
    const a = openTab(gateway());
    await waitFor(() => expect(a.result.current.callInfo).toBeTruthy(), WAIT);
    const b = tab(gateway());
    await waitFor(() => expect(b.result.current.callInfo).toBeTruthy(), WAIT);
    a.unmount();
    await waitFor(() => expect(callInfoRequests(b.gw.fetch)).toBeGreaterThanOrEqual(1), { ...WAIT, timeout: 1.5 * INTERVAL });
  });

  it('a refresh in the follower is one request, by the leader', async () => {
    const { a, b } = await twoTabs();
    await sleep(100);
    const before = callInfoRequests(a.gw.fetch);
    const next = talkingCall({ callid: '1764000099-109' });
    a.gw.state.answer = next;
    await act(() => b.result.current.refresh());
    await waitFor(() => expect(b.result.current.callInfo?.callId).toBe('1764000099-109'), { ...WAIT, timeout: 0.8 * INTERVAL });
    expect(callInfoRequests(a.gw.fetch)).toBe(before + 1);
    expect(callInfoRequests(b.gw.fetch)).toBe(0);

    // refreshCallInfo in the follower too.
    a.gw.state.answer = talkingCall({ callid: '1764000123-110' });
    await act(() => refreshCallInfo(b.client, '60015'));
    await waitFor(() => expect(b.result.current.callInfo?.callId).toBe('1764000123-110'), { ...WAIT, timeout: 0.8 * INTERVAL });
    expect(callInfoRequests(b.gw.fetch)).toBe(0);
  });

  it('a follower whose own Guid changes after an authentication failure takes the lead and asks at once', async () => {
    // One gateway, where the old Guid has expired and the new one is good, whichever tab leads.
    const expired = { value: false };
    const answerFor = (url: string, guid: string) => withSiblings(expired.value && guid === 'old' ? failure('000-003') : talkingCall(), url);
    const a = tab(connection(answerFor), { guid: 'old' });
    await waitFor(() => expect(a.result.current.callInfo).toBeTruthy(), WAIT);
    const session = { guid: 'old' };
    const gwB = connection(answerFor);
    const b = tab(gwB, { guid: () => session.guid });
    await waitFor(() => expect(b.result.current.callInfo).toBeTruthy(), WAIT);
    expired.value = true;
    await waitFor(() => expect(b.result.current.error?.kind).toBe('auth-expired'), WAIT);
    await sleep(100); // the follower's first reading of its Guid after the failure
    session.guid = 'new';
    await waitFor(() => expect(b.result.current.error).toBe(null), { ...WAIT, timeout: 2.5 * INTERVAL });
    expect(gwB.fetch.mock.calls.some(([, init]) => guidOf(init) === 'new')).toBe(true);
    // ...and the old tab, which now follows, shows the answer without asking.
    await waitFor(() => expect(a.result.current.error).toBe(null), WAIT);
  });

  it('every call of the agent reaches the follower (useAgentCalls)', async () => {
    const a = agentCallsTab(gateway());
    await waitFor(() => expect(a.result.current.calls.length).toBe(1), WAIT);
    const b = agentCallsTab(gateway());
    await waitFor(() => expect(b.result.current.calls).toEqual(a.result.current.calls), WAIT);
    await sleep(1.5 * INTERVAL);
    expect(b.gw.fetch).not.toHaveBeenCalled();
  });

  it('a tab showing the other calls leads rather than follow a tab whose hooks never ask for them', async () => {
    // The customer held while the agent consults a colleague: two calls, on one gateway.
    const CUSTOMER = '1764000000-101';
    const CONSULT = '1764000030-102';
    const { trace: _trace, ...held } = talkingCall({ callid: CUSTOMER }).result as Record<string, unknown>;
    const consulting = (url: string) => {
      if (isCallInfoUrl(url)) return talkingCall({ callid: CONSULT, callfeature: 51, caller: '60015', called: '2006' });
      if (url.endsWith('/allcallid')) return { retcode: '0', message: '', result: [CUSTOMER, CONSULT] };
      return { retcode: '0', message: '', result: url.endsWith(CUSTOMER) ? held : null };
    };
    const a = tab(connection(consulting));
    await waitFor(() => expect(a.result.current.callInfo?.callId).toBe(CONSULT), WAIT);
    const b = agentCallsTab(connection(consulting));
    await waitFor(() => expect(b.result.current.calls.map((call) => call.callId)).toEqual([CUSTOMER, CONSULT]), WAIT);
    // The panel tab now leads, for both: the other tab follows and asks nothing.
    await sleep(200);
    a.gw.fetch.mockClear();
    const before = callInfoRequests(b.gw.fetch);
    await sleep(2.5 * INTERVAL);
    expect(a.gw.fetch).not.toHaveBeenCalled();
    expect(callInfoRequests(b.gw.fetch) - before).toBeGreaterThanOrEqual(2);
    expect(a.result.current.callInfo?.callId).toBe(CONSULT);
  }, 10_000);

  it("a tab showing the other calls whose own Guid has expired gives the lead back to the tab whose Guid works", async () => {
    // One gateway: the old Guid has expired; the badge tab's host signed in again, the panel's has not yet.
    const valid = new Set(['old']);
    const answerFor = (url: string, guid: string) => withSiblings(valid.has(guid) ? talkingCall() : failure('000-003'), url);
    const guidsSent = (gw: Connection, guid: string) => gw.fetch.mock.calls.filter(([url, init]) => isCallInfoUrl(url) && guidOf(init) === guid).length;
    const badgeSession = { guid: 'old' };
    const onError = vi.fn();
    const badge = tab(connection(answerFor), { guid: () => badgeSession.guid, onError });
    await waitFor(() => expect(badge.result.current.callInfo).toBeTruthy(), WAIT);
    const panelSession = { guid: 'old' };
    const panel = agentCallsTab(connection(answerFor), { guid: () => panelSession.guid });
    const gwPanel = panel.gw;
    await waitFor(() => expect(guidsSent(gwPanel, 'old')).toBeGreaterThanOrEqual(1), WAIT);

    valid.clear();
    await waitFor(() => expect(badge.result.current.error?.kind).toBe('auth-expired'), WAIT);
    valid.add('new');
    badgeSession.guid = 'new';
    await waitFor(() => expect(guidsSent(badge.gw, 'new')).toBeGreaterThanOrEqual(1), { ...WAIT, timeout: 2.5 * INTERVAL });
    // The panel tab may try its old Guid once more; after that the badge tab's good one leads, for both.
    await sleep(2 * INTERVAL);
    const tries = guidsSent(gwPanel, 'old');
    const asked = guidsSent(badge.gw, 'new');
    await sleep(3 * INTERVAL);
    expect(guidsSent(gwPanel, 'old')).toBe(tries);
    expect(guidsSent(badge.gw, 'new')).toBeGreaterThanOrEqual(asked + 2);
    expect(badge.result.current.error).toBe(null);
    expect(panel.result.current.error).toBe(null);
    expect(panel.result.current.calls).toHaveLength(1);
    // The panel tab's failure was not posted: the badge tab was told of one failure, the first.
    expect(onError).toHaveBeenCalledTimes(1);

    // Its host signs in again too: the panel tab leads with the new Guid, and shows every call.
    panelSession.guid = 'new';
    await waitFor(() => expect(guidsSent(gwPanel, 'new')).toBeGreaterThanOrEqual(2), { ...WAIT, timeout: 4 * INTERVAL });
    expect(panel.result.current.error).toBe(null);
  }, 20_000);

  it('the Guid is never posted', async () => {
    const posted = vi.spyOn(RealChannel.prototype, 'postMessage');
    const { a, b } = await twoTabs({ oneGateway: true });
    a.gw.state.answer = failure('000-003', `bad Guid ${GUID}`);
    await waitFor(() => expect(b.result.current.error?.kind).toBe('auth-expired'), WAIT);
    await act(() => b.result.current.refresh());
    expect(posted.mock.calls.length).toBeGreaterThan(3);
    for (const [message] of posted.mock.calls) expect(JSON.stringify(message)).not.toContain(GUID);
  });

  it('a tab whose hook is disabled does not take the lead from the tabs that poll', async () => {
    const a = tab(gateway(), { enabled: false });
    await sleep(50);
    const b = tab(gateway());
    await waitFor(() => expect(b.result.current.callInfo).toBeTruthy(), WAIT);
    expect(callInfoRequests(b.gw.fetch)).toBeGreaterThanOrEqual(1);
    expect(a.gw.fetch).not.toHaveBeenCalled();
  });

  it('crossTab: false: both tabs poll', async () => {
    const a = tab(gateway(), { crossTab: false });
    const b = tab(gateway(), { crossTab: false });
    await waitFor(() => expect(callInfoRequests(a.gw.fetch)).toBeGreaterThanOrEqual(1), WAIT);
    await waitFor(() => expect(callInfoRequests(b.gw.fetch)).toBeGreaterThanOrEqual(1), WAIT);
    expect(channels).toHaveLength(0);
  });

  it('without Web Locks, both tabs poll', async () => {
    delete (navigator as { locks?: unknown }).locks;
    const a = tab(gateway());
    const b = tab(gateway());
    await waitFor(() => expect(callInfoRequests(a.gw.fetch)).toBeGreaterThanOrEqual(1), WAIT);
    await waitFor(() => expect(callInfoRequests(b.gw.fetch)).toBeGreaterThanOrEqual(1), WAIT);
    expect(channels).toHaveLength(0);
  });
});

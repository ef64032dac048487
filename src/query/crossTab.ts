import type { Query, QueryCacheNotifyEvent, QueryClient, QueryKey } from '@tanstack/react-query';
import { GatewayError, isGatewayError, type GatewayErrorKind } from '../gateway/GatewayError';
import { callInfoKeys } from './callInfoKeys';
import { mayRefetchOnEvent } from './pollingPolicy';

/**
 * One poll per agent across tabs: the tabs of one origin showing the same agent, gateway and
 * `isNoContainLastCall` elect a leader with a Web Lock; only the leader's queries ask the gateway,
 * and it posts each answer and error kind on a BroadcastChannel named like the lock. The Guid is
 * never posted: answers and GatewayError fields (whose messages never hold it) only.
 */

/** What a tab posts. `state` carries one query's answer or failure, never anything else. */
type Message =
  | { type: 'hello' }
  | { type: 'refresh' }
  | { type: 'heartbeat'; hidden: boolean; otherCalls: boolean }
  | { type: 'state'; key: QueryKey; data: unknown; dataUpdatedAt: number }
  | { type: 'state'; key: QueryKey; error: PostedError; errorUpdatedAt: number };

interface PostedError {
  kind: GatewayErrorKind;
  message: string;
  retcode: string | undefined;
  status: number | undefined;
  issues: readonly string[];
}

export interface CrossTabOptions {
  agentId: string;
  baseUrl: string;
  isNoContainLastCall: boolean | undefined;
  /** The poll interval, ms: the leader beats four times in one; a follower that misses two beats takes over. */
  intervalMs: number;
}

/** A tab's part in the election for one agent, gateway and option, on one QueryClient. */
export interface Coordinator {
  readonly agentId: string;
  isLeader(): boolean;
  /** For `useSyncExternalStore`; the first subscriber starts the election, the last one's leaving ends it. */
  subscribe(onChange: () => void): () => void;
  /** "Refresh now" from a follower: the leader asks once, for every tab. */
  forwardRefresh(): void;
  /** Take the lead now (steal the lock): this tab's own Guid is new. Resolves once leading. */
  takeLead(): Promise<void>;
  /**
   * This tab shows the agent's other calls (`useAgentCalls`): a visible tab that does leads rather
   * than follow one whose hooks never ask for them. Returns the release.
   */
  showOtherCalls(): () => void;
  /**
   * The sign-in failure that made this tab give back a lead it took for its other calls (its own
   * Guid failed where the leader's worked): it does not take the lead so again until it leads by
   * `takeLead()` (its hook's, once its Guid source yields another).
   */
  barredBy(): GatewayError | null;
}

/** Whether this browser can coordinate tabs: Web Locks and BroadcastChannel. */
function canCoordinate(): boolean {
  return typeof navigator !== 'undefined' && !!navigator.locks && typeof BroadcastChannel === 'function';
}

// The one module-level state: each QueryClient's coordinators, by lock name.
const coordinators = new WeakMap<QueryClient, Map<string, Coordinator>>();

/** The QueryClient's coordinator for these options, or `null` where tabs cannot coordinate. */
export function coordinatorFor(queryClient: QueryClient, options: CrossTabOptions): Coordinator | null {
  if (!canCoordinate()) return null;
  const name = `cec-call-panel:${options.baseUrl}:${options.agentId}:${options.isNoContainLastCall ? 'last' : 'current'}`;
  let byName = coordinators.get(queryClient);
  if (!byName) coordinators.set(queryClient, (byName = new Map()));
  let coordinator = byName.get(name);
  if (!coordinator) byName.set(name, (coordinator = createCoordinator(queryClient, name, options, byName)));
  return coordinator;
}

/** The QueryClient's coordinators that follow for `agentId` (every agent without one). */
export function followersOf(queryClient: QueryClient, agentId?: string): Coordinator[] {
  return [...(coordinators.get(queryClient)?.values() ?? [])].filter((c) => !c.isLeader() && (agentId === undefined || c.agentId === agentId));
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function createCoordinator(queryClient: QueryClient, name: string, options: CrossTabOptions, byName: Map<string, Coordinator>): Coordinator {
  const { agentId, baseUrl, isNoContainLastCall, intervalMs } = options;
  const prefix = callInfoKeys.agent(agentId);
  const detailKey = callInfoKeys.detail(agentId, baseUrl, isNoContainLastCall);
  // This coordinator's queries: the current call with its option, and the agent's other calls on this gateway.
  const owns = (key: QueryKey): boolean => {
    if (!prefix.every((part, i) => key[i] === part)) return false;
    const [, , , kind, a, b] = key as unknown[];
    if (kind === 'allcallid') return (a as { baseUrl?: string })?.baseUrl === baseUrl;
    if (kind === 'callinfobycallid') return (b as { baseUrl?: string })?.baseUrl === baseUrl;
    return sameJson(kind, detailKey[3]);
  };
  const listeners = new Set<() => void>();
  let leading = false;
  let channel: BroadcastChannel | null = null;
  let waiting: AbortController | null = null;
  let releaseLock: (() => void) | null = null;
  let unsubscribeCache: (() => void) | null = null;
  let heartbeat: ReturnType<typeof setInterval> | undefined;
  let catchUp: ReturnType<typeof setTimeout> | undefined;
  let watchdog: ReturnType<typeof setInterval> | undefined;
  let lastHeard = Date.now();
  let leaderHidden = false;
  let otherCallsShown = 0;
  // Leading for the other calls this tab shows, until its own Guid has brought an answer.
  let forOtherCalls = false;
  let barredBy: GatewayError | null = null;
  const beatMs = intervalMs / 4;
  // Two missed beats: within one interval of a freeze, and not for one late timer.
  const silent = () => Date.now() - lastHeard > 2 * beatMs;
  let disposeTimer: ReturnType<typeof setTimeout> | undefined;
  // Which lock request holds the lock (0: none), so a late rejection of an old one changes nothing.
  let requests = 0;
  let holder = 0;
  let stealing: Promise<void> | null = null;

  const post = (message: Message) => {
    try {
      channel?.postMessage(message);
    } catch {
      // An answer that cannot be cloned is not shared: followers catch up at the next one.
    }
  };
  const hidden = () => typeof document !== 'undefined' && document.visibilityState === 'hidden';
  const setLeading = (next: boolean) => {
    if (leading === next) return;
    leading = next;
    listeners.forEach((listener) => listener());
  };

  const postState = (query: Query) => {
    const { state } = query;
    if (state.status === 'success') post({ type: 'state', key: query.queryKey, data: state.data, dataUpdatedAt: state.dataUpdatedAt });
    else if (state.status === 'error' && isGatewayError(state.error)) {
      // Field by field: the error's `cause` may hold anything, and nothing else may leave the tab.
      const { kind, message, retcode, status, issues } = state.error;
      post({ type: 'state', key: query.queryKey, error: { kind, message, retcode, status, issues: [...issues] }, errorUpdatedAt: state.errorUpdatedAt });
    }
  };

  const apply = (message: Extract<Message, { type: 'state' }>) => {
    const { key } = message;
    if (!owns(key)) return;
    if ('data' in message) {
      queryClient.setQueryData(key, message.data, { updatedAt: message.dataUpdatedAt });
      return;
    }
    const { kind, message: text, retcode, status, issues } = message.error;
    const error = new GatewayError(kind, text, { retcode, status, issues });
    const cache = queryClient.getQueryCache();
    const query = cache.find({ queryKey: key, exact: true }) ?? cache.build(queryClient, { queryKey: key });
    query.setState({
      status: 'error',
      error,
      errorUpdatedAt: message.errorUpdatedAt,
      errorUpdateCount: query.state.errorUpdateCount + 1,
      fetchStatus: 'idle',
      fetchFailureCount: 0,
    });
  };

  const refreshHere = () => {
    const filters = { predicate: (query: Query) => owns(query.queryKey) };
    // As `refreshCallInfo`: a request on its way may predate the event.
    void queryClient.cancelQueries(filters);
    void queryClient.invalidateQueries(filters);
  };

  const onMessage = ({ data: message }: MessageEvent<Message>) => {
    if (message.type === 'heartbeat') {
      lastHeard = Date.now();
      leaderHidden = message.hidden;
      // A hidden tab that got the lead (the queue handed it over) yields to a visible one; so
      // does a leader that never asks for the other calls this tab shows.
      if (leading || hidden()) return;
      if (leaderHidden) void takeLead();
      else if (otherCallsShown > 0 && !message.otherCalls && !barredBy) {
        forOtherCalls = true;
        void takeLead();
      }
    } else if (leading) {
      if (message.type === 'hello') queryClient.getQueryCache().findAll({ predicate: (query) => owns(query.queryKey) }).forEach(postState);
      else if (message.type === 'refresh') refreshHere();
    } else if (message.type === 'state') {
      lastHeard = Date.now();
      apply(message);
    }
  };

  const lead = (release: () => void) => {
    releaseLock = release;
    barredBy = null;
    setLeading(true);
    const beat = () => post({ type: 'heartbeat', hidden: hidden(), otherCalls: otherCallsShown > 0 });
    beat();
    heartbeat = setInterval(beat, beatMs);
    unsubscribeCache = queryClient.getQueryCache().subscribe((event: QueryCacheNotifyEvent) => {
      if (event.type !== 'updated' || !owns(event.query.queryKey)) return;
      const { type } = event.action;
      if (forOtherCalls && sameJson(event.query.queryKey, detailKey)) {
        const { error } = event.query.state;
        if (type === 'error' && isGatewayError(error) && !error.retryable) {
          // Its own Guid fails where the tab it took the lead from had answers: give it back,
          // without posting a failure that tab's good Guid does not share.
          barredBy = error;
          stepDown();
          void request(false);
          return;
        }
        if (type === 'success') forOtherCalls = false;
      }
      if (type === 'success' || type === 'error') postState(event.query);
    });
    // Keep the cadence: ask when the last leader's next poll was due, not an interval from now
    // (its own timer starts when the queries are enabled). Never into a backoff or a stopped poll.
    const current = queryClient.getQueryCache().find({ queryKey: detailKey, exact: true });
    const due = (current?.state.dataUpdatedAt ?? 0) + intervalMs;
    catchUp = setTimeout(() => {
      const query = queryClient.getQueryCache().find<unknown, GatewayError>({ queryKey: detailKey, exact: true });
      if (!query || hidden() || query.state.status !== 'success' || !mayRefetchOnEvent(query)) return;
      if (Date.now() >= query.state.dataUpdatedAt + intervalMs - 50) void queryClient.refetchQueries({ queryKey: detailKey, exact: true, type: 'active' }, { cancelRefetch: false });
    }, Math.max(20, due - Date.now()));
  };

  const stepDown = () => {
    forOtherCalls = false;
    clearInterval(heartbeat);
    clearTimeout(catchUp);
    unsubscribeCache?.();
    unsubscribeCache = null;
    releaseLock?.();
    releaseLock = null;
    holder = 0;
    lastHeard = Date.now();
    setLeading(false);
  };

  /** Queue for the lock (or steal it); the callback holds it until `releaseLock`. Resolves once held. */
  const request = (steal: boolean): Promise<void> => {
    waiting?.abort();
    const token = ++requests;
    const controller = steal ? null : new AbortController();
    waiting = controller;
    return new Promise<void>((acquired) => {
      navigator.locks
        .request(name, steal ? { steal: true } : { signal: controller!.signal }, () => {
          if (waiting === controller) waiting = null;
          if (!channel || token !== requests) return undefined; // disposed, or a later request replaced this one
          holder = token;
          const held = new Promise<void>((release) => lead(release));
          acquired();
          return held;
        })
        .catch(() => {
          // Aborted while waiting (our own steal, dispose): nothing to do. Stolen from us (a frozen
          // tab waking, another tab's new Guid): step down and queue again.
          if (!channel || holder !== token) return;
          stepDown();
          void request(false);
        });
    });
  };

  const takeLead = (): Promise<void> => {
    if (leading || !channel) return Promise.resolve();
    // One steal at a time: a second would steal from the first.
    return (stealing ??= request(true).finally(() => (stealing = null)));
  };

  const onVisibility = () => {
    if (!channel) return;
    if (leading && hidden()) {
      // Hand over: release, and queue behind the tabs waiting. Not when none waits: taking the
      // lock back would enable this tab's queries again, which asks at once, hidden.
      void navigator.locks.query().then(({ pending }) => {
        if (!leading || !hidden() || !pending?.some((lock) => lock.name === name)) return;
        stepDown();
        void request(false);
      });
    } else if (!leading && !hidden() && (leaderHidden || silent())) void takeLead();
  };

  const start = () => {
    // A render may hold this one after a disposal: it is the coordinator again.
    if (!byName.has(name)) byName.set(name, self);
    channel = new BroadcastChannel(name);
    channel.onmessage = onMessage;
    lastHeard = Date.now();
    void request(false);
    post({ type: 'hello' });
    document.addEventListener('visibilitychange', onVisibility);
    // A frozen leader keeps its lock: two missed beats are the sign to take it. Not when this
    // tab's own timer is late (its own thread was busy or frozen): the beats may wait unread.
    let ticked = Date.now();
    watchdog = setInterval(() => {
      const now = Date.now();
      const late = now - ticked > 1.5 * beatMs;
      ticked = now;
      if (late) lastHeard = Math.max(lastHeard, now - beatMs);
      else if (!leading && !hidden() && silent()) void takeLead();
    }, beatMs);
  };

  const dispose = () => {
    document.removeEventListener('visibilitychange', onVisibility);
    clearInterval(watchdog);
    stepDown();
    waiting?.abort();
    waiting = null;
    channel?.close();
    channel = null;
    if (byName.get(name) === self) byName.delete(name);
  };

  const self: Coordinator = {
    agentId,
    isLeader: () => leading,
    subscribe(onChange) {
      clearTimeout(disposeTimer);
      if (listeners.size === 0 && !channel) start();
      listeners.add(onChange);
      return () => {
        listeners.delete(onChange);
        // Later, not now: a remount (StrictMode, a key change) keeps the lead.
        if (listeners.size === 0) disposeTimer = setTimeout(() => listeners.size === 0 && dispose(), 0);
      };
    },
    forwardRefresh: () => post({ type: 'refresh' }),
    takeLead,
    showOtherCalls() {
      otherCallsShown++;
      return () => void otherCallsShown--;
    },
    barredBy: () => barredBy,
  };
  return self;
}

import type { UseQueryResult } from '@tanstack/react-query';
import type { GatewayError } from '../gateway/GatewayError';
import type { GuidSource } from '../gateway/requestGateway';
import type { CallInfo } from '../gateway/model';

/** How often to poll: milliseconds, `false` for never, or a function of the last result. */
export type RefetchIntervalSetting =
  | number
  | false
  | ((state: { callInfo: CallInfo | null | undefined; error: GatewayError | null }) => number | false);

/** What `useCallInfo` (and `<CallInfoPanel>`) needs to reach the gateway. */
export interface CallInfoConfig {
  /** The agent's work number: digits, 101-999999. Anything else is refused before any request. */
  agentId: string;
  /**
   * `https://host:port`, or a relative base such as `''` or `'/cc'` behind the app's reverse proxy.
   * Default: the `CallInfoProvider`'s, else `''`.
   */
  baseUrl?: string;
  /**
   * The session token: a string, or a (sync or async) function read at every request, because
   * dynamic authentication rotates it. Default: the `CallInfoProvider`'s.
   */
  guid?: GuidSource;
  /** Ask for the agent's previous call when there is no current one. Sent only when set. */
  isNoContainLastCall?: boolean;
  /** Default 3000 ms. Polling also pauses while the document is hidden. */
  refetchInterval?: RefetchIntervalSetting;
  /** Per-request timeout. Default 10000 ms. */
  timeoutMs?: number;
  /** A `fetch` to use instead of the global one (tests, the simulator). Default: the provider's, else `globalThis.fetch`. */
  fetch?: typeof globalThis.fetch;
  /** `false` sends no request. Default `true`. */
  enabled?: boolean;
  /**
   * One poll per agent across the tabs of this origin: tabs showing the same agent, base URL and
   * `isNoContainLastCall` elect one leader (Web Locks) that asks the gateway and shares each
   * answer and error with the others (BroadcastChannel; never the Guid). Where either API is
   * missing every tab polls. `false`: this tab polls on its own. Default `true`.
   */
  crossTab?: boolean;
  /**
   * Shapes the call before your component sees it. When the shaped call equals the last one,
   * nothing re-renders: `<CallInfoPanel>` uses this to ignore `logonSeconds`, which real
   * gateways increase on every poll. Keep the function stable (module level or `useCallback`).
   */
  select?: (call: CallInfo) => CallInfo;
  /**
   * Called once as each kind of failure begins (not for every failed poll of the same kind; again
   * after an answer and a new failure), for the host's logs. The error's message is the library's
   * own and never holds the Guid.
   */
  onError?: (error: GatewayError) => void;
}

/**
 * What `useCallInfo` returns. Every field is a getter over the query result, so a component
 * re-renders only when a field it actually read changes (an unchanged poll renders nothing).
 */
export interface UseCallInfoResult {
  /** The call: `undefined` before the first answer, `null` for "no call". Kept through failed polls. */
  readonly callInfo: CallInfo | null | undefined;
  /** The last poll's failure, typed; `null` once a poll succeeds. */
  readonly error: GatewayError | null;
  /** The last poll failed and `callInfo` is the last good answer. */
  readonly isStale: boolean;
  /** No answer yet and no failure yet: the first request is on its way. */
  readonly isLoading: boolean;
  /** A request is on its way (first or later). */
  readonly isFetching: boolean;
  /** When the shown answer arrived (epoch ms), `null` before the first. */
  readonly lastUpdatedAt: number | null;
  /**
   * When the next request goes after a retryable failure (epoch ms, the failure's time plus its
   * backoff), for a "Retrying in 8 s"; `null` while polls succeed and once polling has stopped.
   * Already past while that request is on its way or the document is hidden.
   */
  readonly nextRetryAt: number | null;
  /**
   * The gateway's clock minus the desktop's, ms (0 until its answers show a difference of a
   * quarter second or more): live durations are `Date.now() + clockOffset - start`. Learnt from the
   * answers' `Date` headers alone (cross-origin gateways must list it in
   * `Access-Control-Expose-Headers`); without them it stays at its last value, or 0. Call moments
   * never move it: one bad answer must not skew every timer on the gateway.
   */
  readonly clockOffset: number;
  /** Ask the gateway again now (also resumes polling stopped by a non-retryable error). */
  readonly refresh: () => Promise<void>;
  /** The underlying TanStack Query result, for anything else. */
  readonly query: UseQueryResult<CallInfo | null, GatewayError>;
}

/** What `useAgentCalls` needs: `useCallInfo`'s config, and whether to ask for the other calls. */
export interface AgentCallsConfig extends CallInfoConfig {
  /** `false` asks "query call information" alone: `calls` holds the current call only. Default `true`. */
  allCalls?: boolean;
}

/** What `useAgentCalls` returns. Fields are getters, tracked as `useCallInfo`'s are. */
export interface UseAgentCallsResult {
  /**
   * Every call of the agent, in the order they began (calls without a begin time after the
   * others, in the gateway's order); `[]` before the first answer and when there is none. Only
   * the current call has a trace; every other call reads as `held` unless its own answer says
   * it is over (`ended`).
   */
  readonly calls: readonly CallInfo[];
  /** The ID of the call "query call information" answers with (the one the agent is on); `null` for none. */
  readonly currentCallId: string | null;
  /** The current call's failure, else the first of the other interfaces'; `null` when all succeed. */
  readonly error: GatewayError | null;
  /** Some call shown is the last good answer of a request that has since failed. */
  readonly isStale: boolean;
  /** Ask every interface again now (also resumes polling stopped by a non-retryable error). */
  readonly refresh: () => Promise<void>;
  /** The current call's own result, as `useCallInfo` gives it (loading, retry countdown, clock offset...). */
  readonly current: UseCallInfoResult;
}

import { useQueryClient } from '@tanstack/react-query';
import { forwardRef, useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { CallInfo } from '../../gateway/model';
import { I18nProvider } from '../../i18n/I18nProvider';
import type { Messages } from '../../i18n/Messages';
import { callInfoKeys } from '../../query/callInfoKeys';
import { useCallInfoDefaults } from '../../query/CallInfoProvider';
import { askedInterval } from '../../query/pollingPolicy';
import type { CallInfoConfig } from '../../query/types';
import { useAgentCalls } from '../../query/useAgentCalls';
import { readClock, subscribeClock } from '../CallTimer/clock';
import { CallInfoView, type CallInfoViewProps } from '../CallInfoView/CallInfoView';
import type { CallInfoFreshness, CallInfoStatus } from '../CallInfoView/types';

export interface CallInfoPanelProps
  extends CallInfoConfig,
    Omit<
      CallInfoViewProps,
      | 'callInfo'
      | 'status'
      | 'freshness'
      | 'lastUpdatedAt'
      | 'error'
      | 'onRetry'
      | 'nextRetryAt'
      | 'clockOffset'
      | 'onError'
      | 'calls'
      | 'currentCallId'
      | 'selectedCallId'
      | 'onSelectCall'
      | 'agentId'
    > {
  /**
   * Show every call of the agent (a consultation's held customer and colleague, a conference, a
   * new call while one is held) as tabs above the call, when there are two or more. It asks two
   * more interfaces (`allcallid`, every third interval with one call or none, and
   * `callinfobycallid` for each call but the current one): `false` asks "query call information"
   * alone and shows the current call only. Default `true`.
   */
  showAllCalls?: boolean;
  /**
   * BCP 47 locale for dates, numbers and direction. Default: the enclosing `I18nProvider`'s,
   * else `navigator.language`, else `'en'`.
   */
  locale?: string;
  /**
   * Message overrides (any subset of keys) or a whole catalogue (`zhCN`), over the enclosing
   * `I18nProvider`'s messages, else English. Keep the object stable.
   */
  messages?: Partial<Messages>;
  /** Called with the first answer and whenever the call ID changes (`null`: no call). */
  onCallChange?: (call: CallInfo | null) => void;
}

/**
 * The panel does not show the agent's login time, and real gateways increase it on every poll:
 * without this, every poll of an unchanged call would render the panel again.
 */
function withoutLogonTime(call: CallInfo): CallInfo {
  return call.logonSeconds === null ? call : { ...call, logonSeconds: null };
}

const noSubscription = () => () => {};

/**
 * The connected panel: polls the gateway with `useCallInfo` and shows the answer with
 * `CallInfoView`. Needs a `QueryClientProvider` above it (and optionally a `CallInfoProvider`
 * for the base URL, Guid and fetch).
 *
 * Status mapping: not signed in (or no Guid yet) -> `signed-out` (with a "Sign in" button when
 * `onReauthenticate` is given); expired session -> `auth-expired` (with a "Sign in again"
 * button); in both, a call already on screen stays, marked stale, under the notice, and once
 * `onReauthenticate`'s promise settles the panel asks again at once; any other failure keeps the
 * last good call marked stale, or shows `error` with a Retry button when there is none, both
 * counting down to the next automatic retry ("Retrying in 8 s"); a call whose last good answer
 * is older than twice the poll interval (a hung gateway, a laptop waking from sleep) is marked
 * stale too, before any request has failed; no call -> `no-call`; a call that is over ->
 * `last-call`; else `live`.
 *
 * @example
 * <CallInfoPanel agentId="60015" baseUrl="/cc" guid={() => session.guid} isNoContainLastCall />
 */
export const CallInfoPanel = forwardRef<HTMLElement, CallInfoPanelProps>(function CallInfoPanel(
  {
    agentId,
    baseUrl,
    guid,
    isNoContainLastCall,
    refetchInterval,
    timeoutMs,
    fetch,
    enabled,
    crossTab,
    onError,
    select = withoutLogonTime,
    locale,
    messages,
    onCallChange,
    onReauthenticate,
    showAllCalls = true,
    ...viewProps
  },
  ref,
) {
  const agent = useAgentCalls({ agentId, baseUrl, guid, isNoContainLastCall, refetchInterval, timeoutMs, fetch, enabled, crossTab, select, onError, allCalls: showAllCalls });
  const result = agent.current;
  // The result's fields are tracked getters: read only what this render needs, so a poll that
  // changes nothing (or only `isFetching` / `lastUpdatedAt`) renders nothing.
  const current = result.callInfo;
  const { calls, currentCallId } = agent;

  // The agent's pick among its calls holds while the current call stays the same: a new current
  // call (a consultation begins or ends) is selected again, as is the current one when the
  // picked call is gone.
  const [picked, pick] = useState<{ readonly callId: string; readonly whileCurrent: string | null } | null>(null);
  const legs = calls.length > 1;
  const pickedCall = legs && picked?.whileCurrent === currentCallId ? calls.find((c) => c.callId === picked.callId) : undefined;
  // With calls but none current (only held ones), the first is shown.
  const callInfo = pickedCall ?? (legs && !current ? calls[0] : current);
  const selectedCallId = callInfo?.callId ?? null;
  const onSelectCall = useCallback((callId: string) => pick({ callId, whileCurrent: currentCallId }), [currentCallId]);
  const error = pickedCall && !result.error ? (agent.isStale ? agent.error : null) : result.error;
  const errorKind = error?.kind;

  // Freshness by age: no good answer for over twice the interval marks the call stale. Read from
  // the cache (not the tracked `lastUpdatedAt`) on the timers' shared tick and on cache events,
  // as a boolean: a fresh call costs no render.
  const queryClient = useQueryClient();
  const defaults = useCallInfoDefaults();
  const key = callInfoKeys.detail(agentId, baseUrl ?? defaults.baseUrl ?? '', isNoContainLastCall);
  const every = askedInterval(refetchInterval, current, result.error);
  const maxAge = every && every > 0 ? 2 * every : Infinity; // polling off: no age to reach
  const watch = !!callInfo && maxAge < Infinity;
  const subscribe = useCallback(
    (onChange: () => void) => {
      const unsubscribeClock = subscribeClock(onChange);
      const unsubscribeCache = queryClient.getQueryCache().subscribe(onChange);
      return () => {
        unsubscribeClock();
        unsubscribeCache();
      };
    },
    [queryClient],
  );
  const aged = useSyncExternalStore(
    watch ? subscribe : noSubscription,
    () => watch && readClock() - (queryClient.getQueryState(key)?.dataUpdatedAt ?? Infinity) > maxAge,
    () => false,
  );

  // Signed out or expired during a call: the call stays, marked stale, under the session notice.
  const session = errorKind === 'not-signed-in' ? 'signed-out' : errorKind === 'auth-expired' ? errorKind : null;
  let status: CallInfoStatus;
  let freshness: CallInfoFreshness = 'fresh';
  if (callInfo) {
    status = session ?? (callInfo.phase === 'ended' ? 'last-call' : 'live');
    if (error || aged) freshness = 'stale';
  } else if (session) status = session;
  else if (error) status = 'error';
  else if (callInfo === null) status = 'no-call';
  else status = result.isLoading ? 'loading' : 'no-call';
  const lastUpdatedAt = freshness === 'stale' ? result.lastUpdatedAt : null;

  const latestOnCallChange = useRef(onCallChange);
  useEffect(() => {
    latestOnCallChange.current = onCallChange;
  });

  const callId = current === undefined ? undefined : currentCallId;
  const lastCallId = useRef<string | null | undefined>(undefined);
  useEffect(() => {
    if (callId === undefined || callId === lastCallId.current) return;
    lastCallId.current = callId;
    latestOnCallChange.current?.(current ?? null);
    // Fires on call ID changes only, with the call of that moment.
  }, [callId]);

  // The host's sign-in may be a promise: once it settles, ask again with the Guid it left. Called
  // in the click itself, so a sign-in that opens a window keeps the user's gesture.
  const { refresh } = result;
  const reauthenticate = useCallback(
    () => void Promise.resolve(onReauthenticate?.()).then(refresh, refresh),
    [onReauthenticate, refresh],
  );

  const view = (
    <CallInfoView
      ref={ref}
      {...viewProps}
      callInfo={callInfo}
      status={status}
      freshness={freshness}
      lastUpdatedAt={lastUpdatedAt}
      error={error}
      onRetry={refresh}
      onReauthenticate={onReauthenticate && reauthenticate}
      nextRetryAt={result.nextRetryAt}
      clockOffset={result.clockOffset}
      agentId={agentId}
      {...(legs && { calls, currentCallId, selectedCallId, onSelectCall })}
    />
  );
  return locale === undefined && messages === undefined ? (
    view
  ) : (
    <I18nProvider locale={locale} messages={messages}>
      {view}
    </I18nProvider>
  );
});

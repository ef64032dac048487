import { useQueries, useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useRef } from 'react';
import type { GatewayError } from '../gateway/GatewayError';
import type { CallInfo } from '../gateway/model';
import { allCallIdsQueryOptions, callInfoByCallIdQueryOptions, type AgentCallsQueryConfig } from './agentCallsQueryOptions';
import { callInfoKeys } from './callInfoKeys';
import { askedInterval } from './pollingPolicy';
import type { AgentCallsConfig, UseAgentCallsResult } from './types';
import { useCurrentCall } from './useCallInfo';

/** A call other than the current one: the agent talks on one call at a time, so it is held unless over. */
function asOtherCall(call: CallInfo): CallInfo {
  const phase = call.endTime === null ? 'held' : 'ended';
  return call.trace === null && call.phase === phase ? call : { ...call, trace: null, vdnId: null, phase };
}

/** An HTTP 404 or 501: the gateway has no such interface, and asking again will not give it one. */
function isMissing(failure: GatewayError | null | undefined): boolean {
  return failure?.kind === 'http' && (failure.status === 404 || failure.status === 501);
}

/** Begun first comes first; calls without a begin time keep their order after the others. */
function byBeginTime(a: CallInfo, b: CallInfo): number {
  return (a.beginTime ?? Infinity) - (b.beginTime ?? Infinity) || 0;
}

/**
 * Polls every call the agent has: the current one ("query call information", with its trace),
 * and in a consultation, conference or a new call while one is held, the others
 * (`allcallid`, then `callinfobycallid` for each call but the current one).
 *
 * Gateway cost per interval: the current call, plus `allcallid` every third interval while the
 * agent has one call or none (and at once when the current call changes); with N calls, 1 + N.
 * The other interfaces follow the current call's: while its requests fail (an outage, signed
 * out, expired) they send nothing, and they resume with it. A gateway without `allcallid` (HTTP
 * 404 or 501) is asked for the current call alone from then on, without an error. A call whose answer did not change renders nothing.
 *
 * @example
 * const { calls, currentCallId } = useAgentCalls({ agentId: '60015', guid: () => session.guid });
 */
export function useAgentCalls(config: AgentCallsConfig): UseAgentCallsResult {
  // A follower tab (`leading` false) shows the other calls the leader's answers bring, and asks for none itself.
  const { result: current, queryClient, resolved, leading, coordinator } = useCurrentCall(config);
  // A tab showing the other calls leads rather than follow a tab whose hooks never ask for them.
  const showsOthers = config.enabled !== false && config.allCalls !== false;
  useEffect(() => (showsOthers ? coordinator?.showOtherCalls() : undefined), [coordinator, showsOthers]);
  const call = current.callInfo;
  const error = current.error;
  const every = askedInterval(config.refetchInterval, call, error);
  // A gateway without the interface (an older release, a proxy that passes `callinfo` alone)
  // answers 404 or 501: the agent's other calls cannot be known, so they are not asked again.
  const missing = isMissing(queryClient.getQueryState<string[], GatewayError>(callInfoKeys.allCallIds(config.agentId, resolved.baseUrl))?.error);
  // Only while the current call's answers succeed: a failing gateway (an outage, a session
  // that ended) gets no more requests than `useCallInfo` alone sends, and they resume with it.
  const active = showsOthers && !error && !missing;
  const sibling: AgentCallsQueryConfig = { ...resolved, refetchInterval: every, enabled: active && leading };
  const ids = useQuery(allCallIdsQueryOptions(sibling), queryClient);
  // Read so that its change renders: a missing interface switches the others off at once.
  const listFailure = ids.error;
  const currentCallId = call?.callId ?? null;
  const listed = (active && ids.data) || [];
  // No current call, no other: a held call is the current one when it is the agent's only one.
  // A list that answered before the current call (a refresh asks both) names the new call itself.
  const others = currentCallId === null ? [] : listed.filter((id) => id !== currentCallId);

  const { select } = config;
  const readOther = useCallback((other: CallInfo | null) => other && (select ? select(asOtherCall(other)) : asOtherCall(other)), [select]);
  const legs = useQueries(
    { queries: others.map((callId) => ({ ...callInfoByCallIdQueryOptions({ ...sibling, callId }), select: readOther })) },
    queryClient,
  );

  // A new current call (a consultation begins, a call ends) is when the list changes: ask for it
  // at once rather than at the next of its sparse polls.
  const shownId = call === undefined ? undefined : currentCallId;
  const lastShownId = useRef(shownId);
  useEffect(() => {
    const before = lastShownId.current;
    lastShownId.current = shownId;
    // One already on its way (a host's refresh asked both) is as new as the answer that told.
    if (before !== undefined && before !== shownId && sibling.enabled) void ids.refetch({ cancelRefetch: false });
  }, [shownId]);

  // Kept while equal, element by element, so an unchanged poll hands the host the same array.
  const found = listed.includes(currentCallId!) ? listed : [...listed, currentCallId];
  const next = found
    .map((id) => (id === currentCallId ? call : legs[others.indexOf(id!)]?.data))
    .filter((c): c is CallInfo => !!c)
    .sort(byBeginTime);
  const kept = useRef(next);
  if (next.length !== kept.current.length || next.some((c, i) => c !== kept.current[i])) kept.current = next;
  const calls = kept.current;

  const latest = useRef({ current, ids, legs, enabled: sibling.enabled });
  latest.current = { current, ids, legs, enabled: sibling.enabled };
  const refresh = useCallback(async () => {
    const { current, ids, legs, enabled } = latest.current;
    await Promise.all([current.refresh(), ...(enabled ? [ids.refetch(), ...legs.map((leg) => leg.refetch())] : [])]);
  }, []);

  const failedLeg = legs.find((leg) => leg.isError);
  return {
    calls,
    currentCallId,
    get error() {
      return error ?? (missing ? null : listFailure) ?? failedLeg?.error ?? null;
    },
    get isStale() {
      return current.isStale || (ids.isError && ids.data !== undefined) || legs.some((leg) => leg.isError && leg.data !== undefined);
    },
    refresh,
    current,
  };
}

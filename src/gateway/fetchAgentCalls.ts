import { GatewayError } from './GatewayError';
import type { CallInfo } from './model';
import { normalizeOrNull, readAnswer } from './parseCallInfoResponse';
import { requestGateway, type GatewayRequestOptions } from './requestGateway';
import { allCallIdsResponseSchema, callInfoByCallIdResponseSchema, isCallId } from './agentCallsSchema';

/**
 * Asks the gateway for the IDs of every call the agent has ("call IDs of all the agent's calls",
 * `calldata/{agentid}/allcallid`): a consultation or conference gives two or more. Resolves to
 * the IDs in the gateway's order (`[]` for none); fails as `fetchCallInfo` does.
 *
 * @example
 * const ids = await fetchAllCallIds({ baseUrl: '/cc', agentId: '60015', guid: () => session.guid });
 */
export function fetchAllCallIds(options: GatewayRequestOptions): Promise<string[]> {
  return requestGateway(options, 'allcallid', (json, redact) => readAnswer(allCallIdsResponseSchema, json, redact) ?? []);
}

export interface FetchCallInfoByCallIdOptions extends GatewayRequestOptions {
  /** One of the IDs `fetchAllCallIds` gave. Sent path-encoded. */
  callId: string;
}

/**
 * Asks the gateway for one of the agent's calls by its ID ("call information by call ID",
 * `calldata/{agentid}/callinfobycallid/{callid}`): the call's fields without a trace, its
 * begin and end times when the gateway sends them. Resolves to `null` when the gateway has no
 * such call. An ID that cannot name a call (blank, `"0"`, `.` or `..`, control characters, over
 * 128 characters) is refused before any request (`invalid-request`); an answer about another
 * call than the one asked for is `bad-response`: a wrong call is never shown as this one.
 *
 * @example
 * const held = await fetchCallInfoByCallId({ baseUrl: '/cc', agentId: '60015', guid, callId: '1476838963-224' });
 */
export function fetchCallInfoByCallId(options: FetchCallInfoByCallIdOptions): Promise<CallInfo | null> {
  const callId = options.callId.trim();
  if (!isCallId(callId)) return Promise.reject(new GatewayError('invalid-request', 'The call ID cannot name a call.'));
  return requestGateway(options, `callinfobycallid/${encodeURIComponent(callId)}`, (json, redact) => {
    const call = normalizeOrNull(readAnswer(callInfoByCallIdResponseSchema, json, redact));
    if (call && call.callId !== callId) {
      throw new GatewayError('bad-response', 'The gateway answered about another call.', { issues: ['result.callid: not the call asked for'] });
    }
    return call;
  });
}

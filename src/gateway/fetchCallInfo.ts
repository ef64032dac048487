import type { CallInfo } from './model';
import { parseCallInfoAnswer } from './parseCallInfoResponse';
import { callDataPath, requestGateway, type GatewayRequestOptions } from './requestGateway';

export interface FetchCallInfoOptions extends GatewayRequestOptions {
  /** Ask for the previous call when there is none now. Sent only when defined. */
  isNoContainLastCall?: boolean;
}

/** The interface's part of the path: `callinfo`, and `isNoContainLastCall` only when set. */
function callInfoResource(isNoContainLastCall?: boolean): string {
  return isNoContainLastCall === undefined ? 'callinfo' : `callinfo?isNoContainLastCall=${isNoContainLastCall}`;
}

/** The request path and query for one agent, relative to the base URL. Never holds the Guid. */
export function callInfoPath(agentId: string, isNoContainLastCall?: boolean): string {
  return callDataPath(agentId, callInfoResource(isNoContainLastCall));
}

/**
 * Asks the gateway for the agent's call ("query call information").
 *
 * Resolves to the normalised call, or `null` when the agent has no call. Every failure,
 * a refused agent ID included, rejects with a {@link GatewayError}; an invalid agent ID, and no
 * Guid (empty, or a getter that yields nothing, throws or rejects: kind `not-signed-in`), are
 * refused before any request is sent.
 *
 * @example
 * const call = await fetchCallInfo({ baseUrl: '/cc', agentId: '60015', guid: () => session.guid });
 */
export function fetchCallInfo(options: FetchCallInfoOptions): Promise<CallInfo | null> {
  return requestGateway(options, callInfoResource(options.isNoContainLastCall), parseCallInfoAnswer);
}

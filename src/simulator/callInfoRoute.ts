/** The gateway's `calldata` paths the simulator serves; any other path is a 404. */
export type GatewayRouteKind = 'callinfo' | 'allcallid' | 'callinfobycallid';

/** A matched `calldata` path: which interface, for which agent (and call). */
export interface GatewayRoute {
  readonly kind: GatewayRouteKind;
  /** Path-decoded. */
  readonly agentId: string;
  /** `callinfobycallid` only: the call ID, path-decoded. */
  readonly callid?: string;
}

const CALLDATA_PATH = /^\/agentgateway\/resource\/calldata\/([^/]+)\/(?:(callinfo|allcallid)|callinfobycallid\/([^/]+))$/;
const AGENT_ID = /^[0-9]+$/;

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    // A malformed escape names no agent or call: left as sent, it fails the checks that follow.
    return segment;
  }
}

/**
 * The interface and agent ID of a `calldata` path under `basePath` ("query call information",
 * "call IDs of all the agent's calls", "call information by call ID"), or `null` for any other path.
 */
export function matchCallInfoPath(pathname: string, basePath = ''): GatewayRoute | null {
  if (!pathname.startsWith(basePath)) return null;
  const match = CALLDATA_PATH.exec(pathname.slice(basePath.length));
  if (!match?.[1]) return null;
  const agentId = decode(match[1]);
  if (match[3] !== undefined) return { kind: 'callinfobycallid', agentId, callid: decode(match[3]) };
  return { kind: match[2] === 'allcallid' ? 'allcallid' : 'callinfo', agentId };
}

/** Whether the gateway accepts `agentId`: digits only, 101-999999. */
export function isGatewayAgentId(agentId: string): boolean {
  if (!AGENT_ID.test(agentId) || agentId.length > 6) return false;
  const value = Number(agentId);
  return value >= 101 && value <= 999_999;
}

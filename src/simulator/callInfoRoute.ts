const CALLINFO_PATH = /^\/agentgateway\/resource\/calldata\/([^/]+)\/callinfo$/;
const AGENT_ID = /^[0-9]+$/;

/** The agent ID in a "query call information" path under `basePath`, or `null` for any other path. */
export function matchCallInfoPath(pathname: string, basePath = ''): { agentId: string } | null {
  if (!pathname.startsWith(basePath)) return null;
  const match = CALLINFO_PATH.exec(pathname.slice(basePath.length));
  if (!match?.[1]) return null;
  try {
    return { agentId: decodeURIComponent(match[1]) };
  } catch {
    return { agentId: match[1] };
  }
}

/** Whether the gateway accepts `agentId`: digits only, 101-999999. */
export function isGatewayAgentId(agentId: string): boolean {
  if (!AGENT_ID.test(agentId) || agentId.length > 6) return false;
  const value = Number(agentId);
  return value >= 101 && value <= 999_999;
}

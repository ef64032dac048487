import { GatewaySimulator, type GatewaySimulatorOptions } from '../../src/simulator';

export const T0 = 1_700_000_000_000;
export const AGENT = '60015';

/** A simulator on a hand-driven clock. */
export function makeSim(options: GatewaySimulatorOptions = {}) {
  let t = T0;
  const sim = new GatewaySimulator({ now: () => t, ...options });
  return {
    sim,
    advance(ms: number) {
      t += ms;
    },
    set(ms: number) {
      t = ms;
    },
    now: () => t,
  };
}

export function callInfoUrl(agentId = AGENT, last?: boolean): string {
  const query = last === undefined ? '' : `?isNoContainLastCall=${last}`;
  return `/agentgateway/resource/calldata/${agentId}/callinfo${query}`;
}

/** GETs the interface through `sim.fetch`, as the client does. */
export async function query(
  sim: GatewaySimulator,
  options: { agentId?: string; guid?: string | null; last?: boolean; signal?: AbortSignal } = {},
) {
  const agentId = options.agentId ?? AGENT;
  const guid = options.guid === undefined ? sim.getGuid(agentId) : options.guid;
  const headers: Record<string, string> = { 'Content-Type': 'application/json; charset=UTF-8' };
  if (guid !== null) headers.Guid = guid;
  const response = await sim.fetch(callInfoUrl(agentId, options.last), {
    method: 'GET',
    headers,
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const text = await response.text();
  return { response, status: response.status, text, json: safeJson(text) };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The envelope of a JSON answer, typed loosely for assertions. */
export function envelope(json: unknown): { message: unknown; retcode: unknown; result?: Record<string, unknown> | null } {
  if (typeof json !== 'object' || json === null) throw new Error(`not an envelope: ${String(json)}`);
  return json as { message: unknown; retcode: unknown; result?: Record<string, unknown> | null };
}

/** The path of a sibling interface: `allcallid`, or `callinfobycallid/{callid}` (path-encoded). */
export function siblingUrl(kind: 'allcallid' | 'callinfobycallid', options: { agentId?: string; callid?: string } = {}): string {
  const base = `/agentgateway/resource/calldata/${options.agentId ?? AGENT}`;
  return kind === 'allcallid' ? `${base}/allcallid` : `${base}/callinfobycallid/${encodeURIComponent(options.callid ?? '')}`;
}

/** GETs any path through `sim.fetch` with the agent's current Guid (or the one given, or none for `null`). */
export async function get(sim: GatewaySimulator, path: string, options: { agentId?: string; guid?: string | null } = {}) {
  const guid = options.guid === undefined ? sim.getGuid(options.agentId ?? AGENT) : options.guid;
  const headers: Record<string, string> = { 'Content-Type': 'application/json; charset=UTF-8' };
  if (guid !== null) headers.Guid = guid;
  const response = await sim.fetch(path, { method: 'GET', headers });
  const text = await response.text();
  return { response, status: response.status, text, json: safeJson(text) };
}

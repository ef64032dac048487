import type { GatewayClock } from './gatewayClock';
import { GatewayError } from './GatewayError';

/** The Guid: a string, or a function read at every request (dynamic authentication rotates it). */
export type GuidSource = string | (() => string | Promise<string>);

/** What every request to the gateway needs: where, for whom, with which Guid, and how patiently. */
export interface GatewayRequestOptions {
  /** `https://host:port`, or a relative base (`''`, `'/cc'`) behind a reverse proxy. */
  baseUrl: string;
  /** The agent's work number: digits only, 101-999999. */
  agentId: string;
  guid: GuidSource;
  signal?: AbortSignal;
  /** Default 10000 ms. */
  timeoutMs?: number;
  /** Default `globalThis.fetch`. */
  fetch?: typeof globalThis.fetch;
  /** Learns the gateway's clock from each successful answer (see `createGatewayClock`). */
  clock?: GatewayClock;
}

/**
 * The Guid each failed answer was sent with ('' when there was none), for the hook to ask again
 * once the Guid source yields another. A side table, not a field: an error may be logged whole.
 */
const failedGuids = new WeakMap<GatewayError, string>();

function failedWith(error: GatewayError, guid: string): GatewayError {
  failedGuids.set(error, guid);
  return error;
}

/** The Guid `error` failed with: `''` for none, `undefined` when it came from no answer of the gateway's. */
export function failedGuid(error: GatewayError): string | undefined {
  return failedGuids.get(error);
}

/**
 * Reads the Guid source, trimmed (`Headers` would trim spaces and tabs anyway: the trimmed Guid
 * is the one sent and redacted); `''` when it yields nothing, not a string, or throws or rejects.
 */
export async function readGuid(source: GuidSource): Promise<string> {
  try {
    const guid = typeof source === 'function' ? await source() : source;
    // Spaces and tabs only: a CR or LF anywhere is refused below, not quietly trimmed away.
    return typeof guid === 'string' ? guid.replace(/^[ \t]+|[ \t]+$/g, '') : '';
  } catch {
    return '';
  }
}

export const DEFAULT_TIMEOUT_MS = 10_000;
const AGENT_ID_PATTERN = /^[1-9][0-9]{2,5}$/;
/**
 * What a header value cannot carry (RFC 9110 field-value: visible ASCII, space, tab, Latin-1 above
 * 0x7F): CR and LF would split the header, NUL ends it, and `Headers` throws a `TypeError` on code
 * points above 0xFF.
 */
const NOT_HEADER_SAFE = /[^\t\x20-\x7e\x80-\xff]/;

/** Whether `agentId` is a work number the gateway accepts: digits only, 101-999999. */
export function isValidAgentId(agentId: unknown): agentId is string {
  return typeof agentId === 'string' && AGENT_ID_PATTERN.test(agentId) && Number(agentId) >= 101;
}

/** The path of one of the agent's call-data interfaces (`callinfo`, `allcallid`...), relative to the base URL. */
export function callDataPath(agentId: string, resource: string): string {
  return `/agentgateway/resource/calldata/${encodeURIComponent(agentId)}/${resource}`;
}

/**
 * Reads an answer's JSON into its result: throws a {@link GatewayError} for a failure envelope
 * (its `retcode` and `message` passed through `redact` first) or a malformed answer.
 */
export type AnswerReader<T> = (json: unknown, redact: (text: string) => string) => T;

/**
 * One GET of a call-data interface, with everything every interface shares: the agent ID and
 * the Guid refused before any request, the Guid in a header and never in a URL or an error, a
 * timeout, the caller's abort, HTML and truncated bodies, and typed errors. `resource` is the
 * path after `calldata/{agentid}/`, its variable parts already encoded.
 */
export async function requestGateway<T>(options: GatewayRequestOptions, resource: string, read: AnswerReader<T>): Promise<T> {
  const { agentId, baseUrl, signal } = options;
  if (!isValidAgentId(agentId)) {
    throw new GatewayError('invalid-agent-id', 'The agent ID must be 101 to 999999.');
  }
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;

  const guid = await readGuid(options.guid);
  // Aborted while the Guid was read: the listener below would never hear it.
  signal?.throwIfAborted();
  if (!guid) throw failedWith(new GatewayError('not-signed-in', 'No Guid: not signed in.'), guid);
  if (NOT_HEADER_SAFE.test(guid)) {
    throw new GatewayError('invalid-request', 'The Guid cannot go in a header.');
  }
  /** The gateway's own words are copied into errors: they must not carry the Guid back. */
  const redact = (text: string) => text.replaceAll(guid, '[redacted]');

  const url = `${baseUrl.replace(/\/+$/, '')}${callDataPath(agentId, resource)}`;
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), timeoutMs);
  const onAbort = () => timeout.abort();
  signal?.addEventListener('abort', onAbort, { once: true });
  // Rejects at the timeout or the caller's abort, for a `fetch` (or a body) that ignores the signal.
  const abandoned = new Promise<never>((_resolve, reject) => timeout.signal.addEventListener('abort', reject));

  const sentAt = Date.now();
  try {
    let response: Response;
    let receivedAt: number;
    let body: string;
    try {
      const request = fetchImpl(url, {
        method: 'GET',
        headers: { 'Content-Type': 'application/json; charset=UTF-8', Guid: guid },
        signal: timeout.signal,
        cache: 'no-store',
      });
      response = await Promise.race([abandoned, request]);
      receivedAt = Date.now();
      body = await Promise.race([abandoned, response.text()]);
    } catch (cause) {
      throw requestFailure(cause, signal, timeout.signal, timeoutMs);
    }

    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch {
      if (!response.ok) throw httpError(response.status);
      throw new GatewayError('bad-response', 'The gateway sent no JSON.', { status: response.status });
    }
    let result: T;
    try {
      result = read(json, redact);
    } catch (error) {
      // A JSON error envelope with a retcode says more than the status; anything else on a
      // failed status is an HTTP failure.
      if (!response.ok && !(error instanceof GatewayError && error.retcode)) throw httpError(response.status);
      throw failedWith(error as GatewayError, guid);
    }
    // The result itself never teaches the clock: its moments are what a bad answer poisons.
    options.clock?.observe(sentAt, receivedAt, response.headers.get('date'));
    return result;
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}

function httpError(status: number): GatewayError {
  return new GatewayError('http', `The gateway answered HTTP ${status}.`, { status });
}

function requestFailure(cause: unknown, callerSignal: AbortSignal | undefined, timeoutSignal: AbortSignal, timeoutMs: number): unknown {
  if (callerSignal?.aborted) return callerSignal.reason ?? cause;
  if (timeoutSignal.aborted) {
    return new GatewayError('timeout', `The gateway did not answer within ${timeoutMs} ms.`);
  }
  return new GatewayError('network', 'The gateway could not be reached.', {
    cause: cause instanceof Error ? cause.name : undefined,
  });
}

/**
 * Failures the simulated gateway can be told to produce, as data (so they can also travel as
 * JSON to the server's control endpoint). Inject them with `GatewaySimulator.injectFault`.
 */
export type Fault =
  /** A failure envelope `{"message":…,"retcode":…,"result":null}`, HTTP `status` (default 200). */
  | { readonly kind: 'retcode'; readonly retcode: string; readonly message?: string; readonly status?: number }
  /** An HTML page instead of JSON: a proxy's 5xx page, or a 200 login/portal page (default 200). */
  | { readonly kind: 'html'; readonly status?: number }
  /** No body at all, HTTP `status` (default 200). */
  | { readonly kind: 'empty-body'; readonly status?: number }
  /** The first half of the JSON answer the gateway would have sent, HTTP `status` (default 200). */
  | { readonly kind: 'truncated-json'; readonly status?: number }
  /** Answer `ms` milliseconds late (combines with the other faults; honours abort). */
  | { readonly kind: 'delay'; readonly ms: number }
  /** The connection fails: `fetch` rejects with a `TypeError`, the server drops the socket. */
  | { readonly kind: 'network' }
  /** The agent's Guid rotates as the request arrives, so the request's Guid is already stale. */
  | { readonly kind: 'rotate-guid' };

export type FaultKind = Fault['kind'];

/** Shorthands for the faults tests and stories use most. */
export const faults = {
  /** Any retcode, HTTP 200 unless `status` is given. */
  retcode: (retcode: string, message?: string, status?: number): Fault => ({
    kind: 'retcode',
    retcode,
    ...(message === undefined ? {} : { message }),
    ...(status === undefined ? {} : { status }),
  }),
  /** `100-006`: the agent has not signed in. */
  notSignedIn: (): Fault => ({ kind: 'retcode', retcode: '100-006' }),
  /** `000-003`: no permission; the Guid may have expired. */
  authExpired: (): Fault => ({ kind: 'retcode', retcode: '000-003' }),
  /** `000-007`: the interface is invoked repeatedly. */
  rateLimited: (): Fault => ({ kind: 'retcode', retcode: '000-007' }),
  /** An HTML error page with a 5xx status. Default 502. */
  serverError: (status = 502): Fault => ({ kind: 'html', status }),
  /** An HTML page with HTTP 200 (a login or portal page from a proxy). */
  htmlPage: (status = 200): Fault => ({ kind: 'html', status }),
  /** An empty body. Default HTTP 200. */
  emptyBody: (status = 200): Fault => ({ kind: 'empty-body', status }),
  /** A JSON answer cut in the middle. Default HTTP 200. */
  truncatedJson: (status = 200): Fault => ({ kind: 'truncated-json', status }),
  /** Answer `ms` late. */
  delay: (ms: number): Fault => ({ kind: 'delay', ms }),
  /** `fetch` rejects with a `TypeError`. */
  networkFailure: (): Fault => ({ kind: 'network' }),
  /** The Guid rotates as the request arrives. */
  rotateGuid: (): Fault => ({ kind: 'rotate-guid' }),
} as const;

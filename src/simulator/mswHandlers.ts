import type { GatewaySimulator } from './GatewaySimulator';

/**
 * The part of Mock Service Worker's `http` namespace this needs: pass MSW's own
 * (`import { http } from 'msw'`), so the simulator itself does not depend on MSW.
 */
export interface MswHttp<Handler> {
  get(path: string, resolver: (info: { request: Request }) => Promise<Response>): Handler;
}

/**
 * Request handlers for Mock Service Worker that answer "query call information" and its siblings
 * `allcallid` and `callinfobycallid/{callid}` from the
 * simulator (its `Date` header, from the simulator's clock, included), on any origin and under
 * any base path. An injected network failure becomes `Response.error()`, which MSW turns into a
 * failed fetch, as a dropped connection is.
 *
 * @example
 * import { http } from 'msw';
 * import { setupWorker } from 'msw/browser';
 * const worker = setupWorker(...createMswHandlers(sim, http));
 */
export function createMswHandlers<Handler>(simulator: GatewaySimulator, http: MswHttp<Handler>): Handler[] {
  const resolver = async ({ request }: { request: Request }) => {
    try {
      return await simulator.handle(request);
    } catch (error) {
      if (error instanceof TypeError) return Response.error();
      throw error;
    }
  };
  return MSW_PATHS.map((path) => http.get(path, resolver));
}

/** The interfaces' paths, on any origin and base path: call information, all call IDs, call information by call ID. */
const MSW_PATHS = [
  '*/agentgateway/resource/calldata/:agentId/callinfo',
  '*/agentgateway/resource/calldata/:agentId/allcallid',
  '*/agentgateway/resource/calldata/:agentId/callinfobycallid/:callId',
] as const;

import { raceAbort, throwIfAborted, timerSleep } from './abortable';
import { isGatewayAgentId, matchCallInfoPath, type GatewayRoute } from './callInfoRoute';
import { FaultBoard, type ActiveFault, type FaultOptions } from './FaultBoard';
import type { Fault, FaultKind } from './faults';
import { failureBody, htmlResponse, jsonResponse, emptyResponse, siblingBody, successBody } from './gatewayResponses';
import { RequestLog } from './RequestLog';
import { shiftCallTimes } from './renderCall';
import type { ScenarioId } from './scenarios';
import {
  SimulatedAgent,
  type AgentView,
  type CallTarget,
  type ConsultOptions,
  type ReleaseOptions,
  type SetScenarioOptions,
  type SimulatedAgentOptions,
  type StartCallOptions,
} from './SimulatedAgent';
import { SimulatorError } from './SimulatorError';
import type { WireCallIds, WireCallInfo } from './wire';

/** The agent a simulator has when none are given. */
export const DEFAULT_AGENT_ID = '60015';

/** How a simulator is built. Every option has a default. */
export interface GatewaySimulatorOptions {
  /** The clock, epoch ms, also the `Date` header of every answer. Default `Date.now`. */
  now?: () => number;
  /** How the `delay` fault waits. Default: `setTimeout` (works with fake timers). */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Default: one agent, {@link DEFAULT_AGENT_ID}, signed in, idle. */
  agents?: readonly SimulatedAgentOptions[];
  /** A path prefix in front of `/agentgateway/...` (e.g. `'/cc'` behind a proxy). Default `''`. */
  basePath?: string;
  /** The origin relative URLs given to `fetch` resolve against. Default `'https://cc-gateway.invalid:8043'`. */
  origin?: string;
  /** Seed of the generated Guids. Default 1. */
  seed?: number;
  /** How many request-log entries are kept. Default 1000. */
  requestLogLimit?: number;
}

/** The simulator's state for UIs and the control endpoint. Never holds a Guid. */
export interface SimulatorState {
  readonly now: number;
  /** How far the gateway's clock reads from the simulator's (`now`), ms: see `setClockOffset`. */
  readonly clockOffsetMs: number;
  readonly agents: readonly AgentView[];
  readonly faults: readonly ActiveFault[];
  readonly requestCount: number;
}

interface Answer {
  readonly response: Response;
  readonly retcode: string | null;
  readonly fault: FaultKind | null;
}

/**
 * A deterministic CC-Gateway that answers "query call information" exactly as the interface
 * does, real-world quirks included, and its siblings `allcallid` and `callinfobycallid/{callid}`
 * for agents with several calls (same envelope, checks, error codes and injected faults). Runs in the browser and in Node (no Node-only imports).
 * Every answer carries a `Date` header from the simulator's own clock, as a real server's does.
 *
 * @example
 * const sim = new GatewaySimulator({ now: () => clock });
 * sim.setScenario('60015', 'inbound-voice');
 * await fetchCallInfo({ baseUrl: '', agentId: '60015', guid: () => sim.getGuid('60015'), fetch: sim.fetch });
 */
export class GatewaySimulator {
  /** Every request received (never the Guid). */
  readonly requests: RequestLog;
  private readonly agents = new Map<string, SimulatedAgent>();
  private readonly faultBoard = new FaultBoard();
  private readonly now: () => number;
  private clockOffsetMs = 0;
  private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  private readonly basePath: string;
  private readonly origin: string;
  private readonly seed: number;
  private callSeq = 224;

  constructor(options: GatewaySimulatorOptions = {}) {
    this.now = options.now ?? (() => Date.now());
    this.sleep = options.sleep ?? timerSleep;
    this.basePath = (options.basePath ?? '').replace(/\/+$/, '');
    this.origin = options.origin ?? 'https://cc-gateway.invalid:8043';
    this.seed = options.seed ?? 1;
    this.requests = new RequestLog(options.requestLogLimit);
    for (const agent of options.agents ?? [{ agentId: DEFAULT_AGENT_ID }]) this.addAgent(agent);
  }

  /** Adds an agent (signed in and idle unless told otherwise). */
  addAgent(options: SimulatedAgentOptions): void {
    if (this.agents.has(options.agentId)) {
      throw new SimulatorError('invalid-argument', `Agent ${options.agentId} already exists.`);
    }
    this.agents.set(options.agentId, new SimulatedAgent(options, {
      now: this.now,
      seed: this.seed,
      nextCallSeq: () => this.callSeq++,
    }));
  }

  /** The agents' IDs, in the order they were added. */
  get agentIds(): string[] {
    return [...this.agents.keys()];
  }

  /** The agent's Guid valid right now (read it at every request: it may rotate). */
  getGuid(agentId: string): string {
    return this.agent(agentId).guid();
  }

  /** A new Guid for one agent, or for every agent; the old one is refused from now on. */
  rotateGuid(agentId?: string): void {
    for (const agent of agentId === undefined ? this.agents.values() : [this.agent(agentId)]) agent.rotateGuid();
  }

  /** Rotates the agent's Guid every `everyMs` from now on (dynamic authentication); `null` stops it. */
  setGuidRotation(agentId: string, everyMs: number | null): void {
    this.agent(agentId).setGuidRotation(everyMs);
  }

  /** Signs the agent in (a signed-out agent gets a new Guid); returns the Guid, as sign-in does. */
  signIn(agentId: string): string {
    return this.agent(agentId).signIn();
  }

  /** Signs the agent out: its requests get `100-006`; the calls in progress are dropped. */
  signOut(agentId: string): void {
    this.agent(agentId).signOut();
  }

  /** Plays a scenario for the agent, from `startAt` (default now). The call it replaces, once released, stays the last call. */
  setScenario(agentId: string, scenarioId: ScenarioId, options: SetScenarioOptions = {}): void {
    this.agent(agentId).setScenario(scenarioId, options);
  }

  /**
   * Starts a call now, under manual control (default: an inbound voice call, talking). While every
   * call of the agent is held it is added beside them; while one is live and not held it is refused.
   */
  startCall(agentId: string, options: StartCallOptions = {}): void {
    this.agent(agentId).startCall(options);
  }

  /** Answers the agent's queued or ringing call: the current one, or `target.callid`. */
  answer(agentId: string, target: CallTarget = {}): void {
    this.agent(agentId).answer(target);
  }

  /** Holds the agent's call (it must be talking): the current one, or `target.callid`. */
  hold(agentId: string, target: CallTarget = {}): void {
    this.agent(agentId).hold(target);
  }

  /** Takes the agent's held call back: the current one, or `target.callid`. */
  unhold(agentId: string, target: CallTarget = {}): void {
    this.agent(agentId).unhold(target);
  }

  /** Ends the agent's call (the current one, or `options.callid`); it becomes the last call. Default leave reason 16 (the agent released it). */
  release(agentId: string, options: ReleaseOptions = {}): void {
    this.agent(agentId).release(options);
  }

  /**
   * Holds the agent's current call and starts an internal consultation (call type 51) to a
   * colleague, ringing (default) or talking: the agent then has two calls, the consultation current.
   */
  consult(agentId: string, options: ConsultOptions = {}): void {
    this.agent(agentId).consult(options);
  }

  /** The `result` the gateway would serve the agent now (`null`: no call). */
  peekCall(agentId: string, options: { includeLastCall?: boolean } = {}): WireCallInfo | null {
    return shiftCallTimes(this.agent(agentId).serve(options.includeLastCall ?? false), this.clockOffsetMs);
  }

  /** The agent's live call IDs, in the order the calls began (what `allcallid` lists, before wire quirks). */
  peekCallIds(agentId: string): string[] {
    return this.agent(agentId).callIds();
  }

  /** One of the agent's live calls without its trace (what `callinfobycallid` answers, before wire quirks); `null` for a call it does not have. */
  peekCallById(agentId: string, callid: string): WireCallInfo | null {
    return shiftCallTimes(this.agent(agentId).callById(callid), this.clockOffsetMs);
  }

  /** Injects a fault for every agent or one (`agentId`), until cleared or for `times` requests. Returns its ID. */
  injectFault(fault: Fault, options: FaultOptions = {}): number {
    return this.faultBoard.add(fault, options);
  }

  /** Removes one injected fault by ID. */
  removeFault(id: number): boolean {
    return this.faultBoard.remove(id);
  }

  /** Removes every injected fault, or only those injected for `agentId`. */
  clearFaults(agentId?: string): void {
    this.faultBoard.clear(agentId);
  }

  /**
   * Makes the gateway's clock read `offsetMs` away from the simulator's (the `now` option, the
   * desktop's in a demo): ahead (> 0) or behind (< 0). Every moment it reports (begin, end,
   * trace times) and every `Date` header is shifted by it; the calls themselves go on unchanged,
   * as a real call does whatever a server's clock says. 0 puts it back in step.
   */
  setClockOffset(offsetMs: number): void {
    if (!Number.isFinite(offsetMs)) throw new SimulatorError('invalid-argument', 'The clock offset must be a finite number of ms.');
    this.clockOffsetMs = offsetMs;
  }

  /** The simulator's state, for UIs and the control endpoint. */
  state(): SimulatorState {
    return {
      now: this.now(),
      clockOffsetMs: this.clockOffsetMs,
      agents: [...this.agents.values()].map((agent) => agent.view()),
      faults: this.faultBoard.list(),
      requestCount: this.requests.count,
    };
  }

  /**
   * Answers one request as the gateway would: success or failure envelopes, HTML pages, empty or
   * truncated bodies, 404/405; each with a `Date` header (IMF-fixdate) from the simulator's clock,
   * read as the answer is produced (after any injected delay). Rejects with the signal's abort
   * reason (an `AbortError` DOMException by default) when `request.signal` aborts, and with a
   * `TypeError` for an injected network failure, as `fetch` does.
   */
  handle(request: Request): Promise<Response> {
    return this.respond(request, request.signal);
  }

  /** A `fetch` for the client's `fetch` option: bound, honours `init.signal`, resolves relative URLs against `origin`. */
  readonly fetch = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    try {
      const request = typeof input === 'object' && 'url' in input && 'headers' in input ? (input as Request) : null;
      const url = new URL(request ? request.url : String(input), this.origin);
      const headers = new Headers(request?.headers);
      new Headers(init?.headers).forEach((value, key) => headers.set(key, value));
      const method = init?.method ?? request?.method ?? 'GET';
      const signal = init?.signal ?? request?.signal;
      return this.respond(new Request(url, { method, headers }), signal ?? undefined);
    } catch (error) {
      return Promise.reject(error);
    }
  };

  private agent(agentId: string): SimulatedAgent {
    const agent = this.agents.get(agentId);
    if (!agent) throw new SimulatorError('unknown-agent', `There is no simulated agent ${agentId}.`);
    return agent;
  }

  private async respond(request: Request, signal: AbortSignal | undefined): Promise<Response> {
    throwIfAborted(signal);
    const url = new URL(request.url);
    const route = matchCallInfoPath(url.pathname, this.basePath);
    const finish = this.requests.start({
      time: this.now(),
      method: request.method,
      agentId: route?.agentId ?? null,
      path: url.pathname + url.search,
    });
    try {
      const answer = await this.produce(request, url, route, signal);
      // The server's clock, read now (after any delay): what a client corrects clock skew with.
      answer.response.headers.set('Date', new Date(this.now() + this.clockOffsetMs).toUTCString());
      finish({ outcome: 'answered', status: answer.response.status, retcode: answer.retcode, fault: answer.fault });
      return answer.response;
    } catch (error) {
      const outcome = signal?.aborted ? 'aborted' : 'network-error';
      finish({ outcome, status: null, retcode: null, fault: outcome === 'network-error' ? 'network' : null });
      throw error;
    }
  }

  private async produce(request: Request, url: URL, route: GatewayRoute | null, signal: AbortSignal | undefined): Promise<Answer> {
    if (route === null) return { response: htmlResponse(404), retcode: null, fault: null };
    if (request.method !== 'GET') return { response: htmlResponse(405, { Allow: 'GET' }), retcode: null, fault: null };

    const { agentId } = route;
    // Faults apply per agent to every route: a gateway in trouble is in trouble for all its
    // interfaces; a fault's `times` counts the polls of "query call information".
    const plan = this.faultBoard.take(agentId, route.kind === 'callinfo');
    if (plan.delayMs > 0) await raceAbort(this.sleep(plan.delayMs, signal), signal);
    throwIfAborted(signal);
    const agent = this.agents.get(agentId);
    if (plan.rotateGuid) agent?.rotateGuid();
    const fault = plan.answer;
    if (fault?.kind === 'network') throw new TypeError('fetch failed');
    if (fault?.kind === 'retcode') {
      return { response: jsonResponse(failureBody(fault.retcode, fault.message), fault.status), retcode: fault.retcode, fault: fault.kind };
    }
    if (fault?.kind === 'html') return { response: htmlResponse(fault.status ?? 200), retcode: null, fault: fault.kind };
    if (fault?.kind === 'empty-body') return { response: emptyResponse(fault.status), retcode: null, fault: fault.kind };

    const { body, retcode } = this.gatewayAnswer(route, url.searchParams, request.headers);
    if (fault?.kind === 'truncated-json') {
      return { response: jsonResponse(body.slice(0, Math.floor(body.length / 2)), fault.status), retcode: null, fault: fault.kind };
    }
    return { response: jsonResponse(body), retcode, fault: null };
  }

  /** The gateway's own checks, in its order: parameters, agent, Guid, sign-in; then the call(s). */
  private gatewayAnswer(route: GatewayRoute, query: URLSearchParams, headers: Headers): { body: string; retcode: string } {
    const { agentId } = route;
    const fail = (retcode: string) => ({ body: failureBody(retcode), retcode });
    // Only "query call information" takes the parameter; the siblings ignore a query string.
    const lastCallParam = route.kind === 'callinfo' ? query.get('isNoContainLastCall') : null;
    if (!isGatewayAgentId(agentId)) return fail('000-002');
    if (lastCallParam !== null && !/^(true|false)$/i.test(lastCallParam)) return fail('000-002');
    const agent = this.agents.get(agentId);
    if (!agent) return fail('100-006');
    const guid = headers.get('Guid');
    if (guid === null || guid !== agent.guid()) return fail('000-003');
    if (!agent.signedIn) return fail('100-006');
    const style = agent.wireStyle();
    if (route.kind === 'allcallid') {
      const ids = agent.callIds();
      const result: WireCallIds = ids.length === 0 && style.noCallIds === 'null'
        ? null
        // Only IDs a JSON number holds exactly: a longer one would arrive changed.
        : ids.map((id) => (style.callIdsAsNumbers && /^[1-9][0-9]{0,14}$/.test(id) ? Number(id) : id));
      return { body: siblingBody(result, style), retcode: '0' };
    }
    if (route.kind === 'callinfobycallid') {
      const call = shiftCallTimes(agent.callById(route.callid ?? ''), this.clockOffsetMs);
      return { body: siblingBody(call === null ? null : style.callInfoByCallId === 'list' ? [call] : call, style), retcode: '0' };
    }
    const result = shiftCallTimes(agent.serve(lastCallParam?.toLowerCase() === 'true'), this.clockOffsetMs);
    return { body: successBody(result, style), retcode: '0' };
  }
}

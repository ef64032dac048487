import type { Fault, ScenarioId, SimulatorState } from '../src/simulator';

/** A control request the simulator refused (409 "already has a call", 400...), or could not be reached. */
export class ControlError extends Error {
  override readonly name = 'ControlError';
  constructor(
    message: string,
    readonly status: number | null,
  ) {
    super(message);
  }
}

/** A scenario as `GET /__sim/scenarios` lists it. */
export interface ScenarioSummary {
  readonly id: ScenarioId;
  readonly title: string;
  readonly description: string;
}

type CallState = 'queued' | 'ringing' | 'talking';

/**
 * The simulator's control endpoint (`/__sim/…`) over HTTP. It answers JSON, never the Guid except
 * to `signIn()`, whose answer goes straight to the session and nowhere else (no log, no state).
 */
export class SimControl {
  constructor(
    readonly baseUrl: string,
    readonly agentId: string,
  ) {}

  state(): Promise<SimulatorState> {
    return this.request<SimulatorState>('GET', '/state');
  }

  scenarios(): Promise<readonly ScenarioSummary[]> {
    return this.request<readonly ScenarioSummary[]>('GET', '/scenarios');
  }

  /** Signs the agent in and returns the Guid (the only answer that carries one). */
  async signIn(): Promise<string> {
    const { guid } = await this.request<{ guid: string }>('POST', '/signin', { agentId: this.agentId });
    if (typeof guid !== 'string' || guid === '') throw new ControlError('Sign-in answered no Guid.', 200);
    return guid;
  }

  signOut() {
    return this.post('/signout', { agentId: this.agentId });
  }

  startCall(like: Exclude<ScenarioId, 'idle'>, state: CallState) {
    return this.post('/call/start', { agentId: this.agentId, like, state });
  }

  playScenario(scenarioId: ScenarioId) {
    return this.post('/scenario', { agentId: this.agentId, scenarioId });
  }

  answer() {
    return this.post('/call/answer', { agentId: this.agentId });
  }

  hold() {
    return this.post('/call/hold', { agentId: this.agentId });
  }

  unhold() {
    return this.post('/call/unhold', { agentId: this.agentId });
  }

  release() {
    return this.post('/call/release', { agentId: this.agentId });
  }

  /** Holds the current call and calls a colleague: the consultation rings, then becomes the current call. */
  consult() {
    return this.post('/call/consult', { agentId: this.agentId });
  }

  injectFault(fault: Fault, times?: number) {
    return this.post('/fault', { fault, agentId: this.agentId, ...(times === undefined ? {} : { times }) });
  }

  clearFaults() {
    return this.post('/faults/clear', {});
  }

  /** Sets the gateway's clock `offsetMs` ahead (> 0) or behind (< 0) its real time. */
  setClockOffset(offsetMs: number) {
    return this.post('/clock', { offsetMs });
  }

  rotateGuid() {
    return this.post('/guid/rotate', { agentId: this.agentId });
  }

  /** POSTs answer `{ ok, state, … }`; only the state is kept (never the rest of the body). */
  private async post(route: string, body: unknown): Promise<SimulatorState> {
    const answer = await this.request<{ state: SimulatorState }>('POST', route, body);
    return answer.state;
  }

  private async request<T>(method: 'GET' | 'POST', route: string, body?: unknown): Promise<T> {
    let response: Response;
    try {
      response = await fetch(`${this.baseUrl}/__sim${route}`, {
        method,
        cache: 'no-store',
        ...(body === undefined ? {} : { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }),
      });
    } catch {
      throw new ControlError(`The simulator at ${this.baseUrl} cannot be reached.`, null);
    }
    let json: unknown;
    try {
      json = await response.json();
    } catch {
      throw new ControlError(`The simulator answered ${route} with something other than JSON.`, response.status);
    }
    if (!response.ok) {
      const said = typeof json === 'object' && json !== null && typeof (json as { error?: unknown }).error === 'string'
        ? (json as { error: string }).error
        : `HTTP ${response.status}`;
      throw new ControlError(said, response.status);
    }
    return json as T;
  }
}

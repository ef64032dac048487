import type { CallEvent, CallScript, CallStep, CallTemplate } from './CallScript';
import { deriveGuid } from './deriveGuid';
import { evaluateCall, type CallSnapshot } from './evaluateCall';
import type { SimCallPhase } from './foldCallSteps';
import { SCENARIOS, type ScenarioId } from './scenarios';
import { SimulatorError } from './SimulatorError';
import { DEFAULT_WIRE_STYLE, type WireCallInfo, type WireStyle } from './wire';

/** One agent of the simulated gateway, as configured. */
export interface SimulatedAgentOptions {
  /** The work number, e.g. `'60015'`. */
  agentId: string;
  /** Default `true`. */
  signedIn?: boolean;
  /** The Guid of the first session. Default: a deterministic UUID-shaped token. */
  guid?: string;
  /** Rotate the Guid every this many ms (dynamic authentication, AUTHMODE 2). Default: never. */
  guidRotationMs?: number;
  /** Default `'idle'`. */
  scenario?: ScenarioId;
  /** Wire quirks over the scenario's. */
  wire?: Partial<WireStyle>;
}

/** Options of `setScenario`. */
export interface SetScenarioOptions {
  /** Epoch ms (on the simulator's clock) the scenario starts at; may be in the future. Default: now. */
  startAt?: number;
  /** Play the scenario again every this many ms (must be longer than the call). Default: once. */
  repeatEveryMs?: number;
  /** Wire quirks over the scenario's own. */
  wire?: Partial<WireStyle>;
}

/** Options of `startCall`. */
export interface StartCallOptions {
  /** The scenario whose call fields to use. Default `'inbound-voice'`. */
  like?: Exclude<ScenarioId, 'idle'>;
  /** Where the call starts. Default `'talking'`. */
  state?: 'queued' | 'ringing' | 'talking';
  /** Field overrides: caller, called, calldata... */
  fields?: Partial<CallTemplate>;
  /** Wire quirks; default: the agent's current ones. */
  wire?: Partial<WireStyle>;
}

/** Options of `release`. */
export interface ReleaseOptions {
  /** The trace's `leaveReason`. Default 16 (the agent released the call); 15 is the user. */
  leaveReason?: number;
}

/** What a UI or the control endpoint shows about an agent. Never holds the Guid. */
export interface AgentView {
  readonly agentId: string;
  readonly signedIn: boolean;
  readonly scenarioId: ScenarioId | null;
  /** The call is under manual control (`startCall`, `hold`...) rather than following the scenario's script. */
  readonly manual: boolean;
  readonly phase: SimCallPhase;
  readonly callid: string | null;
  readonly hasLastCall: boolean;
  readonly guidRotationMs: number | null;
}

interface Session {
  readonly scenarioId: ScenarioId;
  script: CallScript | null;
  startedAt: number;
  readonly callSeq: number;
  repeatEveryMs: number | null;
  readonly style: WireStyle;
  manual: boolean;
}

interface Placement {
  readonly startedAt: number;
  readonly elapsed: number;
  readonly iteration: number;
}

/** Services the agent takes from its simulator. */
export interface AgentDeps {
  readonly now: () => number;
  readonly seed: number;
  readonly nextCallSeq: () => number;
}

const LIVE: readonly SimCallPhase[] = ['queued', 'ringing', 'talking', 'held'];

/** One simulated agent: sign-in state, Guid, and the call script it is playing. */
export class SimulatedAgent {
  readonly agentId: string;
  private signedInFlag: boolean;
  private signedInAt: number;
  private readonly fixedGuid: string | null;
  private rotations = 0;
  private rotation: { everyMs: number; since: number } | null = null;
  private session: Session | null = null;
  private storedLast: WireCallInfo | null = null;
  private style: WireStyle;

  private readonly deps: AgentDeps;

  constructor(options: SimulatedAgentOptions, deps: AgentDeps) {
    this.deps = deps;
    this.agentId = options.agentId;
    this.signedInFlag = options.signedIn ?? true;
    this.signedInAt = deps.now();
    this.fixedGuid = options.guid ?? null;
    this.style = { ...DEFAULT_WIRE_STYLE, ...options.wire };
    if (options.guidRotationMs !== undefined) this.setGuidRotation(options.guidRotationMs);
    this.setScenario(options.scenario ?? 'idle', { ...(options.wire ? { wire: options.wire } : {}) });
  }

  get signedIn(): boolean {
    return this.signedInFlag;
  }

  /** The Guid valid right now. */
  guid(): string {
    const auto = this.rotation ? Math.floor((this.deps.now() - this.rotation.since) / this.rotation.everyMs) : 0;
    const generation = this.rotations + Math.max(0, auto);
    if (generation === 0 && this.fixedGuid !== null) return this.fixedGuid;
    return deriveGuid(this.deps.seed, this.agentId, generation);
  }

  rotateGuid(): void {
    this.rotations += 1;
  }

  /** Rotate every `everyMs` from now on; `null` stops rotating (the current Guid stays). */
  setGuidRotation(everyMs: number | null): void {
    if (everyMs !== null && !(Number.isFinite(everyMs) && everyMs > 0)) {
      throw new SimulatorError('invalid-argument', 'guidRotationMs must be a positive number of milliseconds.');
    }
    if (this.rotation) {
      this.rotations += Math.max(0, Math.floor((this.deps.now() - this.rotation.since) / this.rotation.everyMs));
    }
    this.rotation = everyMs === null ? null : { everyMs, since: this.deps.now() };
  }

  /** Signs in (a new session gets a new Guid if the agent was signed out); returns the Guid. */
  signIn(): string {
    if (!this.signedInFlag) {
      this.signedInFlag = true;
      this.signedInAt = this.deps.now();
      this.rotateGuid();
    }
    return this.guid();
  }

  /** Signs out: the call in progress is dropped; the last call is kept. */
  signOut(): void {
    this.storedLast = this.snapshot().last;
    this.signedInFlag = false;
    this.session = null;
  }

  /** The call now: in progress, and the last one. */
  snapshot(): CallSnapshot & { readonly callid: string | null } {
    const session = this.session;
    const place = session ? this.place(session) : null;
    if (!session || !place || place.elapsed < 0) {
      return { phase: 'not-started', current: null, last: this.storedLast, callid: null };
    }
    const now = this.deps.now();
    const snap = evaluateCall(session.script, place.elapsed, this.context(session, place.startedAt, place.iteration));
    let last = snap.last;
    if (last === null && place.iteration > 0 && session.repeatEveryMs !== null) {
      const previousStart = place.startedAt - session.repeatEveryMs;
      last = evaluateCall(session.script, now - previousStart, this.context(session, previousStart, place.iteration - 1)).last;
    }
    return { ...snap, last: last ?? this.storedLast, callid: snap.current?.callid ?? null };
  }

  /** The `result` the gateway serves: the call in progress, else (if asked) the last call, else `null`. */
  serve(includeLastCall: boolean): WireCallInfo | null {
    const snap = this.snapshot();
    return snap.current ?? (includeLastCall ? snap.last : null);
  }

  /** The wire style the agent's answers have now. */
  wireStyle(): WireStyle {
    return this.session?.style ?? this.style;
  }

  setScenario(scenarioId: ScenarioId, options: SetScenarioOptions = {}): void {
    const scenario = SCENARIOS[scenarioId];
    const repeat = options.repeatEveryMs ?? null;
    if (repeat !== null && !(scenario.releaseAt !== null && Number.isFinite(repeat) && repeat > scenario.releaseAt)) {
      throw new SimulatorError('invalid-argument', `repeatEveryMs must be longer than the call of "${scenarioId}".`);
    }
    this.storedLast = this.snapshot().last;
    const style: WireStyle = { ...DEFAULT_WIRE_STYLE, ...scenario.wire, ...options.wire };
    this.style = style;
    this.session = {
      scenarioId,
      script: scenario.script,
      startedAt: options.startAt ?? this.deps.now(),
      callSeq: scenario.script === null ? 0 : this.deps.nextCallSeq(),
      repeatEveryMs: repeat,
      style,
      manual: false,
    };
  }

  startCall(options: StartCallOptions = {}): void {
    this.requireSignedIn();
    if (LIVE.includes(this.snapshot().phase)) {
      throw new SimulatorError('invalid-state', `Agent ${this.agentId} already has a call.`);
    }
    const like = options.like ?? 'inbound-voice';
    const script = SCENARIOS[like].script;
    if (script === null) throw new SimulatorError('invalid-argument', `Scenario "${like}" has no call.`);
    const state = options.state ?? 'talking';
    const steps: CallStep[] =
      state === 'queued' ? [{ at: 0, event: 'queue' }]
        : state === 'ringing' ? [{ at: 0, event: 'ring' }]
          : [{ at: 0, event: 'ring' }, { at: 0, event: 'answer' }];
    this.setScenario(like, options.wire ? { wire: { ...this.style, ...options.wire } } : { wire: this.style });
    if (this.session) {
      this.session.script = { template: { ...script.template, ...options.fields }, steps };
      this.session.manual = true;
    }
  }

  /** Answers a queued or ringing call. */
  answer(): void {
    const phase = this.snapshot().phase;
    if (phase === 'queued') this.append('ring');
    this.append('answer', {}, ['ringing']);
  }

  hold(): void {
    this.append('hold', {}, ['talking']);
  }

  unhold(): void {
    this.append('unhold', {}, ['held']);
  }

  release(options: ReleaseOptions = {}): void {
    this.append('release', { leaveReason: options.leaveReason ?? 16 }, LIVE);
  }

  view(): AgentView {
    const snap = this.snapshot();
    return {
      agentId: this.agentId,
      signedIn: this.signedInFlag,
      scenarioId: this.session?.scenarioId ?? null,
      manual: this.session?.manual ?? false,
      phase: snap.phase,
      callid: snap.callid,
      hasLastCall: snap.last !== null,
      guidRotationMs: this.rotation?.everyMs ?? null,
    };
  }

  private requireSignedIn(): void {
    if (!this.signedInFlag) throw new SimulatorError('invalid-state', `Agent ${this.agentId} has not signed in.`);
  }

  /**
   * Adds a step now. The scripted steps still to come are dropped (the call is under manual
   * control from here on) and a repeating scenario stops repeating.
   */
  private append(event: CallEvent, extra: Partial<CallStep> = {}, allowed: readonly SimCallPhase[] = LIVE): void {
    this.requireSignedIn();
    const session = this.session;
    const phase = this.snapshot().phase;
    if (!session || session.script === null || !allowed.includes(phase)) {
      throw new SimulatorError('invalid-state', `Cannot ${event} agent ${this.agentId}'s call while it is ${phase}.`);
    }
    const place = this.place(session);
    session.startedAt = place.startedAt;
    session.repeatEveryMs = null;
    session.manual = true;
    const kept = session.script.steps.filter((step) => step.at <= place.elapsed);
    session.script = { template: session.script.template, steps: [...kept, { ...extra, at: place.elapsed, event }] };
  }

  private place(session: Session): Placement {
    const elapsed = this.deps.now() - session.startedAt;
    if (session.repeatEveryMs === null || elapsed < 0) return { startedAt: session.startedAt, elapsed, iteration: 0 };
    const iteration = Math.floor(elapsed / session.repeatEveryMs);
    const startedAt = session.startedAt + iteration * session.repeatEveryMs;
    return { startedAt, elapsed: elapsed - iteration * session.repeatEveryMs, iteration };
  }

  private context(session: Session, startedAt: number, iteration: number) {
    return {
      startedAt,
      callid: `${Math.floor(startedAt / 1000)}-${session.callSeq + iteration}`,
      signedInAt: this.signedInAt,
      style: session.style,
    };
  }
}

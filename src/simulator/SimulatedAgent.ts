import type { CallEvent, CallScript, CallStep, CallTemplate } from './CallScript';
import { deriveGuid } from './deriveGuid';
import type { CallSnapshot } from './evaluateCall';
import { evaluateCalls, type CallLeg, type CallsSnapshot } from './evaluateCalls';
import type { SimCallPhase } from './foldCallSteps';
import { toCallById } from './renderCall';
import { CONSULT_TEMPLATE, SCENARIOS, type ScenarioId } from './scenarios';
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

/** Which of the agent's calls a manual control acts on. */
export interface CallTarget {
  /** One of the agent's live call IDs (as `allcallid` lists them). Default: the current call, the one "query call information" answers with. */
  callid?: string;
}

/** Options of `release`. */
export interface ReleaseOptions extends CallTarget {
  /** The trace's `leaveReason`. Default 16 (the agent released the call); 15 is the user. */
  leaveReason?: number;
}

/** Options of `consult`. */
export interface ConsultOptions {
  /** The colleague consulted. Default `'2006'`. */
  called?: string;
  /** Where the consultation starts: ringing at the colleague (default) or already answered. */
  state?: 'ringing' | 'talking';
  /** Field overrides (e.g. `callfeature: 52` for a consultation meant to become three-party). */
  fields?: Partial<CallTemplate>;
}

/** One of an agent's live calls, as a UI shows it. */
export interface AgentCallView {
  readonly callid: string;
  readonly phase: SimCallPhase;
  readonly held: boolean;
  /** The call "query call information" answers with. */
  readonly current: boolean;
}

/** What a UI or the control endpoint shows about an agent. Never holds the Guid. */
export interface AgentView {
  readonly agentId: string;
  readonly signedIn: boolean;
  readonly scenarioId: ScenarioId | null;
  /** The call is under manual control (`startCall`, `hold`...) rather than following the scenario's script. */
  readonly manual: boolean;
  /** The current call's phase (see `calls`). */
  readonly phase: SimCallPhase;
  /** The current call's ID: the call "query call information" answers with. */
  readonly callid: string | null;
  /** Every live call, in the order they began (what `allcallid` lists). */
  readonly calls: readonly AgentCallView[];
  readonly hasLastCall: boolean;
  readonly guidRotationMs: number | null;
}

/** One call of a session: its script, on the session's clock. */
interface Leg {
  script: CallScript;
  /** Its sequence number once fixed (under manual control, or added by hand); `null`: from the session's and the repetition. */
  seq: number | null;
}

interface Session {
  readonly scenarioId: ScenarioId;
  legs: Leg[];
  startedAt: number;
  readonly callSeq: number;
  /** Sequence numbers one play uses: one per scripted call. */
  readonly seqPerPlay: number;
  repeatEveryMs: number | null;
  style: WireStyle;
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

/**
 * One simulated agent: sign-in state, Guid, and the calls it is playing: usually one, several in
 * a consultation, a conference, or a new call while one is held (each on the session's clock).
 */
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

  /** Signs out: the calls in progress are dropped; the last call is kept. */
  signOut(): void {
    this.storedLast = this.snapshot().last;
    this.signedInFlag = false;
    this.session = null;
  }

  /** The call now: in progress (the current one), and the last one. */
  snapshot(): CallSnapshot & { readonly callid: string | null } {
    const calls = this.calls();
    return { phase: calls.phase, current: calls.current?.current ?? null, last: calls.last, callid: calls.current?.callid ?? null };
  }

  /** Every call now: the live ones in the order they began, the current one, the last one. */
  calls(): CallsSnapshot {
    const session = this.session;
    const place = session ? this.place(session) : null;
    if (!session || !place || place.elapsed < 0) {
      return { live: [], current: null, last: this.storedLast, phase: 'not-started' };
    }
    const snap = this.evaluate(session, place.startedAt, place.elapsed, place.iteration);
    let last = snap.last;
    if (last === null && place.iteration > 0 && session.repeatEveryMs !== null) {
      const previousStart = place.startedAt - session.repeatEveryMs;
      last = this.evaluate(session, previousStart, this.deps.now() - previousStart, place.iteration - 1).last;
    }
    return { ...snap, last: last ?? this.storedLast };
  }

  /** The `result` the gateway serves: the call in progress, else (if asked) the last call, else `null`. */
  serve(includeLastCall: boolean): WireCallInfo | null {
    const snap = this.snapshot();
    return snap.current ?? (includeLastCall ? snap.last : null);
  }

  /** The live calls' IDs in the order they began (`allcallid`). */
  callIds(): string[] {
    return this.calls().live.map((leg) => leg.callid);
  }

  /**
   * One live call by ID, without its trace (`callinfobycallid`); `null` for a call the agent does
   * not have. A released call is `null` too, even the agent's last call: the gateway's call table
   * forgets a call at its release, which is why `allcallid` no longer lists it either.
   */
  callById(callid: string): WireCallInfo | null {
    const leg = this.calls().live.find((candidate) => candidate.callid === callid);
    return leg?.current ? toCallById(leg.current, this.wireStyle()) : null;
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
    // One sequence number per scripted call, consecutive, so each play's calls have distinct IDs.
    const seqs = scenario.calls.map(() => this.deps.nextCallSeq());
    this.session = {
      scenarioId,
      legs: scenario.calls.map((script) => ({ script, seq: null })),
      startedAt: options.startAt ?? this.deps.now(),
      callSeq: seqs[0] ?? 0,
      seqPerPlay: Math.max(1, seqs.length),
      repeatEveryMs: repeat,
      style,
      manual: false,
    };
  }

  /**
   * Starts a call now, under manual control. With no live call it replaces the scenario; while
   * every live call is held it is added beside them (a new inbound call while one is held); while
   * a call is live and not held it is refused, as before.
   */
  startCall(options: StartCallOptions = {}): void {
    this.requireSignedIn();
    const phase = this.snapshot().phase;
    if (phase !== 'held' && LIVE.includes(phase)) {
      throw new SimulatorError('invalid-state', `Agent ${this.agentId} already has a call.`);
    }
    const like = options.like ?? 'inbound-voice';
    const script = SCENARIOS[like].script;
    if (script === null) throw new SimulatorError('invalid-argument', `Scenario "${like}" has no call.`);
    const state = options.state ?? 'talking';
    const template = { ...script.template, ...options.fields };
    if (phase === 'held' && this.session) {
      if (options.wire) this.session.style = this.style = { ...this.session.style, ...options.wire };
      this.addLeg(this.session, template, state);
      return;
    }
    const steps: CallStep[] =
      state === 'queued' ? [{ at: 0, event: 'queue' }]
        : state === 'ringing' ? [{ at: 0, event: 'ring' }]
          : [{ at: 0, event: 'ring' }, { at: 0, event: 'answer' }];
    this.setScenario(like, options.wire ? { wire: { ...this.style, ...options.wire } } : { wire: this.style });
    if (this.session) {
      this.session.legs = [{ script: { template, steps }, seq: null }];
      this.session.manual = true;
    }
  }

  /**
   * Holds the current call (if it is talking; a held one stays held) and starts an internal
   * consultation (call type 51) from this agent to a colleague, which becomes the current call.
   */
  consult(options: ConsultOptions = {}): void {
    const current = this.target('consult', {}, ['talking', 'held']);
    const session = this.takeControl();
    if (current.phase === 'talking') this.append(current.index, 'hold');
    const template: CallTemplate = {
      ...CONSULT_TEMPLATE, caller: this.agentId, ...(options.called === undefined ? {} : { called: options.called }), ...options.fields,
    };
    this.addLeg(session, template, options.state ?? 'ringing');
  }

  /** Answers a queued or ringing call: the current one, or `target.callid`. */
  answer(target: CallTarget = {}): void {
    const leg = this.target('answer', target, ['queued', 'ringing']);
    this.takeControl();
    if (leg.phase === 'queued') this.append(leg.index, 'ring');
    this.append(leg.index, 'answer');
  }

  /** Holds a talking call: the current one, or `target.callid`. */
  hold(target: CallTarget = {}): void {
    const leg = this.target('hold', target, ['talking']);
    this.takeControl();
    this.append(leg.index, 'hold');
  }

  /** Takes a held call back: the current one (with every call held, the last held), or `target.callid`. */
  unhold(target: CallTarget = {}): void {
    const leg = this.target('unhold', target, ['held']);
    this.takeControl();
    this.append(leg.index, 'unhold');
  }

  /** Ends a live call (the current one, or `options.callid`); it becomes the last call. */
  release(options: ReleaseOptions = {}): void {
    const leg = this.target('release', options, LIVE);
    this.takeControl();
    this.append(leg.index, 'release', { leaveReason: options.leaveReason ?? 16 });
  }

  view(): AgentView {
    const calls = this.calls();
    return {
      agentId: this.agentId,
      signedIn: this.signedInFlag,
      scenarioId: this.session?.scenarioId ?? null,
      manual: this.session?.manual ?? false,
      phase: calls.phase,
      callid: calls.current?.callid ?? null,
      calls: calls.live.map((leg) => ({ callid: leg.callid, phase: leg.phase, held: leg.phase === 'held', current: leg === calls.current })),
      hasLastCall: calls.last !== null,
      guidRotationMs: this.rotation?.everyMs ?? null,
    };
  }

  private requireSignedIn(): void {
    if (!this.signedInFlag) throw new SimulatorError('invalid-state', `Agent ${this.agentId} has not signed in.`);
  }

  /** The live call a control acts on: `target.callid`, else the current call; it must be in one of the `allowed` phases. */
  private target(action: string, target: CallTarget, allowed: readonly SimCallPhase[]): CallLeg {
    this.requireSignedIn();
    const calls = this.calls();
    if (target.callid !== undefined) {
      const leg = calls.live.find((candidate) => candidate.callid === target.callid);
      if (!leg) throw new SimulatorError('unknown-call', `Agent ${this.agentId} has no live call ${target.callid}.`);
      if (!allowed.includes(leg.phase)) {
        throw new SimulatorError('invalid-state', `Cannot ${action} call ${leg.callid} of agent ${this.agentId} while it is ${leg.phase}.`);
      }
      return leg;
    }
    if (!calls.current || !allowed.includes(calls.phase)) {
      throw new SimulatorError('invalid-state', `Cannot ${action} agent ${this.agentId}'s call while it is ${calls.phase}.`);
    }
    return calls.current;
  }

  /**
   * Puts the session under manual control from now on: the scripted steps still to come are
   * dropped (calls not begun yet never begin) and a repeating scenario stops repeating, its
   * calls keeping their IDs and its previous play's call staying the last call.
   */
  private takeControl(): Session {
    const session = this.session;
    if (!session) throw new SimulatorError('invalid-state', `Agent ${this.agentId} has no call.`);
    if (session.repeatEveryMs !== null) this.storedLast = this.calls().last;
    const place = this.place(session);
    session.legs.forEach((leg, index) => {
      leg.seq ??= this.seqOf(session, index, place.iteration);
      leg.script = { template: leg.script.template, steps: leg.script.steps.filter((step) => step.at <= place.elapsed) };
    });
    session.startedAt = place.startedAt;
    session.repeatEveryMs = null;
    session.manual = true;
    return session;
  }

  /** Adds a step now to the call at `index` (the session is under manual control). */
  private append(index: number, event: CallEvent, extra: Partial<CallStep> = {}): void {
    const session = this.session;
    const leg = session?.legs[index];
    if (!session || !leg) return;
    const at = this.deps.now() - session.startedAt;
    leg.script = { template: leg.script.template, steps: [...leg.script.steps, { ...extra, at, event }] };
  }

  /** Adds a call beginning now beside the session's others, with a sequence number of its own. */
  private addLeg(session: Session, template: CallTemplate, state: 'queued' | 'ringing' | 'talking'): void {
    this.takeControl();
    const at = this.deps.now() - session.startedAt;
    const steps: CallStep[] =
      state === 'queued' ? [{ at, event: 'queue' }]
        : state === 'ringing' ? [{ at, event: 'ring' }]
          : [{ at, event: 'ring' }, { at, event: 'answer' }];
    session.legs.push({ script: { template, steps }, seq: this.deps.nextCallSeq() });
  }

  private seqOf(session: Session, index: number, iteration: number): number {
    return session.callSeq + iteration * session.seqPerPlay + index;
  }

  private evaluate(session: Session, startedAt: number, elapsed: number, iteration: number): CallsSnapshot {
    const digits = session.style.callIdFormat === 'digits';
    return evaluateCalls(session.legs.map((leg) => leg.script), elapsed, {
      startedAt,
      callidOf: (index, beganAt) => {
        const seq = session.legs[index]?.seq ?? this.seqOf(session, index, iteration);
        return `${Math.floor(beganAt / 1000)}${digits ? '' : '-'}${seq}`;
      },
      signedInAt: this.signedInAt,
      style: session.style,
    });
  }

  private place(session: Session): Placement {
    const elapsed = this.deps.now() - session.startedAt;
    if (session.repeatEveryMs === null || elapsed < 0) return { startedAt: session.startedAt, elapsed, iteration: 0 };
    const iteration = Math.floor(elapsed / session.repeatEveryMs);
    const startedAt = session.startedAt + iteration * session.repeatEveryMs;
    return { startedAt, elapsed: elapsed - iteration * session.repeatEveryMs, iteration };
  }
}

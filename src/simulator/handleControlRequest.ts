import type * as z from 'zod/mini';
import { describeIssue } from '../gateway/schema';
import { controlSchemas } from './controlSchemas';
import type { Fault } from './faults';
import type { GatewaySimulator } from './GatewaySimulator';
import { SCENARIO_LIST } from './scenarios';
import { SimulatorError } from './SimulatorError';

/** The path prefix of the control endpoint. */
export const CONTROL_PREFIX = '/__sim';

/** A control request: method, path (starting with {@link CONTROL_PREFIX}) and parsed JSON body. */
export interface ControlRequest {
  readonly method: string;
  readonly path: string;
  readonly body: unknown;
}

/** A control answer: HTTP status and JSON body. */
export interface ControlResponse {
  readonly status: number;
  readonly body: unknown;
}

type Action = (sim: GatewaySimulator, body: unknown) => unknown;

function withBody<S extends z.ZodMiniType>(schema: S, run: (sim: GatewaySimulator, body: z.output<S>) => unknown): Action {
  return (sim, raw) => {
    const parsed = schema.safeParse(raw ?? {});
    if (!parsed.success) throw new SimulatorError('invalid-argument', parsed.error.issues.map(describeBodyIssue).join('; '));
    return run(sim, parsed.data);
  };
}

/** The wire's description, plus the bounds and choices a control body has and an answer does not. */
function describeBodyIssue(issue: z.core.$ZodIssue): string {
  const path = issue.path.map(String).join('.') || 'body';
  if (issue.code === 'too_big') return `${path}: expected at most ${String(issue.maximum)}`;
  if (issue.code === 'too_small') return `${path}: expected at least ${String(issue.minimum)}`;
  if (issue.code === 'invalid_value') return `${path}: expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
  if (issue.code === 'unrecognized_keys') return `${path}: unknown ${issue.keys.join(', ')}`;
  return describeIssue(issue);
}

const s = controlSchemas;

const GET_ROUTES: Readonly<Record<string, Action>> = {
  '/state': (sim) => sim.state(),
  '/scenarios': () => SCENARIO_LIST,
  '/requests': (sim) => ({ count: sim.requests.count, list: sim.requests.list }),
};

const POST_ROUTES: Readonly<Record<string, Action>> = {
  '/scenario': withBody(s.scenario, (sim, { agentId, scenarioId, ...options }) => sim.setScenario(agentId, scenarioId, options)),
  '/call/start': withBody(s.startCall, (sim, { agentId, ...options }) => sim.startCall(agentId, options)),
  '/call/answer': withBody(s.callTarget, (sim, { agentId, ...target }) => sim.answer(agentId, target)),
  '/call/hold': withBody(s.callTarget, (sim, { agentId, ...target }) => sim.hold(agentId, target)),
  '/call/unhold': withBody(s.callTarget, (sim, { agentId, ...target }) => sim.unhold(agentId, target)),
  '/call/consult': withBody(s.consult, (sim, { agentId, ...options }) => sim.consult(agentId, options)),
  '/call/release': withBody(s.release, (sim, { agentId, ...options }) => sim.release(agentId, options)),
  '/fault': withBody(s.fault, (sim, { fault, ...options }) => ({ id: sim.injectFault(fault as Fault, options) })),
  '/fault/remove': withBody(s.faultId, (sim, { id }) => ({ removed: sim.removeFault(id) })),
  '/faults/clear': withBody(s.optionalAgent, (sim, { agentId }) => sim.clearFaults(agentId)),
  '/guid/rotate': withBody(s.optionalAgent, (sim, { agentId }) => sim.rotateGuid(agentId)),
  '/guid/rotation': withBody(s.guidRotation, (sim, { agentId, everyMs }) => sim.setGuidRotation(agentId, everyMs)),
  '/signin': withBody(s.agent, (sim, { agentId }) => ({ agentId, guid: sim.signIn(agentId) })),
  '/signout': withBody(s.agent, (sim, { agentId }) => sim.signOut(agentId)),
  '/requests/clear': (sim) => sim.requests.clear(),
  '/clock': withBody(s.clock, (sim, { offsetMs }) => sim.setClockOffset(offsetMs)),
};

const STATUS_OF: Readonly<Record<SimulatorError['code'], number>> = {
  'unknown-agent': 404,
  'unknown-call': 404,
  'invalid-state': 409,
  'invalid-argument': 400,
};

/**
 * The simulator's control endpoint, without HTTP: `GET /__sim/state|scenarios|requests`, and
 * `POST` to `/__sim/scenario`, `/call/start|answer|hold|unhold|release|consult` (answer, hold,
 * unhold and release take an optional `callid`, default the current call), `/fault`,
 * `/fault/remove`, `/faults/clear`, `/guid/rotate`, `/guid/rotation`, `/signin` (answers the
 * Guid, as sign-in does), `/signout`, `/requests/clear`, `/clock` (`{ offsetMs }`: set the gateway's
 * clock ahead or behind). POSTs answer `{ ok: true, state, ...result }`.
 */
export function handleControlRequest(sim: GatewaySimulator, request: ControlRequest): ControlResponse {
  if (!request.path.startsWith(`${CONTROL_PREFIX}/`)) return { status: 404, body: { error: 'Not a control path.' } };
  const route = request.path.slice(CONTROL_PREFIX.length);
  const get = Object.hasOwn(GET_ROUTES, route) ? GET_ROUTES[route] : undefined;
  const post = Object.hasOwn(POST_ROUTES, route) ? POST_ROUTES[route] : undefined;
  const action = request.method === 'GET' ? get : request.method === 'POST' ? post : undefined;
  if (!action) {
    if (get || post) return { status: 405, body: { error: `Use ${get ? 'GET' : 'POST'} for ${route}.` } };
    return { status: 404, body: { error: `No control route ${route}.` } };
  }
  try {
    const result = action(sim, request.body);
    if (request.method === 'GET') return { status: 200, body: result };
    const extra = typeof result === 'object' && result !== null ? result : {};
    return { status: 200, body: { ok: true, ...extra, state: sim.state() } };
  } catch (error) {
    if (error instanceof SimulatorError) return { status: STATUS_OF[error.code], body: { error: error.message, code: error.code } };
    throw error;
  }
}

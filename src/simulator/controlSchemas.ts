// zod/mini, as the library's wire schemas: the simulator runs in Storybook and the demo under the
// same strict Content-Security-Policy, which classic zod's `new Function` would break.
import * as z from 'zod/mini';
import { SCENARIO_IDS, type ScenarioId } from './scenarios';

const agentId = z.string().check(z.minLength(1), z.maxLength(32));
const int = z.number().check(z.int());
const status = int.check(z.minimum(100), z.maximum(599));
const text = (max: number, min = 0) => z.string().check(z.minLength(min), z.maxLength(max));

/** A fault as JSON (see `Fault`). */
export const faultSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('retcode'), retcode: text(32, 1), message: z.optional(text(500)), status: z.optional(status) }),
  z.strictObject({ kind: z.literal('html'), status: z.optional(status) }),
  z.strictObject({ kind: z.literal('empty-body'), status: z.optional(status) }),
  z.strictObject({ kind: z.literal('truncated-json'), status: z.optional(status) }),
  z.strictObject({ kind: z.literal('delay'), ms: z.number().check(z.minimum(0), z.maximum(600_000)) }),
  z.strictObject({ kind: z.literal('network') }),
  z.strictObject({ kind: z.literal('rotate-guid') }),
]);

const wireSchema = z.strictObject({
  noCall: z.optional(z.enum(['null', 'absent', 'empty-object'])),
  unsetTime: z.optional(z.enum(['zero', 'null', 'absent'])),
  retcode: z.optional(z.enum(['string', 'number'])),
  numbersAsStrings: z.optional(z.boolean()),
  callIdFormat: z.optional(z.enum(['dashed', 'digits'])),
  noCallIds: z.optional(z.enum(['empty-list', 'null'])),
  callIdsAsNumbers: z.optional(z.boolean()),
  callInfoByCallId: z.optional(z.enum(['object', 'list'])),
  callByIdTimes: z.optional(z.enum(['sent', 'omitted'])),
});

const scenarioId = z.enum(SCENARIO_IDS);
/** A call ID as `allcallid` lists it; the bounds only keep a control body sane. */
const callid = text(128, 1);
const callFields = z.strictObject({
  callfeature: z.optional(int),
  callid: z.optional(callid),
  caller: z.optional(text(64)),
  called: z.optional(text(64)),
  callskill: z.optional(text(64)),
  calldata: z.optional(text(65_536)),
  mediaType: z.optional(int),
  userPriority: z.optional(int),
});
const callScenarioId = z.enum(SCENARIO_IDS.filter((id): id is Exclude<ScenarioId, 'idle'> => id !== 'idle'));

/** The bodies the control endpoint accepts, by route. */
export const controlSchemas = {
  agent: z.strictObject({ agentId }),
  optionalAgent: z.strictObject({ agentId: z.optional(agentId) }),
  scenario: z.strictObject({
    agentId,
    scenarioId,
    startAt: z.optional(z.number()),
    repeatEveryMs: z.optional(z.number().check(z.positive())),
    wire: z.optional(wireSchema),
  }),
  startCall: z.strictObject({
    agentId,
    like: z.optional(callScenarioId),
    state: z.optional(z.enum(['queued', 'ringing', 'talking'])),
    fields: z.optional(callFields),
  }),
  /** `answer`, `hold`, `unhold`: the current call, or the one named. */
  callTarget: z.strictObject({ agentId, callid: z.optional(callid) }),
  release: z.strictObject({ agentId, callid: z.optional(callid), leaveReason: z.optional(int.check(z.minimum(0))) }),
  consult: z.strictObject({
    agentId,
    called: z.optional(text(64, 1)),
    state: z.optional(z.enum(['ringing', 'talking'])),
    fields: z.optional(callFields),
  }),
  fault: z.strictObject({ fault: faultSchema, agentId: z.optional(agentId), times: z.optional(int.check(z.minimum(1))) }),
  faultId: z.strictObject({ id: int }),
  guidRotation: z.strictObject({ agentId, everyMs: z.nullable(z.number().check(z.positive())) }),
  /** At most a week either way: further is a broken clock, not a drifting one. */
  clock: z.strictObject({ offsetMs: int.check(z.minimum(-604_800_000), z.maximum(604_800_000)) }),
} as const;

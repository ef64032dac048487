import { z } from 'zod';
import { SCENARIO_IDS } from './scenarios';

const agentId = z.string().min(1).max(32);
const status = z.number().int().min(100).max(599);

/** A fault as JSON (see `Fault`). */
export const faultSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('retcode'), retcode: z.string().min(1).max(32), message: z.string().max(500).optional(), status: status.optional() }),
  z.strictObject({ kind: z.literal('html'), status: status.optional() }),
  z.strictObject({ kind: z.literal('empty-body'), status: status.optional() }),
  z.strictObject({ kind: z.literal('truncated-json'), status: status.optional() }),
  z.strictObject({ kind: z.literal('delay'), ms: z.number().min(0).max(600_000) }),
  z.strictObject({ kind: z.literal('network') }),
  z.strictObject({ kind: z.literal('rotate-guid') }),
]);

const wireSchema = z.strictObject({
  noCall: z.enum(['null', 'absent', 'empty-object']).optional(),
  unsetTime: z.enum(['zero', 'null', 'absent']).optional(),
  retcode: z.enum(['string', 'number']).optional(),
  numbersAsStrings: z.boolean().optional(),
});

/** The bodies the control endpoint accepts, by route. */
export const controlSchemas = {
  agent: z.strictObject({ agentId }),
  optionalAgent: z.strictObject({ agentId: agentId.optional() }),
  scenario: z.strictObject({
    agentId,
    scenarioId: z.enum(SCENARIO_IDS),
    startAt: z.number().finite().optional(),
    repeatEveryMs: z.number().positive().optional(),
    wire: wireSchema.optional(),
  }),
  startCall: z.strictObject({
    agentId,
    like: z.enum(SCENARIO_IDS).exclude(['idle']).optional(),
    state: z.enum(['queued', 'ringing', 'talking']).optional(),
    fields: z.strictObject({
      callfeature: z.number().int().optional(),
      caller: z.string().max(64).optional(),
      called: z.string().max(64).optional(),
      callskill: z.string().max(64).optional(),
      calldata: z.string().max(65_536).optional(),
      mediaType: z.number().int().optional(),
      userPriority: z.number().int().optional(),
    }).optional(),
  }),
  release: z.strictObject({ agentId, leaveReason: z.number().int().min(0).optional() }),
  fault: z.strictObject({ fault: faultSchema, agentId: agentId.optional(), times: z.number().int().min(1).optional() }),
  faultId: z.strictObject({ id: z.number().int() }),
  guidRotation: z.strictObject({ agentId, everyMs: z.number().positive().nullable() }),
  /** At most a week either way: further is a broken clock, not a drifting one. */
  clock: z.strictObject({ offsetMs: z.number().int().min(-604_800_000).max(604_800_000) }),
} as const;

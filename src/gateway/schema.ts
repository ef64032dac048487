import * as z from 'zod/mini';

/**
 * The wire schema of "query call information", written for the answers real gateways send
 * rather than the ones the reference promises: numbers may arrive as strings and strings as
 * numbers, times may be null, 0 or absent, whole groups of fields may be missing, and unknown
 * extra fields are kept out of the way (loose objects). Structure is strict where it matters:
 * an envelope, a result and a trace must be objects.
 */

/** A finite number from a number or a numeric string; anything else is `null`. */
function toNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && value.trim() !== '') {
    const parsed = Number(value);
    return Number.isFinite(parsed) ? parsed : null;
  }
  return null;
}

/** Text from a string or a number; `''` for null or absence. */
function toText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return '';
}

const scalar = z.optional(z.nullable(z.union([z.string(), z.number(), z.boolean()])));

/** A number field: `null` when absent, null, or not a number. */
const num = z.pipe(scalar, z.transform((value) => toNumber(value)));
/** A moment in epoch ms: `null` for absent, null, 0 (not happened) or nonsense. */
const time = z.pipe(
  scalar,
  z.transform((value) => {
    const ms = toNumber(value);
    return ms !== null && ms > 0 ? ms : null;
  }),
);
/** A text field: `''` when absent or null. */
const text = z.pipe(scalar, z.transform((value) => toText(value)));

export const traceSchema = z.looseObject({
  waitBeginTime: time,
  waitEndTime: time,
  answerBeginTime: time,
  answerEndTime: time,
  talkBeginTime: time,
  talkEndTime: time,
  deviceNo: num,
  deviceType: num,
  callDirectMode: text,
  enterReason: num,
  enterReasonDesc: text,
  leaveReason: num,
  leaveReasonDesc: text,
  vdnId: num,
});

export const resultSchema = z.looseObject({
  callfeature: num,
  callid: text,
  caller: text,
  called: text,
  callskill: text,
  callskillid: num,
  orgicallednum: text,
  /** Some gateways send structured call data as an object; keep it as its JSON text. */
  calldata: z.pipe(
    z.optional(z.unknown()),
    z.transform((value, ctx) => {
      if (value === null || typeof value !== 'object') return toText(value);
      try {
        return JSON.stringify(value);
      } catch {
        // Nested too deep to write out: not call data anyone could read.
        ctx.issues.push({ code: 'custom', message: 'unreadable call data', input: value });
        return z.NEVER;
      }
    }),
  ),
  begintime: time,
  endtime: time,
  userPriority: num,
  trunkNo: num,
  logontimes: num,
  mediaType: num,
  mediaAbility: num,
  waitTime: num,
  trace: z.optional(z.nullable(traceSchema)),
});

export const envelopeSchema = z.looseObject({
  retcode: z.union([z.string(), z.number()]),
  message: z.optional(z.unknown()),
  result: z.optional(z.nullable(z.unknown())),
});

export type WireResult = z.output<typeof resultSchema>;
export type WireTrace = z.output<typeof traceSchema>;

/**
 * The wire shape of the interfaces beside "query call information" (the IDs of all the agent's
 * calls, and one call by its ID), as zod/mini schemas, apart from `schema.ts` so that an app
 * using "query call information" alone does not carry them.
 */
import * as z from 'zod/mini';
import { answerSchema, callInfoSchema } from './schema';

/** The most calls an agent's answer may list: more is not an agent's desk but a broken or hostile gateway. */
export const MAX_AGENT_CALLS = 8;

/**
 * Whether `callId` can name a call in a path: not blank or `"0"` (no call), at most 128
 * characters, no control characters, and not `.` or `..`, which a URL resolves as path steps
 * even encoded.
 */
export function isCallId(callId: string): boolean {
  return callId.length <= 128 && !/^(?:0?|\.\.?)$/.test(callId) && !/[\x00-\x1f\x7f]/.test(callId);
}

/** One call ID of `allcallid`: text, or a whole number (real gateways send both); `null` for a blank one. */
const listedCallId = z.pipe(
  z.union([z.string(), z.number()], { error: 'expected a call ID' }),
  z.transform((value, ctx) => {
    const callId = String(value).trim();
    if (callId === '' || callId === '0') return null;
    if (isCallId(callId) && (typeof value === 'string' || Number.isSafeInteger(value))) return callId;
    ctx.issues.push({ code: 'custom', message: 'not a call ID', input: undefined });
    return null;
  }),
);

/**
 * The `result` of "call IDs of all the agent's calls": the IDs in the gateway's order, blanks
 * and repeats dropped; `null`, absent or `[]` is none. More than {@link MAX_AGENT_CALLS} is an issue.
 */
export const allCallIdsSchema = z.pipe(
  z.prefault(z.nullable(z.array(listedCallId)), null),
  z.transform((ids, ctx): string[] => {
    const unique = [...new Set((ids ?? []).filter((id) => id !== null))];
    if (unique.length <= MAX_AGENT_CALLS) return unique;
    ctx.issues.push({ code: 'custom', message: `more than ${MAX_AGENT_CALLS} calls`, input: undefined });
    return [];
  }),
);

/** A whole answer of "call IDs of all the agent's calls" (`calldata/{agentid}/allcallid`). */
export const allCallIdsResponseSchema = answerSchema(allCallIdsSchema);

/**
 * The `result` of "call information by call ID": one call as {@link callInfoSchema} reads it,
 * sent as an object (what real gateways do) or a one-element list (what the reference documents);
 * `null`, `{}` and `[]` are "no such call".
 */
export const callInfoByCallIdSchema = z.pipe(
  z.prefault(z.unknown(), null),
  z.transform((value, ctx) => {
    const list = Array.isArray(value);
    if (list && value.length > 1) {
      ctx.issues.push({ code: 'custom', message: 'expected one call', input: undefined });
      return null;
    }
    const parsed = callInfoSchema.safeParse(list ? (value[0] ?? null) : value);
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues) ctx.issues.push({ ...issue, input: undefined, path: list ? [0, ...issue.path] : issue.path });
    return null;
  }),
);

/** A whole answer of "call information by call ID" (`calldata/{agentid}/callinfobycallid/{callid}`). */
export const callInfoByCallIdResponseSchema = answerSchema(callInfoByCallIdSchema);

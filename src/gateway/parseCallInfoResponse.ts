import type * as z from 'zod/mini';
import { GatewayError } from './GatewayError';
import type { CallInfo } from './model';
import { normalizeCallInfo } from './normalizeCallInfo';
import { callInfoResponseSchema, describeIssue, type WireResult } from './schema';

/**
 * Turns a decoded answer of "query call information" into the call it describes.
 *
 * Returns the normalised call, or `null` when the agent has no call (a success whose `result`
 * is null, absent, `{}` or holds only empty values). Throws a {@link GatewayError}: of the kind
 * its `retcode` names for a failure envelope, `'bad-response'` with the `issues` zod found for
 * anything that is not a well-formed answer. It never throws anything else.
 */
export function parseCallInfoResponse(json: unknown): CallInfo | null {
  return parseCallInfoAnswer(json, (text) => text);
}

/**
 * The `result` of a decoded answer read by `schema`, an `answerSchema` of src/gateway/schema.ts,
 * with `redact` applied to a failure's `retcode` and `message` before the error cuts and keeps
 * them (`requestGateway` removes the Guid with it, which a cut taken first could leave half of).
 */
export function readAnswer<T>(
  schema: z.ZodMiniType<{ retcode: string; message: string; result: T }>,
  json: unknown,
  redact: (text: string) => string,
): T {
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.map(describeIssue);
    throw new GatewayError('bad-response', 'The gateway sent an answer that is not well formed.', { issues });
  }
  const { retcode, message, result } = parsed.data;
  if (retcode !== '0') throw GatewayError.fromRetcode(redact(retcode), redact(message));
  return result;
}

/** `parseCallInfoResponse`, with `redact` as {@link readAnswer} takes it (internal). */
export function parseCallInfoAnswer(json: unknown, redact: (text: string) => string): CallInfo | null {
  return normalizeOrNull(readAnswer(callInfoResponseSchema, json, redact));
}

/** A call's wire `result` normalised, `null` staying null. */
export function normalizeOrNull(result: WireResult | null): CallInfo | null {
  return result === null ? null : normalizeCallInfo(result);
}

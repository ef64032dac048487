import { GatewayError } from './GatewayError';
import type { CallInfo } from './model';
import { normalizeCallInfo } from './normalizeCallInfo';
import { envelopeSchema, resultSchema } from './schema';

/**
 * Turns a decoded answer of "query call information" into the call it describes.
 *
 * Returns the normalised call, or `null` when the agent has no call (a success whose `result`
 * is null, absent, `{}` or holds only empty values). Throws a {@link GatewayError}: of the kind
 * its `retcode` names for a failure envelope, `'bad-response'` for anything that is not a
 * well-formed answer. It never throws anything else.
 */
export function parseCallInfoResponse(json: unknown): CallInfo | null {
  const envelope = envelopeSchema.safeParse(json);
  if (!envelope.success) {
    throw new GatewayError('bad-response', 'The gateway answer is not a call-information envelope.');
  }
  const retcode = String(envelope.data.retcode).trim();
  if (retcode !== '0') {
    const message = envelope.data.message;
    throw GatewayError.fromRetcode(retcode, typeof message === 'string' ? message : undefined);
  }

  const raw = envelope.data.result;
  if (raw === null || raw === undefined || isEmptyRecord(raw)) return null;

  const result = resultSchema.safeParse(raw);
  if (!result.success) {
    throw new GatewayError('bad-response', 'The gateway answer holds a call that is not well formed.');
  }
  if (result.data.callid.trim() === '') {
    throw new GatewayError('bad-response', 'The gateway answer holds a call without a call ID.');
  }
  return normalizeCallInfo(result.data);
}

/** `{}`, or an object whose every value is null, `''` or 0: how some gateways say "no call". */
function isEmptyRecord(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  return Object.values(value).every((field) => field === null || field === '' || field === 0);
}

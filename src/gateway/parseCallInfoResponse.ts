import { GatewayError } from './GatewayError';
import type { CallInfo } from './model';
import { normalizeCallInfo } from './normalizeCallInfo';
import { MalformedAnswer, readEnvelope, readResult } from './schema';

/**
 * Turns a decoded answer of "query call information" into the call it describes.
 *
 * Returns the normalised call, or `null` when the agent has no call (a success whose `result`
 * is null, absent, `{}` or holds only empty values). Throws a {@link GatewayError}: of the kind
 * its `retcode` names for a failure envelope, `'bad-response'` for anything that is not a
 * well-formed answer. It never throws anything else.
 */
export function parseCallInfoResponse(json: unknown): CallInfo | null {
  const envelope = read(readEnvelope, json, 'The gateway answer is not a call-information envelope.');
  if (envelope.retcode !== '0') {
    const { message } = envelope;
    throw GatewayError.fromRetcode(envelope.retcode, typeof message === 'string' ? message : undefined);
  }

  const raw = envelope.result;
  if (raw === null || raw === undefined || isEmptyRecord(raw)) return null;

  const result = read(readResult, raw, 'The gateway answer holds a call that is not well formed.');
  if (result.callid.trim() === '') {
    throw new GatewayError('bad-response', 'The gateway answer holds a call without a call ID.');
  }
  return normalizeCallInfo(result);
}

function read<T>(reader: (value: unknown) => T, value: unknown, failure: string): T {
  try {
    return reader(value);
  } catch (error) {
    if (error instanceof MalformedAnswer) throw new GatewayError('bad-response', failure);
    throw error;
  }
}

/** `{}`, or an object whose every value is null, `''` or 0: how some gateways say "no call". */
function isEmptyRecord(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  return Object.values(value).every((field) => field === null || field === '' || field === 0);
}

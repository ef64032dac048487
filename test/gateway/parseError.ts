import { expect } from 'vitest';
import { GatewayError } from '../../src/gateway/GatewayError';
import { parseCallInfoResponse } from '../../src/gateway/parseCallInfoResponse';

/** The GatewayError `parseCallInfoResponse` throws for `json`; fails the test if it returns or throws anything else. */
export function parseError(json: unknown): GatewayError {
  try {
    parseCallInfoResponse(json);
  } catch (error) {
    expect(error).toBeInstanceOf(GatewayError);
    return error as GatewayError;
  }
  throw new Error('expected parseCallInfoResponse to throw');
}

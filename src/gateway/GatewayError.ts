import { RETCODES, RETRYABLE_KINDS, type GatewayErrorKind } from './codes';
import { cutText } from './cutText';

export type { GatewayErrorKind };

export interface GatewayErrorDetails {
  /** The gateway's `retcode`, when the failure came from one. */
  readonly retcode?: string;
  /** The HTTP status, when the failure came with one. */
  readonly status?: number;
  readonly cause?: unknown;
  /** For `'bad-response'`: what the schema found, as `path: reason`. */
  readonly issues?: readonly string[];
}

/** The most of a `retcode` and of the gateway's message an error keeps: a hostile answer may send megabytes. */
const MAX_RETCODE = 32;
const MAX_GATEWAY_MESSAGE = 200;

/**
 * Every failure of the gateway client, typed by what the caller should do about it.
 * Its message is written by this library (never copied from a header), so it cannot carry the Guid.
 */
export class GatewayError extends Error {
  override readonly name = 'GatewayError';
  // Set in the constructor; `declare` spares the emitted field definitions that would precede it.
  declare readonly kind: GatewayErrorKind;
  declare readonly retcode: string | undefined;
  declare readonly status: number | undefined;
  /** Whether sending the same request again can succeed. */
  declare readonly retryable: boolean;
  /**
   * For `'bad-response'`: the paths and reasons the schema reported
   * (`result.trace.talkBeginTime: expected a number`), never the values, which may hold personal
   * data or the Guid. Empty for other kinds.
   */
  declare readonly issues: readonly string[];

  constructor(kind: GatewayErrorKind, message: string, details: GatewayErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.kind = kind;
    this.retcode = details.retcode;
    this.status = details.status;
    this.retryable = RETRYABLE_KINDS[kind];
    this.issues = details.issues ?? [];
  }

  /** The error for a failed envelope's `retcode`; undocumented codes are kind `'gateway'`. */
  static fromRetcode(retcode: string, gatewayMessage?: string): GatewayError {
    const kind: GatewayErrorKind = Object.hasOwn(RETCODES, retcode)
      ? RETCODES[retcode as keyof typeof RETCODES]
      : 'gateway';
    const code = cutText(retcode, MAX_RETCODE);
    const said = gatewayMessage ? `: ${cutText(gatewayMessage, MAX_GATEWAY_MESSAGE)}` : '';
    return new GatewayError(kind, `The gateway answered retcode ${code} (${kind})${said}`, { retcode: code });
  }
}

/** True for a `GatewayError`, also across bundle copies (checks the shape, not the prototype). */
export function isGatewayError(value: unknown): value is GatewayError {
  return (
    value instanceof GatewayError ||
    (value instanceof Error && value.name === 'GatewayError' && typeof (value as GatewayError).kind === 'string')
  );
}

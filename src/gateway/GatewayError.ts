import { RETCODES, RETRYABLE_KINDS, type GatewayErrorKind } from './codes';

export type { GatewayErrorKind };

export interface GatewayErrorDetails {
  /** The gateway's `retcode`, when the failure came from one. */
  readonly retcode?: string;
  /** The HTTP status, when the failure came with one. */
  readonly status?: number;
  readonly cause?: unknown;
}

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

  constructor(kind: GatewayErrorKind, message: string, details: GatewayErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.kind = kind;
    this.retcode = details.retcode;
    this.status = details.status;
    this.retryable = RETRYABLE_KINDS[kind];
  }

  /** The error for a failed envelope's `retcode`; undocumented codes are kind `'gateway'`. */
  static fromRetcode(retcode: string, gatewayMessage?: string): GatewayError {
    const kind: GatewayErrorKind = Object.hasOwn(RETCODES, retcode)
      ? RETCODES[retcode as keyof typeof RETCODES]
      : 'gateway';
    const said = gatewayMessage ? `: ${truncate(gatewayMessage)}` : '';
    return new GatewayError(kind, `The gateway answered retcode ${retcode} (${kind})${said}`, { retcode });
  }
}

/** True for a `GatewayError`, also across bundle copies (checks the shape, not the prototype). */
export function isGatewayError(value: unknown): value is GatewayError {
  return (
    value instanceof GatewayError ||
    (value instanceof Error && value.name === 'GatewayError' && typeof (value as GatewayError).kind === 'string')
  );
}

function truncate(text: string, max = 200): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

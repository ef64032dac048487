/** Why a simulator control call was refused. */
export type SimulatorErrorCode = 'unknown-agent' | 'unknown-call' | 'invalid-state' | 'invalid-argument';

/** A refused control call (`startCall` while a call is on, an unknown agent...). The gateway's own failures are answers, not this. */
export class SimulatorError extends Error {
  override readonly name = 'SimulatorError';
  readonly code: SimulatorErrorCode;

  constructor(code: SimulatorErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}

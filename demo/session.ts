import type { GuidSource } from '../src';
import type { SimControl } from './simControl';

/**
 * The agent's gateway session, as a host app would keep it: the Guid lives in this closure only.
 * It is never put in a URL, React state, the DOM, storage or a log line; the panel reads it at
 * every request through `guid`, because rotation (dynamic authentication) changes it.
 */
export interface Session {
  /** For `<CallInfoPanel guid>`: waits for the first sign-in, then reads the current Guid. */
  readonly guid: GuidSource;
  /** Signs in (again) at the gateway and keeps the Guid it answers. */
  signIn(): Promise<void>;
}

export function createSession(control: SimControl): Session {
  let current = '';
  let firstSignIn: Promise<void> | null = null;

  const signIn = async () => {
    current = await control.signIn();
  };

  return {
    guid: async () => {
      firstSignIn ??= signIn().catch(() => {
        // No Guid: the panel shows "Signed out" (no request) and its "Sign in" button retries.
      });
      await firstSignIn;
      return current;
    },
    signIn,
  };
}

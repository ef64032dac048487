/**
 * What the panel shows:
 * - `loading`: the first answer is on its way;
 * - `no-call`: the agent has no call (and no last call was asked for or exists);
 * - `live`: a call in progress;
 * - `last-call`: the agent's previous call, over;
 * - `signed-out`: the agent is not signed in;
 * - `auth-expired`: the session (Guid) expired; the host must re-authenticate;
 * - `error`: any other failure with nothing to show.
 */
export type CallInfoStatus = 'loading' | 'no-call' | 'live' | 'last-call' | 'signed-out' | 'auth-expired' | 'error';

/** `stale`: the last poll failed and the call shown is the last good answer. */
export type CallInfoFreshness = 'fresh' | 'stale';

/** The panel's sections, which the `sections` prop can hide and reorder. */
export type CallInfoSection = 'parties' | 'callType' | 'media' | 'skill' | 'timers' | 'trace' | 'details' | 'callData';

/** Every section, in the default order. */
export const DEFAULT_SECTIONS: readonly CallInfoSection[] = [
  'parties',
  'callType',
  'media',
  'skill',
  'timers',
  'trace',
  'details',
  'callData',
];

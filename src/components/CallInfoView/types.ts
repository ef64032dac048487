import type { ReactNode } from 'react';
import type { CallInfo } from '../../gateway/model';

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

/**
 * A section of the host's own (`extraSections`), laid out like ours: a `section` part with
 * `data-section={id}` and, when `title` is not empty, an `h3` heading (the `sectionTitle` part).
 */
export interface CallInfoExtraSection {
  /**
   * Its name in `sections` and its `data-section`. One of ours (`'callData'`) replaces that
   * section, in its place and group.
   */
  id: string;
  /** Its heading; `''` for none. */
  title: string;
  /**
   * Its content for the call shown, rendered as a component's (hooks allowed); `null`,
   * `undefined`, `false` or `''` hides the section (as ours hide with nothing to say). A throw hides this section alone (logged
   * with `console.error` in development builds); the next call data tries again.
   */
  render: (call: CallInfo) => ReactNode;
  /**
   * The column of a wide panel it joins: `'glance'` (parties, badges, status band) or `'more'`
   * (track, details, call data). Default `'more'`, or the group of the section it replaces.
   */
  group?: 'glance' | 'more';
}

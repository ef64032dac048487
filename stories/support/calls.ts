import type { CallInfo } from '../../src/gateway/model';
import { makeCall, voiceLiveCall, webChatQueuedCall } from '../../test/fixtures/callInfos';
import { reason } from './rebase';

/**
 * Calls the shared test fixtures do not have, built from them with the fixtures' own `makeCall`.
 */

/** Held: the talk started, then the agent put the call on hold (`KEEP_DIRECT`, leave reason 18). */
export const heldCall: CallInfo = makeCall({
  callId: '1764000000-109',
  trace: {
    ...voiceLiveCall.trace!,
    directMode: { raw: 'KEEP_DIRECT', kind: 'held' },
    leaveReason: reason(18, 'held', 'Call held'),
  },
  phase: 'held',
});

/** Overflowed from another queue (enter reason 1), now waiting. */
export const overflowQueuedCall: CallInfo = makeCall({
  callId: '1764000000-110',
  trace: { ...webChatQueuedCall.trace!, enterReason: reason(1, 'overflow', 'Overflow') },
  phase: 'queued',
});

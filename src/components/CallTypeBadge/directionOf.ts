import type { CallTypeKind, Coded } from '../../gateway/codes';
import type { CallDirection } from '../../i18n/Messages';
import type { IconName } from '../internal/Icon';

const DIRECTIONS: Record<CallTypeKind, CallDirection> = {
  incoming: 'incoming',
  internal: 'internal',
  outgoing: 'outgoing',
  'reserved-outbound': 'outgoing',
  'presold-outbound': 'outgoing',
  'predicted-outbound': 'outgoing',
  'preview-outbound': 'outgoing',
  'reserved-callback': 'outgoing',
  'consult-two-party': 'consultation',
  'consult-three-party': 'consultation',
  conference: 'conference',
};

/** Which way a call goes, from its call type; `'unknown'` when the type is missing or unknown. */
export function directionOf(callType: Coded<CallTypeKind> | null | undefined): CallDirection {
  return callType && callType.kind !== 'unknown' ? DIRECTIONS[callType.kind] : 'unknown';
}

/** The icon for a direction: the one of the same name, a question mark for `'unknown'`. */
export function directionIcon(direction: CallDirection): IconName {
  return direction === 'unknown' ? 'question' : direction;
}

/**
 * Whose number is the other party's: the called one for outgoing kinds and for a call whose
 * caller is the agent itself (`agentId`: a consultation or internal call it placed), else the caller.
 */
export function otherPartyOf(callType: Coded<CallTypeKind> | null | undefined, caller?: string, agentId?: string): 'caller' | 'called' {
  return directionOf(callType) === 'outgoing' || (!!agentId && caller?.trim() === agentId) ? 'called' : 'caller';
}

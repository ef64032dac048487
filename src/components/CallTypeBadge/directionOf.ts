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

/** The icon for each direction. */
export const DIRECTION_ICONS: Record<CallDirection, IconName> = {
  incoming: 'incoming',
  outgoing: 'outgoing',
  internal: 'internal',
  consultation: 'consultation',
  conference: 'conference',
  unknown: 'question',
};

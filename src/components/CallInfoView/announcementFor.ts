import type { CallInfo } from '../../gateway/model';
import type { Translate } from '../../i18n/I18nContext';
import { directionOf } from '../CallTypeBadge/directionOf';

/** The other party: the called number for outgoing calls, else the caller. */
export function otherParty(call: CallInfo): string {
  return directionOf(call.callType) === 'outgoing' ? call.called : call.caller;
}

/** "Incoming video call from 70004, skill voice", from the catalogue. */
export function announcementFor(call: CallInfo, t: Translate): string {
  const { media, ability } = call;
  const noun =
    !media || media.kind === 'unknown'
      ? 'unknown'
      : media.kind === 'voice' && ability?.kind === 'video'
        ? 'video'
        : media.kind;
  return t(`announce.call.${directionOf(call.callType)}`, {
    media: t(`mediaNoun.${noun}`),
    party: otherParty(call) || t('value.notReported'),
    skill: call.skill.name || t('value.notReported'),
  });
}

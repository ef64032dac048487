import { useEffect, useRef } from 'react';
import { cutText } from '../../gateway/cutText';
import type { CallInfo } from '../../gateway/model';
import type { Translate } from '../../i18n/I18nContext';
import { useMessages } from '../../i18n/useMessages';
import { directionOf } from '../CallTypeBadge/directionOf';
import type { CallInfoStatus } from './types';

/** The most of one field an announcement speaks: a megabyte "number" must not be read out. */
const SPOKEN_MAX = 200;

/** The other party: the called number for outgoing calls, else the caller. */
function otherParty(call: CallInfo): string {
  return cutText(directionOf(call.callType) === 'outgoing' ? call.called : call.caller, SPOKEN_MAX);
}

/** "Incoming video call from 70004, skill voice", from the catalogue. */
function announcementFor(call: CallInfo, t: Translate): string {
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
    skill: cutText(call.skill.name, SPOKEN_MAX) || t('value.notReported'),
  });
}

/**
 * Announces a new call once and its end once, politely, by writing into the live region the
 * returned ref points at (no re-render). An unchanged poll, a re-render or a stale refresh says
 * nothing: the last announced call ID and whether its end was told are kept in a ref.
 * A previous call first seen already over (a "last call") is not announced. The region is emptied
 * once the call it spoke of has left the screen.
 */
export function useCallAnnouncer(call: CallInfo | null | undefined, status: CallInfoStatus) {
  const t = useMessages();
  const region = useRef<HTMLDivElement>(null);
  const told = useRef<{ callId: string; ended: boolean; party: string } | null>(null);

  useEffect(() => {
    const last = told.current;
    let text = '';
    if (call && (status === 'live' || status === 'last-call')) {
      const ended = call.phase === 'ended';
      if (last?.callId !== call.callId) {
        if (!ended) text = announcementFor(call, t);
        told.current = { callId: call.callId, ended, party: otherParty(call) || t('value.notReported') };
      } else if (ended && !last.ended) {
        text = t('announce.ended', { party: last.party });
        told.current = { ...last, ended: true };
      }
    } else if (status === 'no-call' && last && !last.ended) {
      text = t('announce.ended', { party: last.party });
      told.current = { ...last, ended: true };
    }
    // Nothing said of a call lingers once it has left the screen (signed out, an error, another call).
    const shown = call && (status === 'live' || status === 'last-call') ? call.callId : null;
    if (region.current && (text || last?.callId !== shown)) region.current.textContent = text;
  }, [call, status, t]);

  return region;
}

import { useEffect, useRef } from 'react';
import { cutText } from '../../gateway/cutText';
import type { CallInfo } from '../../gateway/model';
import type { Translate } from '../../i18n/I18nContext';
import { useMessages } from '../../i18n/useMessages';
import { directionOf, otherPartyOf } from '../CallTypeBadge/directionOf';
import { displayNumber, type NumberDisplayOptions } from '../internal/partyNumber';
import type { CallInfoStatus } from './types';

/** The most of one field an announcement speaks: a megabyte "number" must not be read out. */
const SPOKEN_MAX = 200;

/** The other party as shown (`displayNumber`): the called number for outgoing calls, else the caller. */
function otherParty(call: CallInfo, options: NumberDisplayOptions): string {
  const role = otherPartyOf(call.callType, call.caller, options.agentId);
  return cutText(displayNumber(call[role], role, directionOf(call.callType) === 'outgoing', options), SPOKEN_MAX);
}

/** "Incoming video call from 70004, skill voice", from the catalogue. */
function announcementFor(call: CallInfo, t: Translate, party: string): string {
  const { media, ability } = call;
  const noun =
    !media || media.kind === 'unknown'
      ? 'unknown'
      : media.kind === 'voice' && ability?.kind === 'video'
        ? 'video'
        : media.kind;
  return t(`announce.call.${directionOf(call.callType)}`, {
    media: t(`mediaNoun.${noun}`),
    party,
    skill: cutText(call.skill.name, SPOKEN_MAX) || t('value.notReported'),
  });
}

/**
 * Announces, politely and once each, a new call, its hold and resume, a session that expires
 * under it, and its end, by writing into the live region the returned ref points at (no
 * re-render). An unchanged poll, a re-render or a stale refresh says nothing: what was told of the
 * last call is kept in a ref. A previous call first seen already over (a "last call") is not
 * announced. The region is emptied once the call it spoke of has left the screen.
 *
 * `shown` is the call on screen (`null` when none is shown), `status` the panel's; the party is
 * spoken as `CallParties` shows it (`options`: `formatNumber`, `dialPrefix`).
 */
export function useCallAnnouncer(shown: CallInfo | null | undefined, status: CallInfoStatus, { formatNumber, dialPrefix, agentId }: NumberDisplayOptions = {}) {
  const t = useMessages();
  const region = useRef<HTMLDivElement>(null);
  const told = useRef<{ callId: string; ended: boolean; held: boolean; expired: boolean; party: string } | null>(null);

  useEffect(() => {
    const last = told.current;
    let text = '';
    // Signed out, the call shown is a memory: nothing said of it stays in the region.
    const call = status === 'signed-out' ? null : shown;
    if (call) {
      const ended = call.phase === 'ended';
      const held = call.phase === 'held';
      const expired = status === 'auth-expired';
      if (last?.callId !== call.callId) {
        const party = otherParty(call, { formatNumber, dialPrefix, agentId }) || t('value.notReported');
        if (!ended && !expired) text = announcementFor(call, t, party);
        told.current = { callId: call.callId, ended, held, expired, party };
      } else {
        if (expired && !last.expired && !last.ended) text = t('announce.sessionExpired');
        else if (ended && !last.ended) text = t('announce.ended', { party: last.party });
        else if (held !== last.held && !ended && !expired) text = t(held ? 'announce.held' : 'announce.resumed', { party: last.party });
        told.current = { ...last, ended: last.ended || ended, held, expired };
      }
    } else if (status === 'no-call' && last && !last.ended) {
      text = t('announce.ended', { party: last.party });
      told.current = { ...last, ended: true };
    }
    // Nothing said of a call lingers once it has left the screen (signed out, an error, another call).
    if (region.current && (text || last?.callId !== call?.callId)) region.current.textContent = text;
    // A new formatNumber or dialPrefix re-runs this to no effect: what a call's news says is fixed when it is first seen.
  }, [shown, status, t, formatNumber, dialPrefix, agentId]);

  return region;
}

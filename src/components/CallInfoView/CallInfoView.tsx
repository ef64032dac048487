import { forwardRef, memo, useId, useSyncExternalStore, type ComponentPropsWithoutRef, type ReactNode } from 'react';
import { isGatewayError } from '../../gateway/GatewayError';
import type { CallInfo } from '../../gateway/model';
import { useI18n } from '../../i18n/I18nContext';
import { interpolateNodes } from '../../i18n/interpolateNodes';
import { UnstyledContext, useUnstyled } from '../../theme/UnstyledContext';
import type { ColorScheme, Density } from '../../theme/types';
import { CallDataView } from '../CallDataView/CallDataView';
import { CallDetails } from '../CallDetails/CallDetails';
import { CallParties } from '../CallParties/CallParties';
import { readClock, subscribeClock } from '../CallTimer/clock';
import { CallTimer } from '../CallTimer/CallTimer';
import { ClockOffsetContext } from '../CallTimer/ClockOffsetContext';
import { CallTypeBadge } from '../CallTypeBadge/CallTypeBadge';
import { Icon } from '../internal/Icon';
import { isoInstant } from '../internal/isoDuration';
import { partClassNames, unstyledAttr } from '../internal/partClassNames';
import { MediaBadge } from '../MediaBadge/MediaBadge';
import { SkillTag } from '../SkillTag/SkillTag';
import { TraceTimeline } from '../TraceTimeline/TraceTimeline';
import { DEFAULT_SECTIONS, type CallInfoFreshness, type CallInfoSection, type CallInfoStatus } from './types';
import { useCallAnnouncer } from './useCallAnnouncer';

export type CallInfoViewPart =
  | 'root'
  | 'header'
  | 'title'
  | 'badge'
  | 'badgeIcon'
  | 'notice'
  | 'noticeIcon'
  | 'retry'
  | 'body'
  | 'call'
  | 'section'
  | 'sectionTitle'
  | 'timers'
  | 'message'
  | 'messageIcon'
  | 'hint'
  | 'issues'
  | 'action'
  | 'skeleton'
  | 'skeletonLine'
  | 'announcer';

export interface CallInfoViewProps extends Omit<ComponentPropsWithoutRef<'section'>, 'children'> {
  /** The call to show: `undefined` before the first answer, `null` for no call. */
  callInfo: CallInfo | null | undefined;
  /** Which state to show (see `CallInfoStatus`). The call is shown for `live` and `last-call`. */
  status: CallInfoStatus;
  /** `stale` keeps the call and marks it "Last updated …". Default `'fresh'`. */
  freshness?: CallInfoFreshness;
  /** When the shown answer arrived, epoch ms; the stale notice says how long ago ("Last updated 12 seconds ago"). */
  lastUpdatedAt?: number | null;
  /** The failure behind `error` or `stale`; a `GatewayError`'s kind is explained in words. */
  error?: Error | null;
  /** Shows a Retry button in the error state and the stale notice. */
  onRetry?: () => void;
  /**
   * When the next automatic retry goes, epoch ms (`useCallInfo().nextRetryAt`): the error state
   * and the stale notice count down to it, "Retrying in 8 s". Default: no countdown.
   */
  nextRetryAt?: number | null;
  /**
   * Shows a "Sign in again" button in the auth-expired state and a "Sign in" one in the
   * signed-out state. It may return a promise (`CallInfoPanel` asks again once it settles).
   */
  onReauthenticate?: () => unknown;
  /** Which sections to show, in order. Default: all, in `DEFAULT_SECTIONS` order. */
  sections?: readonly CallInfoSection[];
  /** Default: inherited from the page (light unless an ancestor sets `data-color-scheme`). */
  colorScheme?: ColorScheme;
  /** Default: inherited (comfortable). */
  density?: Density;
  /** Extra classes per part, next to the stable `cip-CallInfoView-<part>` ones. */
  classNames?: Partial<Record<CallInfoViewPart, string>>;
  /** Drop the library's look for this panel and every part in it. Default `false`. */
  unstyled?: boolean;
  /**
   * The gateway's clock minus the desktop's, ms: live timers count from the gateway's moments on
   * its clock, so a desktop clock that is off shows no wrong durations. `CallInfoPanel` measures
   * it from the gateway's answers (`useCallInfo().clockOffset`). Default 0.
   */
  clockOffset?: number;
}

/** "Retrying in 8 s", counting down; nothing once the moment is past. */
function RetryCountdown({ at, className }: { at: number; className: string }) {
  const { t, format } = useI18n();
  // Renders on the timers' shared tick, but counts from the real time: the tick's reading may
  // be up to a second old, which would start an 8 s wait at "9 s".
  useSyncExternalStore(subscribeClock, readClock, readClock);
  const seconds = Math.ceil((at - Date.now()) / 1000);
  return seconds > 0 ? <span className={className}>{t('status.retryingIn', { seconds: format.number(seconds) })}</span> : null;
}

/** How long ago `at` was, "12 seconds ago", on the timers' shared tick; the clock time as its tooltip. */
function UpdatedAgo({ at }: { at: number }) {
  const { format } = useI18n();
  const seconds = Math.max(0, Math.round((useSyncExternalStore(subscribeClock, readClock, readClock) - at) / 1000));
  const [value, unit] =
    seconds < 60 ? [seconds, 'second' as const] : seconds < 3600 ? [Math.floor(seconds / 60), 'minute' as const] : [Math.floor(seconds / 3600), 'hour' as const];
  return (
    <time dateTime={isoInstant(at)} title={format.time(at)}>
      {new Intl.RelativeTimeFormat(format.locale, { numeric: 'auto' }).format(-value, unit)}
    </time>
  );
}

/**
 * The whole call panel, from plain props: a labelled region with a heading, a status badge, and
 * one designed body per status. The call's content is keyed on its call ID, so nothing of a
 * previous call (expanded data, timers) survives a new one. A polite live region announces a new
 * call and its end, once each.
 *
 * @selector [data-status] `loading` | `no-call` | `live` | `last-call` | `signed-out` | `auth-expired` | `error`
 * @selector [data-freshness] `fresh` | `stale`
 * @selector [data-phase] the call's phase, when one is shown: `queued` | `ringing` | `talking` | `held` | `ended` | `in-progress`
 * @selector [data-color-scheme] `light` | `dark` | `auto`
 * @selector [data-density] `comfortable` | `compact`
 * @selector [data-section] on each section: a `CallInfoSection`
 * @selector [data-slot="call-info-view"]
 */
export const CallInfoView = memo(
  forwardRef<HTMLElement, CallInfoViewProps>(function CallInfoView(
    {
      callInfo,
      status,
      freshness = 'fresh',
      lastUpdatedAt,
      error,
      onRetry,
      nextRetryAt,
      onReauthenticate,
      sections = DEFAULT_SECTIONS,
      colorScheme,
      density,
      className,
      classNames,
      unstyled,
      clockOffset = 0,
      ...rest
    },
    ref,
  ) {
    const { t, format, dir } = useI18n();
    const cls = partClassNames('CallInfoView', classNames);
    const isUnstyled = useUnstyled(unstyled);
    const titleId = useId();
    // Signed out or expired with a stale call: the call stays on screen under the session notice.
    const session = status === 'signed-out' || status === 'auth-expired';
    const showsCall = (status === 'live' || status === 'last-call' || (session && freshness === 'stale')) && !!callInfo;
    const call = showsCall ? callInfo : null;
    const announcer = useCallAnnouncer(callInfo, status);

    const button = (label: string, onClick: () => unknown) => (
      <button type="button" className={cls('action')} onClick={onClick}>
        {label}
      </button>
    );
    const retry = nextRetryAt != null && <RetryCountdown at={nextRetryAt} className={cls('retry')} />;
    const message = (icon: 'signedOut' | 'lock' | 'warning' | null, text: string, hint?: ReactNode) => (
      <>
        <p className={cls('message')}>
          {icon && <Icon name={icon} className={cls('messageIcon')} />}
          {text}
        </p>
        {hint && <p className={cls('hint')}>{hint}</p>}
      </>
    );

    const sessionNotice =
      status === 'signed-out' ? (
        <>
          {message('signedOut', t('status.signedOut'), t('status.signedOutHint'))}
          {onReauthenticate && button(t('action.signIn'), onReauthenticate)}
        </>
      ) : status === 'auth-expired' ? (
        <>
          {message('lock', t('status.authExpired'), t('status.authExpiredHint'))}
          {onReauthenticate && button(t('action.reauthenticate'), onReauthenticate)}
        </>
      ) : null;

    let body: ReactNode;
    if (call) {
      const { trace, phase, endTime, beginTime } = call;
      const callEnd = phase === 'ended' ? endTime : null;
      const talkEnd = trace?.talk.end ?? callEnd;
      const timers: Array<[string, number, number | null]> = [];
      if (beginTime != null && !(phase === 'ended' && callEnd == null)) {
        timers.push([t('label.duration'), beginTime, callEnd]);
      }
      if (trace?.talk.begin != null && !(phase === 'ended' && talkEnd == null)) {
        timers.push([t('label.talkTime'), trace.talk.begin, talkEnd]);
      }
      // Every part is `memo`: TanStack Query shares each answer structurally with the last, so a
      // part whose data did not change gets the same values and objects, and does not render.
      const render: Record<CallInfoSection, () => ReactNode> = {
        parties: () => (
          <CallParties caller={call.caller} called={call.called} originalCalled={call.originalCalled} callType={call.callType} />
        ),
        callType: () => <CallTypeBadge callType={call.callType} />,
        media: () => (call.media || call.ability ? <MediaBadge media={call.media} ability={call.ability} /> : null),
        skill: () => <SkillTag name={call.skill.name} skillId={call.skill.id} />,
        timers: () =>
          timers.length > 0 && (
            <dl className={cls('timers')}>
              {timers.map(([label, start, end]) => (
                <div key={label}>
                  <dt>{label}</dt>
                  <dd>
                    <CallTimer start={start} end={end} />
                  </dd>
                </div>
              ))}
            </dl>
          ),
        trace: () => <TraceTimeline trace={trace} phase={phase} endTime={endTime} />,
        details: () => (
          <CallDetails
            callId={call.callId}
            priority={call.priority}
            trunkNo={call.trunkNo}
            vdnId={call.vdnId}
            beginTime={beginTime}
            waitSeconds={call.waitSeconds}
          />
        ),
        callData: () => (call.callData ? <CallDataView data={call.callData} /> : null),
      };
      body = (
        <>
          {sessionNotice}
          <div key={call.callId} className={cls('call')} data-phase={phase}>
            {sections.map((name) => {
              const content = render[name]?.();
              if (!content) return null;
              const title = name === 'trace' || name === 'callData' ? (`${name}.title` as const) : null;
              return (
                <div key={name} className={cls('section')} data-section={name}>
                  {title && <h3 className={cls('sectionTitle')}>{t(title)}</h3>}
                  {content}
                </div>
              );
            })}
          </div>
        </>
      );
    } else if (status === 'loading') {
      body = (
        <>
          <div className={cls('skeleton')} aria-hidden="true">
            {[0, 1, 2, 3].map((line) => (
              <span key={line} className={cls('skeletonLine')} />
            ))}
          </div>
          {message(null, t('status.loading'))}
        </>
      );
    } else if (session) {
      body = sessionNotice;
    } else if (status === 'error') {
      const reason = isGatewayError(error) ? t(`error.${error.kind}`) : null;
      // What the schema found, for the integrator's eyes: development builds only (bundlers drop it).
      const issues = process.env.NODE_ENV !== 'production' && isGatewayError(error) ? error.issues : [];
      body = (
        <>
          {message('warning', t('status.error'), (reason || retry) && <>{reason} {retry}</>)}
          {issues.length > 0 && (
            <details className={cls('issues')} data-slot="issues">
              <summary>{t('status.errorIssues')}</summary>
              <ul>
                {issues.map((issue) => (
                  <li key={issue}>{issue}</li>
                ))}
              </ul>
            </details>
          )}
          {onRetry && button(t('action.retry'), onRetry)}
        </>
      );
    } else {
      body = message(null, t('status.noCall'));
    }

    const badge =
      status === 'live' || status === 'last-call' ? (
        <span className={cls('badge')} data-status={status} data-phase={call?.phase}>
          <Icon name={status === 'last-call' ? 'clock' : call?.phase === 'held' ? 'pause' : 'live'} className={cls('badgeIcon')} />
          {t(status === 'last-call' ? 'status.lastCall' : call?.phase === 'held' ? 'status.held' : 'status.live')}
        </span>
      ) : null;

    return (
      <section
        ref={ref}
        className={cls('root', className)}
        data-slot="call-info-view"
        data-status={status}
        data-freshness={freshness}
        data-phase={call?.phase}
        data-color-scheme={colorScheme}
        data-density={density}
        {...unstyledAttr(isUnstyled)}
        dir={dir}
        aria-labelledby={rest['aria-label'] === undefined ? titleId : undefined}
        aria-busy={status === 'loading' || undefined}
        {...rest}
      >
        <header className={cls('header')}>
          <h2 id={titleId} className={cls('title')}>
            {t('panel.title')}
          </h2>
          {badge}
        </header>
        {freshness === 'stale' && (
          <p className={cls('notice')} data-freshness="stale">
            <Icon name="warning" className={cls('noticeIcon')} />
            <span>{t('status.stale')}</span>
            {lastUpdatedAt != null && (
              <span>
                {interpolateNodes(t('status.lastUpdated'), {
                  time: <UpdatedAgo at={lastUpdatedAt} />,
                })}
              </span>
            )}
            {retry}
            {onRetry && status !== 'error' && !session && button(t('action.retry'), onRetry)}
          </p>
        )}
        <div className={cls('body')}>
          <UnstyledContext.Provider value={isUnstyled}>
            <ClockOffsetContext.Provider value={clockOffset}>{body}</ClockOffsetContext.Provider>
          </UnstyledContext.Provider>
        </div>
        <div ref={announcer} className={cls('announcer')} role="status" aria-live="polite" aria-atomic="true" />
      </section>
    );
  }),
);

import { Component, forwardRef, memo, useEffect, useId, useSyncExternalStore, type ComponentPropsWithoutRef, type ReactNode } from 'react';
import type { GatewayErrorKind } from '../../gateway/codes';
import { isGatewayError } from '../../gateway/GatewayError';
import type { CallInfo } from '../../gateway/model';
import { useI18n } from '../../i18n/I18nContext';
import { interpolateNodes } from '../../i18n/interpolateNodes';
import { UnstyledContext, useUnstyled } from '../../theme/UnstyledContext';
import type { ColorScheme, Density } from '../../theme/types';
import { CallDataView } from '../CallDataView/CallDataView';
import { isBlankCallData } from '../CallDataView/parseCallData';
import { CallDetails } from '../CallDetails/CallDetails';
import { CallLegs } from '../CallLegs/CallLegs';
import { CallParties } from '../CallParties/CallParties';
import { readClock, subscribeClock } from '../CallTimer/clock';
import { CallTimer } from '../CallTimer/CallTimer';
import { ClockOffsetContext } from '../CallTimer/ClockOffsetContext';
import { CallTypeBadge } from '../CallTypeBadge/CallTypeBadge';
import { codeText } from '../internal/codeText';
import { Icon } from '../internal/Icon';
import { isoInstant } from '../internal/isoDuration';
import { mediumOf, type HoldPeriod } from '../internal/medium';
import { partClassNames, unstyledAttr } from '../internal/partClassNames';
import type { NumberDisplayOptions } from '../internal/partyNumber';
import type { CallDataOptions } from '../CallDataView/callDataOptions';
import { MediaBadge } from '../MediaBadge/MediaBadge';
import { SkillTag } from '../SkillTag/SkillTag';
import { TraceTimeline } from '../TraceTimeline/TraceTimeline';
import { DEFAULT_SECTIONS, type CallInfoExtraSection, type CallInfoFreshness, type CallInfoSection, type CallInfoStatus } from './types';
import { useCallAnnouncer } from './useCallAnnouncer';
import { useHoldPeriods } from './useHoldPeriods';

/** The sections read at a glance: the first column of a wide panel. */
const GLANCE: ReadonlySet<string> = new Set<CallInfoSection>(['parties', 'callType', 'media', 'skill', 'timers']);
/** The loading skeleton's shapes, in the layout's order. */
const SKELETON = ['number', 'badge', 'badge', 'badge', 'band', 'row', 'row', 'row'] as const;

export type CallInfoViewPart =
  | 'root'
  | 'header'
  | 'title'
  | 'actions'
  | 'badge'
  | 'badgeIcon'
  | 'notice'
  | 'noticeIcon'
  | 'retry'
  | 'body'
  | 'call'
  | 'group'
  | 'section'
  | 'sectionTitle'
  | 'phase'
  | 'phaseIcon'
  | 'phaseLabel'
  | 'timer'
  | 'message'
  | 'messageIcon'
  | 'hint'
  | 'issues'
  | 'action'
  | 'skeleton'
  | 'skeletonLine'
  | 'announcer';

export interface CallInfoViewProps extends Omit<ComponentPropsWithoutRef<'section'>, 'children'>, NumberDisplayOptions, CallDataOptions {
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
  /**
   * Which sections to show, in order: our `CallInfoSection` names and the `extraSections` ids.
   * Default: ours in `DEFAULT_SECTIONS` order, then the extra ones in theirs. From a 720 px wide
   * panel, the at-a-glance ones (parties, badges, the status band) take the first column and the
   * rest (track, details, call data) the second. A name that is neither is skipped (with a
   * console warning in development).
   */
  sections?: readonly (CallInfoSection | (string & {}))[];
  /**
   * Sections of the host's own, for the call shown, laid out like ours (see `CallInfoExtraSection`);
   * each one that throws renders nothing, the rest of the panel stays. Pass a stable array.
   */
  extraSections?: readonly CallInfoExtraSection[];
  /**
   * The host's own controls for the call shown (hold, transfer, a CRM link), in the header after
   * the title and badge (the `actions` part, which wraps): whenever a call is shown, live, last
   * call, or stale, including under a signed-out or session-expired notice (`status` and
   * `freshness` say which, to disable what needs a session). Keyed on the call ID: a new call
   * gets fresh controls. A throw renders nothing (logged in development builds).
   */
  renderActions?: (call: CallInfo, view: { status: CallInfoStatus; freshness: CallInfoFreshness }) => ReactNode;
  /**
   * Show fields that have nothing to say: no trunk, priority 0, VDN 0, no call type or skill
   * ("Not reported"). Default `false`: hidden.
   */
  showEmptyFields?: boolean;
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
  /**
   * Every call of the agent (`useAgentCalls().calls`). With two or more (and `onSelectCall`), a
   * strip of tabs above the body shows each (the other party's number, its state in words, its
   * own timer) and `callInfo`, the selected one, is its tab panel. `CallInfoPanel` passes these.
   */
  calls?: readonly CallInfo[];
  /** The call the agent is on (`useAgentCalls().currentCallId`): announced, and its holds timed. */
  currentCallId?: string | null;
  /** The call shown, `callInfo`'s ID: the selected tab. */
  selectedCallId?: string | null;
  /** Called with a call's ID when the agent picks another tab. */
  onSelectCall?: (callId: string) => void;
}

/**
 * Keeps a host's render function from taking the panel down: a throw renders nothing (and says
 * so in development builds); new call data tries again.
 */
class Contained extends Component<{ name: string; call: CallInfo; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override componentDidCatch(error: unknown) {
    if (process.env.NODE_ENV !== 'production') console.error(`cec-call-panel: ${this.props.name} threw`, error);
  }
  override componentDidUpdate(previous: Contained['props']) {
    if (this.state.failed && previous.call !== this.props.call) this.setState({ failed: false });
  }
  override render() {
    return this.state.failed ? null : this.props.children;
  }
}

/** Calls a host's render function as a component's, inside `Contained`. */
const Run = ({ render }: { render: () => ReactNode }) => render();

/** The kinds where the gateway asked the panel to wait: no Retry is offered while it waits. */
const PATIENT: ReadonlySet<GatewayErrorKind> = new Set(['rate-limited', 'switching-over']);
/** The kinds that are likely to pass on their own: told calmly, in the warning colour. */
const PASSING: ReadonlySet<GatewayErrorKind> = new Set(['network', 'timeout', 'rate-limited', 'switching-over']);

/**
 * "Retrying in 8 s", counting down to `at`, and the Retry button: a `patient` failure (the gateway
 * asked to wait) offers Retry only once the countdown is over.
 */
function RetryControls({ at, onRetry, patient, cls }: { at?: number | null; onRetry?: () => void; patient: boolean; cls: (part: CallInfoViewPart) => string }) {
  const { t, format } = useI18n();
  // Renders on the timers' shared tick, but counts from the real time: the tick's reading may
  // be up to a second old, which would start an 8 s wait at "9 s".
  useSyncExternalStore(subscribeClock, readClock, readClock);
  const seconds = at == null ? 0 : Math.ceil((at - Date.now()) / 1000);
  return (
    <>
      {seconds > 0 && <span className={cls('retry')}>{t('status.retryingIn', { seconds: format.number(seconds) })}</span>}
      {onRetry && !(patient && seconds > 0) && (
        <button type="button" className={cls('action')} onClick={onRetry}>
          {t('action.retry')}
        </button>
      )}
    </>
  );
}

type TimerKind = 'call' | 'wait' | 'ring' | 'talk' | 'hold';

/** The status band's timer for a phase: which span it counts, or `null` when its start is unknown. */
function phaseTimer(call: CallInfo, holds: readonly HoldPeriod[]): [TimerKind, number | null, number | null] {
  const { trace, phase, beginTime, endTime } = call;
  switch (phase) {
    case 'queued':
      return ['wait', trace?.wait.begin ?? null, null];
    case 'ringing':
      return ['ring', trace?.answer.begin ?? null, null];
    case 'talking':
      return ['talk', trace?.talk.begin ?? null, null];
    case 'held':
      // None for a call held before the panel saw it (another of the agent's calls): unknown.
      return ['hold', holds.at(-1)?.begin ?? null, null];
    case 'ended':
      return ['call', endTime == null ? null : beginTime, endTime];
    default:
      return ['call', beginTime, null];
  }
}

const NO_HOLDS: readonly HoldPeriod[] = [];

const PHASE_ICONS = { queued: 'clock', ringing: 'phone', talking: 'live', held: 'pause', ended: 'check', 'in-progress': 'live' } as const;

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
 * The whole call panel, from plain props: a labelled region with a heading, a status pill, and one
 * designed body per status. A call reads from the other party's number (the largest text), its
 * badges and a status band naming the phase with its one timer, then its track, details and data.
 * The layout follows the panel's own width (a size container): one column in a side rail, two
 * from about 720 px. The call's content is keyed on its call ID, so nothing of a previous call (expanded
 * data, timers, holds) survives a new one. A polite live region announces a new call, its hold
 * and resume, a session expiring under it, and its end, once each. The host has room of its own:
 * controls in the header (`renderActions`), sections among ours (`extraSections`), and the display
 * of every party number, shown, copied and spoken (`formatNumber`, `dialPrefix`).
 *
 * @selector [data-status] `loading` | `no-call` | `live` | `last-call` | `signed-out` | `auth-expired` | `error`
 * @selector [data-freshness] `fresh` | `stale`
 * @selector [data-error-kind] in the error state, a `GatewayErrorKind` (`network`, `rate-limited`...)
 * @selector [data-timer] on each live timer: `call` | `wait` | `ring` | `talk` | `hold`
 * @selector [data-phase] the call's phase, when one is shown: `queued` | `ringing` | `talking` | `held` | `ended` | `in-progress`
 * @selector [data-color-scheme] `light` | `dark` | `auto`
 * @selector [data-density] `comfortable` | `compact`
 * @selector [data-section] on each section: a `CallInfoSection` or an `extraSections` id
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
      sections,
      extraSections,
      renderActions,
      formatNumber,
      dialPrefix,
      agentId,
      showEmptyFields = false,
      colorScheme,
      density,
      className,
      classNames,
      unstyled,
      clockOffset = 0,
      calls,
      currentCallId,
      selectedCallId,
      onSelectCall,
      callDataEncoding,
      callDataFields,
      callDataLabels,
      callDataLinks,
      ...rest
    },
    ref,
  ) {
    const { t, format, dir } = useI18n();
    const cls = partClassNames('CallInfoView', classNames);
    const isUnstyled = useUnstyled(unstyled);
    const titleId = useId();
    // A misspelt name drops a section without a word on screen: say so, once, in development.
    const unknownSections =
      process.env.NODE_ENV === 'production'
        ? ''
        : (sections ?? []).filter((name) => !(DEFAULT_SECTIONS as readonly string[]).includes(name) && !extraSections?.some((extra) => extra.id === name)).join('", "');
    useEffect(() => {
      if (unknownSections) console.warn(`cec-call-panel: no section named "${unknownSections}": ours are ${DEFAULT_SECTIONS.join(', ')}, and yours are your extraSections' ids.`);
    }, [unknownSections]);
    // Signed out or expired with a stale call: the call stays on screen under the session notice.
    const session = status === 'signed-out' || status === 'auth-expired';
    const showsCall = (status === 'live' || status === 'last-call' || (session && freshness === 'stale')) && !!callInfo;
    const call = showsCall ? callInfo : null;
    const legs = call && onSelectCall && calls && calls.length > 1 ? calls : null;
    // Announced and timed on hold: the call the agent is on, not the tab the agent is reading.
    const currentCall = legs ? (legs.find((leg) => leg.callId === currentCallId) ?? null) : call;
    const announcer = useCallAnnouncer(currentCall, status, { formatNumber, dialPrefix, agentId });
    const currentHolds = useHoldPeriods(currentCall, clockOffset);
    const holds = call?.callId === currentCall?.callId ? currentHolds : NO_HOLDS;
    const tabsId = `${titleId}-calls`;
    const selectedIndex = legs ? legs.findIndex((leg) => leg.callId === selectedCallId) : -1;
    const failureKind = isGatewayError(error) ? error.kind : undefined;
    const errorKind = status === 'error' ? failureKind : undefined;
    const patient = !!failureKind && PATIENT.has(failureKind);

    const button = (label: string, onClick: () => unknown) => (
      <button type="button" className={cls('action')} onClick={onClick}>
        {label}
      </button>
    );
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
      const { trace, phase, endTime, beginTime, callType, media, skill } = call;
      const medium = mediumOf(media);
      const [timerKind, timerStart, timerEnd] = phaseTimer(call, holds);
      const callEnd = phase === 'ended' ? endTime : null;
      const typeText = callType && codeText(t, 'callType', callType);
      // Every part is `memo`: TanStack Query shares each answer structurally with the last, so a
      // part whose data did not change gets the same values and objects, and does not render.
      const render: Record<CallInfoSection, () => ReactNode> = {
        parties: () => (
          <CallParties
            caller={call.caller}
            called={call.called}
            originalCalled={call.originalCalled}
            callType={callType}
            formatNumber={formatNumber}
            dialPrefix={dialPrefix}
            agentId={agentId}
          />
        ),
        callType: () => (callType || showEmptyFields) && <CallTypeBadge callType={callType} />,
        // "Preview outbound" once: a media that says what the call type says is not said again.
        media: () =>
          (media || call.ability || showEmptyFields) &&
          !(media && media.kind !== 'unknown' && typeText === codeText(t, 'media', media)) && <MediaBadge media={media} ability={call.ability} />,
        skill: () => (skill.name || skill.id != null || showEmptyFields) && <SkillTag name={skill.name} skillId={skill.id} />,
        timers: () => (
          <p className={cls('phase')} data-phase={phase}>
            <Icon name={PHASE_ICONS[phase]} className={cls('phaseIcon')} />
            <span className={cls('phaseLabel')}>
              {t(medium === 'chat' && (phase === 'ringing' || phase === 'talking') ? `phase.${phase}Chat` : `phase.${phase}`)}
            </span>
            {timerStart != null && (
              <CallTimer
                start={timerStart}
                end={timerEnd}
                className={cls('timer')}
                data-timer={timerKind}
                title={timerKind === 'hold' ? t('status.holdSince') : undefined}
              />
            )}
          </p>
        ),
        trace: () => <TraceTimeline trace={trace} phase={phase} endTime={endTime} holds={holds} medium={medium} />,
        details: () => (
          <CallDetails
            callId={call.callId}
            priority={call.priority}
            trunkNo={call.trunkNo}
            vdnId={call.vdnId}
            beginTime={beginTime}
            waitSeconds={call.waitSeconds}
            showDuration={!(phase === 'ended' && callEnd == null)}
            endTime={callEnd}
            showEmptyFields={showEmptyFields}
          />
        ),
        callData: () =>
          (showEmptyFields || !isBlankCallData(call.callData, { callDataEncoding, callDataFields })) && (
            <CallDataView
              data={call.callData}
              callDataEncoding={callDataEncoding}
              callDataFields={callDataFields}
              callDataLabels={callDataLabels}
              callDataLinks={callDataLinks}
            />
          ),
      };
      const section = (name: string, title: ReactNode, content: ReactNode) => (
        <div key={name} className={cls('section')} data-section={name}>
          {title && <h3 className={cls('sectionTitle')}>{title}</h3>}
          {content}
        </div>
      );
      // The host's sections by ID: one named like ours replaces it.
      const extras = new Map(extraSections?.map((extra) => [extra.id, extra]));
      // The at-a-glance sections and the rest, in `sections` order (groups by first appearance): two columns when wide.
      const groups = new Map<'glance' | 'more', ReactNode[]>();
      for (const name of sections ?? new Set([...DEFAULT_SECTIONS, ...extras.keys()])) {
        const extra = extras.get(name);
        let node: ReactNode;
        if (extra) {
          node = (
            <Contained key={name} name={`extra section "${name}"`} call={call}>
              <Run
                render={() => {
                  const content = extra.render(call);
                  return !content && content !== 0 ? null : section(name, extra.title, content);
                }}
              />
            </Contained>
          );
        } else {
          const content = Object.hasOwn(render, name) && render[name as CallInfoSection]();
          if (!content) continue;
          node = section(name, (name === 'trace' || name === 'callData') && t(`${name as 'trace'}.title`), content);
        }
        const group = extra?.group ?? (GLANCE.has(name) ? 'glance' : 'more');
        if (!groups.has(group)) groups.set(group, []);
        groups.get(group)!.push(node);
      }
      body = (
        <>
          {sessionNotice}
          <div key={call.callId} className={cls('call')} data-phase={phase} data-medium={medium}>
            {[...groups].map(([group, content]) => (
              <div key={group} className={cls('group')} data-group={group}>
                {content}
              </div>
            ))}
          </div>
        </>
      );
    } else if (status === 'loading') {
      body = (
        <>
          {/* The layout's shape: the number, three badges, the status band, three track steps. */}
          <div className={cls('skeleton')} aria-hidden="true">
            {SKELETON.map((shape, index) => (
              <span key={index} className={cls('skeletonLine')} data-shape={shape} />
            ))}
          </div>
          {message(null, t('status.loading'))}
        </>
      );
    } else if (session) {
      body = sessionNotice;
    } else if (status === 'error') {
      const headline = errorKind && errorKind !== 'not-signed-in' && errorKind !== 'auth-expired' ? t(`headline.${errorKind}`) : t('status.error');
      // What the schema found, for the integrator's eyes: development builds only (bundlers drop it).
      const issues = process.env.NODE_ENV !== 'production' && isGatewayError(error) ? error.issues : [];
      body = (
        <>
          {message('warning', headline, errorKind && t(`error.${errorKind}`))}
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
          <p className={cls('hint')}>
            <RetryControls at={nextRetryAt} onRetry={onRetry} patient={patient} cls={cls} />
          </p>
        </>
      );
    } else {
      body = message(null, t('status.noCall'));
    }

    // One pill: stale replaces "Live call", since what is shown may no longer be live.
    const pill = freshness === 'stale' && call ? 'stale' : status === 'live' || status === 'last-call' ? status : null;
    const badge = pill && (
      <span className={cls('badge')} data-status={pill}>
        <Icon name={pill === 'stale' ? 'warning' : pill === 'last-call' ? 'clock' : 'live'} className={cls('badgeIcon')} />
        {t(pill === 'stale' ? 'status.stale' : pill === 'last-call' ? 'status.lastCall' : 'status.live')}
      </span>
    );

    return (
      <section
        ref={ref}
        className={cls('root', className)}
        data-slot="call-info-view"
        data-status={status}
        data-freshness={freshness}
        data-phase={call?.phase}
        data-error-kind={errorKind}
        data-tone={errorKind && (PASSING.has(errorKind) ? 'warning' : 'danger')}
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
          {call && renderActions && (
            <div key={call.callId} className={cls('actions')}>
              <Contained name="renderActions" call={call}>
                <Run render={() => renderActions(call, { status, freshness })} />
              </Contained>
            </div>
          )}
        </header>
        {freshness === 'stale' && (
          <p className={cls('notice')} data-freshness="stale">
            <Icon name="warning" className={cls('noticeIcon')} />
            {lastUpdatedAt != null ? (
              <span>{interpolateNodes(t('status.lastUpdated'), { time: <UpdatedAgo at={lastUpdatedAt} /> })}</span>
            ) : (
              <span>{t('status.stale')}</span>
            )}
            {status !== 'error' && !session && (
              <RetryControls at={nextRetryAt} onRetry={onRetry} patient={patient} cls={cls} />
            )}
          </p>
        )}
        {legs && (
          <ClockOffsetContext.Provider value={clockOffset}>
          <CallLegs
            calls={legs}
            currentCallId={currentCallId ?? null}
            selectedCallId={selectedCallId ?? null}
            onSelectCall={onSelectCall!}
            idPrefix={tabsId}
            panelId={`${tabsId}-panel`}
            formatNumber={formatNumber}
            dialPrefix={dialPrefix}
            agentId={agentId}
            unstyled={isUnstyled}
          />
          </ClockOffsetContext.Provider>
        )}
        <div
          className={cls('body')}
          {...(legs && { role: 'tabpanel', id: `${tabsId}-panel`, 'aria-labelledby': selectedIndex < 0 ? undefined : `${tabsId}-${selectedIndex}` })}
        >
          <UnstyledContext.Provider value={isUnstyled}>
            <ClockOffsetContext.Provider value={clockOffset}>{body}</ClockOffsetContext.Provider>
          </UnstyledContext.Provider>
        </div>
        <div ref={announcer} className={cls('announcer')} role="status" aria-live="polite" aria-atomic="true" />
      </section>
    );
  }),
);

import { forwardRef, memo, type ComponentPropsWithoutRef, type ReactNode } from 'react';
import type { CallPhase, CallTrace, EpochMs, TraceReason } from '../../gateway/model';
import { interpolateNodes } from '../../i18n/interpolateNodes';
import type { MessageKey } from '../../i18n/Messages';
import { useFormat } from '../../i18n/useFormat';
import { useMessages } from '../../i18n/useMessages';
import { useUnstyled } from '../../theme/UnstyledContext';
import { CallTimer } from '../CallTimer/CallTimer';
import { codeText } from '../internal/codeText';
import { isoInstant } from '../internal/isoDuration';
import type { HoldPeriod, Medium } from '../internal/medium';
import { partClassNames, unstyledAttr } from '../internal/partClassNames';

export type TraceTimelinePart =
  | 'root'
  | 'list'
  | 'segment'
  | 'segmentLabel'
  | 'times'
  | 'duration'
  | 'notReached'
  | 'facts'
  | 'fact'
  | 'term'
  | 'value'
  | 'gatewayText'
  | 'empty';

export interface TraceTimelineProps extends Omit<ComponentPropsWithoutRef<'div'>, 'children'> {
  /** The call's track on the device; `null` (older gateways) shows "No call track reported". */
  trace: CallTrace | null | undefined;
  /** The call's phase; an `ended` call has no open step. Default `'in-progress'`. */
  phase?: CallPhase;
  /** The call's end time, which closes its last step when the gateway sent no end for it. */
  endTime?: EpochMs;
  /**
   * The periods the call was seen on hold (epoch ms, `end: null` while it lasts), as the panel
   * remembers them (to within one poll). Each is an "On hold" step after the talk step, in time
   * order; an open one ticks. While `phase` is `'held'` the open hold is the current step and the
   * talk step is `paused`; a held call with no open period given shows an open "On hold" step
   * without a time. Default: none.
   */
  holds?: readonly HoldPeriod[];
  /** How the call is carried, for the steps' words: a chat is "Offered", not "Ringing", and "Chat", not "Talk". Default `'voice'`. */
  medium?: Medium;
  /** Extra classes per part, next to the stable `cip-TraceTimeline-<part>` ones. */
  classNames?: Partial<Record<TraceTimelinePart, string>>;
  /** Drop the library's look, keep structure. Default: inherited from `CallInfoView`, else `false`. */
  unstyled?: boolean;
}

const SEGMENTS = ['wait', 'answer', 'talk'] as const;
const TIMERS = { wait: 'wait', answer: 'ring', talk: 'talk', hold: 'hold' } as const;
const NO_HOLDS: readonly HoldPeriod[] = [];

type StepState = 'done' | 'active' | 'paused' | 'not-reached';
interface Step {
  segment: keyof typeof TIMERS;
  label: MessageKey;
  begin: number | null;
  end: number | null;
  state: StepState;
  /** A closed duration to show for a step with no end of its own (the paused talk, up to the hold). */
  until?: number;
}
type Fact = readonly [term: string, value: string, gatewayText: string | null];

/**
 * Whether the call has left the device, so that its leave reason means something: it is held or
 * ended, or the latest segment it reached (the last with a begin time) has its own end time.
 * Gateways send `leaveReason: 0` ("Normal reason") for a call still on the device.
 */
function hasLeftDevice(trace: CallTrace, phase: CallPhase): boolean {
  if (phase === 'held' || phase === 'ended') return true;
  const latest = SEGMENTS.map((name) => trace[name])
    .reverse()
    .find((span) => span.begin != null);
  return latest?.end != null;
}

/**
 * The call's track as a timeline: queue wait, ringing (a chat's "Offered") and talk (a chat's
 * "Chat"), then each hold, as steps on one axis, the current one marked on it
 * (`aria-current="step"`), with label, time range and duration in aligned columns (two lines per
 * step in a panel narrower than 22rem). The open step ticks live. Under the first reached step, the
 * device and the enter reason; under the last reached one, once the call has left the device (held,
 * ended, or its latest reached segment has its own end, since gateways send a leave reason for a
 * call still on it), how it left and the leave reason. Reasons read in words; the gateway's own
 * text only on demand, in a disclosure. While held the talk step is `paused`: its begin, and its
 * duration up to the hold; once resumed it is open again, counting from its begin (holds included).
 * Steps not reached stay, muted, as "Not reached": that a call was never answered is news.
 *
 * @selector [data-phase] the call's phase: `queued` | `ringing` | `talking` | `held` | `ended` | `in-progress`
 * @selector [data-trace] `reported` | `none`
 * @selector [data-medium] `voice` | `chat`
 * @selector [data-segment] on each step: `wait` | `answer` | `talk` | `hold`
 * @selector [data-state] on each step: `done` | `active` | `paused` (talk, while on hold) | `not-reached`
 * @selector [data-timer] on each step's duration: `wait` | `ring` | `talk` | `hold`
 * @selector [data-slot="trace-timeline"]
 */
export const TraceTimeline = memo(
  forwardRef<HTMLDivElement, TraceTimelineProps>(function TraceTimeline(
    {
      trace,
      phase = 'in-progress',
      endTime = null,
      holds = NO_HOLDS,
      medium = 'voice',
      className,
      classNames,
      unstyled,
      ...rest
    },
    ref,
  ) {
    const t = useMessages();
    const format = useFormat();
    const cls = partClassNames('TraceTimeline', classNames);
    const time = (ms: number) => <time dateTime={isoInstant(ms)}>{format.time(ms)}</time>;
    const chat = medium === 'chat';

    let body: ReactNode;
    if (!trace) {
      body = <p className={cls('empty')}>{t('trace.none')}</p>;
    } else {
      const ended = phase === 'ended';
      const spans = SEGMENTS.map((name) => trace[name]);
      const periods = [...holds].sort((a, b) => a.begin - b.begin);
      const openHold = ended ? undefined : periods.find((hold) => hold.end == null);
      const onHold = phase === 'held' || openHold != null;

      const steps: Step[] = SEGMENTS.map((name, index) => {
        const { begin, end: ownEnd } = spans[index]!;
        const nextBegin = spans.slice(index + 1).find((span) => span.begin != null)?.begin ?? null;
        const end = ownEnd ?? nextBegin ?? (ended ? endTime : null);
        const open = end == null && !ended;
        const state = begin == null ? 'not-reached' : open ? (name === 'talk' && onHold ? 'paused' : 'active') : 'done';
        const label = chat && name !== 'wait' ? (`trace.${name}Chat` as const) : (`trace.${name}` as const);
        const until = state === 'paused' && openHold && begin != null && openHold.begin >= begin ? openHold.begin : undefined;
        return { segment: name, label, begin, end, state, until };
      });
      for (const { begin, end } of periods) {
        const close = end ?? (ended ? endTime : null);
        steps.push({ segment: 'hold', label: 'trace.hold', begin, end: close, state: close == null && !ended ? 'active' : 'done' });
      }
      if (onHold && !openHold) steps.push({ segment: 'hold', label: 'trace.hold', begin: null, end: null, state: 'active' });

      const { device, directMode, enterReason, leaveReason } = trace;
      const reasonFact = (term: string, reason: TraceReason): Fact => [term, codeText(t, 'reason', reason), reason.gatewayText];
      const enterFacts: Fact[] = [];
      if (device.type || device.no != null) {
        const type = device.type ? codeText(t, 'device', device.type) : '';
        enterFacts.push([t('trace.device'), t('trace.deviceValue', { type, no: device.no ?? '' }).trim(), null]);
      }
      if (enterReason) enterFacts.push(reasonFact(t('trace.enterReason'), enterReason));
      const leaveFacts: Fact[] = [];
      if (hasLeftDevice(trace, phase)) {
        if (directMode) {
          const text =
            directMode.kind === 'unknown' ? t('unknownCode', { code: directMode.raw }) : t(`directMode.${directMode.kind}`);
          leaveFacts.push([t('trace.directMode'), text, null]);
        }
        if (leaveReason) leaveFacts.push(reasonFact(t('trace.leaveReason'), leaveReason));
      }
      // The open hold step with no begin is reached too: the call is on hold now.
      const reached = steps.flatMap((step, index) => (step.state === 'not-reached' ? [] : [index]));
      const first = reached[0] ?? 0;
      const last = reached.at(-1) ?? 0;

      body = (
        <ol className={cls('list')}>
          {steps.map((step, index) => {
            const { segment, begin, end, state } = step;
            const facts = [...(index === first ? enterFacts : []), ...(index === last ? leaveFacts : [])];
            const timer = TIMERS[segment];
            let times: ReactNode = null;
            let duration: ReactNode = null;
            if (begin == null) {
              if (state === 'not-reached') times = <span className={cls('notReached')}>{t('trace.notReached')}</span>;
            } else {
              times = (
                <span className={cls('times')}>
                  {end != null
                    ? interpolateNodes(t('trace.span'), { start: time(begin), end: time(end) })
                    : state === 'active'
                      ? interpolateNodes(t('trace.since'), { start: time(begin) })
                      : time(begin)}
                </span>
              );
              const stop = end ?? step.until ?? null;
              if (stop != null || state === 'active') {
                duration = <CallTimer start={begin} end={stop} className={cls('duration')} data-timer={timer} />;
              }
            }
            return (
              <li
                key={segment === 'hold' ? `hold-${index}` : segment}
                className={cls('segment')}
                data-segment={segment}
                data-state={state}
                aria-current={state === 'active' ? 'step' : undefined}
              >
                <span className={cls('segmentLabel')}>{t(step.label)}</span>
                {times}
                {duration}
                {facts.length > 0 && (
                  <dl className={cls('facts')}>
                    {facts.map(([term, value, gatewayText]) => (
                      <div key={term} className={cls('fact')}>
                        <dt className={cls('term')}>{term}</dt>
                        <dd className={cls('value')}>
                          {value}
                          {gatewayText && (
                            <details className={cls('gatewayText')}>
                              <summary>{t('trace.gatewayTextShow')}</summary>
                              <span dir="auto">{gatewayText}</span>
                            </details>
                          )}
                        </dd>
                      </div>
                    ))}
                  </dl>
                )}
              </li>
            );
          })}
        </ol>
      );
    }

    return (
      <div
        ref={ref}
        className={cls('root', className)}
        data-slot="trace-timeline"
        data-phase={phase}
        data-medium={medium}
        data-trace={trace ? 'reported' : 'none'}
        {...unstyledAttr(useUnstyled(unstyled))}
        {...rest}
      >
        {body}
      </div>
    );
  }),
);

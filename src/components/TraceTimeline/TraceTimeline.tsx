import { forwardRef, memo, type ComponentPropsWithoutRef, type ReactNode } from 'react';
import type { CallPhase, CallTrace, EpochMs } from '../../gateway/model';
import { interpolateNodes } from '../../i18n/interpolateNodes';
import { useFormat } from '../../i18n/useFormat';
import { useMessages } from '../../i18n/useMessages';
import { useUnstyled } from '../../theme/UnstyledContext';
import { CallTimer } from '../CallTimer/CallTimer';
import { codeText } from '../internal/codeText';
import { isoInstant } from '../internal/isoDuration';
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
  /** The call's phase; an `ended` call has no open segment. Default `'in-progress'`. */
  phase?: CallPhase;
  /** The call's end time, which closes its last segment when the gateway sent no end for it. */
  endTime?: EpochMs;
  /** Extra classes per part, next to the stable `cip-TraceTimeline-<part>` ones. */
  classNames?: Partial<Record<TraceTimelinePart, string>>;
  /** Drop the library's look, keep structure. Default: inherited from `CallInfoView`, else `false`. */
  unstyled?: boolean;
}

const SEGMENTS = ['wait', 'answer', 'talk'] as const;

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
 * The call's track as an ordered list: queue wait, ringing and talk with start, end and duration
 * (the open segment ticks live), then the device, how the call left it and the enter and leave
 * reasons in words, with the gateway's own text as secondary.
 * The leave reason is listed only once the call has left the device (held, ended, or its latest
 * reached segment has its own end), since gateways send one for a call still on it.
 *
 * @selector [data-phase] the call's phase: `queued` | `ringing` | `talking` | `held` | `ended` | `in-progress`
 * @selector [data-trace] `reported` | `none`
 * @selector [data-segment] on each item: `wait` | `answer` | `talk`
 * @selector [data-state] on each item: `done` | `active` | `not-reached`
 * @selector [data-slot="trace-timeline"]
 */
export const TraceTimeline = memo(
  forwardRef<HTMLDivElement, TraceTimelineProps>(function TraceTimeline(
    { trace, phase = 'in-progress', endTime = null, className, classNames, unstyled, ...rest },
    ref,
  ) {
    const t = useMessages();
    const format = useFormat();
    const cls = partClassNames('TraceTimeline', classNames);
    const time = (ms: number) => (
      <time dateTime={isoInstant(ms)}>{format.time(ms)}</time>
    );

    let body: ReactNode;
    if (!trace) {
      body = <p className={cls('empty')}>{t('trace.none')}</p>;
    } else {
      const spans = SEGMENTS.map((name) => trace[name]);
      const facts: Array<[string, ReactNode, string | null]> = [];
      const { device, directMode, enterReason, leaveReason } = trace;
      if (device.type || device.no != null) {
        const type = device.type ? codeText(t, 'device', device.type) : '';
        facts.push([t('trace.device'), t('trace.deviceValue', { type, no: device.no ?? '' }).trim(), null]);
      }
      if (directMode) {
        const text =
          directMode.kind === 'unknown' ? t('unknownCode', { code: directMode.raw }) : t(`directMode.${directMode.kind}`);
        facts.push([t('trace.directMode'), text, null]);
      }
      if (enterReason) facts.push([t('trace.enterReason'), codeText(t, 'reason', enterReason), enterReason.gatewayText]);
      if (leaveReason && hasLeftDevice(trace, phase)) {
        facts.push([t('trace.leaveReason'), codeText(t, 'reason', leaveReason), leaveReason.gatewayText]);
      }

      body = (
        <>
          <ol className={cls('list')}>
            {SEGMENTS.map((name, index) => {
              const { begin, end: ownEnd } = spans[index]!;
              const nextBegin = spans.slice(index + 1).find((span) => span.begin != null)?.begin ?? null;
              const end = ownEnd ?? nextBegin ?? (phase === 'ended' ? endTime : null);
              const state = begin == null ? 'not-reached' : end == null && phase !== 'ended' ? 'active' : 'done';
              return (
                <li key={name} className={cls('segment')} data-segment={name} data-state={state}>
                  <span className={cls('segmentLabel')}>{t(`trace.${name}`)}</span>
                  {begin == null ? (
                    <span className={cls('notReached')}>{t('trace.notReached')}</span>
                  ) : (
                    <>
                      <span className={cls('times')}>
                        {end == null
                          ? state === 'active'
                            ? interpolateNodes(t('trace.since'), { start: time(begin) })
                            : time(begin)
                          : interpolateNodes(t('trace.span'), { start: time(begin), end: time(end) })}
                      </span>
                      {(end != null || state === 'active') && (
                        <CallTimer start={begin} end={end} className={cls('duration')} />
                      )}
                    </>
                  )}
                </li>
              );
            })}
          </ol>
          {facts.length > 0 && (
            <dl className={cls('facts')}>
              {facts.map(([term, value, gatewayText]) => (
                <div key={term} className={cls('fact')}>
                  <dt className={cls('term')}>{term}</dt>
                  <dd className={cls('value')}>
                    {value}
                    {gatewayText && (
                      <>
                        {' '}
                        <span className={cls('gatewayText')} dir="auto">
                          {t('trace.gatewayText', { text: gatewayText })}
                        </span>
                      </>
                    )}
                  </dd>
                </div>
              ))}
            </dl>
          )}
        </>
      );
    }

    return (
      <div
        ref={ref}
        className={cls('root', className)}
        data-slot="trace-timeline"
        data-phase={phase}
        data-trace={trace ? 'reported' : 'none'}
        {...unstyledAttr(useUnstyled(unstyled))}
        {...rest}
      >
        {body}
      </div>
    );
  }),
);

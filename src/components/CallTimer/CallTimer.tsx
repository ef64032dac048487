import { forwardRef, memo, useContext, useSyncExternalStore, type ComponentPropsWithoutRef } from 'react';
import { useFormat } from '../../i18n/useFormat';
import { useMessages } from '../../i18n/useMessages';
import { useUnstyled } from '../../theme/UnstyledContext';
import { isoDuration } from '../internal/isoDuration';
import { partClassNames, unstyledAttr } from '../internal/partClassNames';
import { readClock, subscribeClock } from './clock';
import { ClockOffsetContext } from './ClockOffsetContext';

export type CallTimerPart = 'root';

export interface CallTimerProps extends Omit<ComponentPropsWithoutRef<'time'>, 'children' | 'dateTime'> {
  /** When the timed span began, epoch ms. */
  start: number;
  /** When it ended, epoch ms. Default `null`: still going, the timer ticks. */
  end?: number | null;
  /**
   * The clock `start` was read on minus the desktop's, ms, for a running timer. Default: the
   * enclosing `CallInfoView`'s (the gateway's clock, as `CallInfoPanel` measures it), else 0.
   */
  clockOffset?: number;
  /** Extra classes per part, next to the stable `cip-CallTimer-<part>` ones. */
  classNames?: Partial<Record<CallTimerPart, string>>;
  /** Drop the library's look, keep structure. Default: inherited from `CallInfoView`, else `false`. */
  unstyled?: boolean;
}

const noSubscribe = () => () => {};
/** A running timer this far below 0 is not the offset's or the tick's error (a second or so each): its start is wrong. */
const SLACK_MS = 2_000;
/** A moment further than this ahead of the gateway's clock is a bad answer, not a call. */
const DAY_MS = 86_400_000;

/**
 * A live duration: `m:ss` (`h:mm:ss` from an hour) in the locale's digits, inside
 * `<time dateTime="PT1M5S">`. While `end` is unset it ticks once a second on the clock all timers
 * share, re-rendering only itself, on the gateway's clock (see `clockOffset`). A span that would
 * be negative (a running one by more than 2 s, for the offset's and the tick's error) or whose
 * last moment lies more than a day ahead of the gateway's clock reads "Not reported", without a
 * `dateTime`: such moments are a bad answer's, never "-0:03" or 8760 hours.
 *
 * @selector [data-state] `running` | `stopped` | `unknown` (a bad span, see above)
 * @selector [data-slot="call-timer"]
 */
export const CallTimer = memo(
  forwardRef<HTMLTimeElement, CallTimerProps>(function CallTimer(
    { start, end = null, clockOffset, className, classNames, unstyled, ...rest },
    ref,
  ) {
    const running = end === null;
    const inheritedOffset = useContext(ClockOffsetContext);
    const offset = clockOffset ?? inheritedOffset;
    const snapshot = running ? readClock : () => end;
    const now = useSyncExternalStore(running ? subscribeClock : noSubscribe, snapshot, snapshot);
    const format = useFormat();
    const t = useMessages();
    // A running span counts to the gateway's now; a closed one is the gateway's own two moments.
    const gatewayNow = (running ? now : Date.now()) + offset;
    const elapsed = (end ?? gatewayNow) - start;
    // NaN compares false either way: a NaN moment reads unknown too.
    const known = elapsed >= (running ? -SLACK_MS : 0) && !((end ?? start) > gatewayNow + DAY_MS);
    return (
      <time
        ref={ref}
        className={partClassNames('CallTimer', classNames)('root', className)}
        data-slot="call-timer"
        data-state={known ? (running ? 'running' : 'stopped') : 'unknown'}
        dateTime={known ? isoDuration(elapsed) : undefined}
        {...unstyledAttr(useUnstyled(unstyled))}
        {...rest}
      >
        {known ? format.duration(elapsed) : t('value.notReported')}
      </time>
    );
  }),
);

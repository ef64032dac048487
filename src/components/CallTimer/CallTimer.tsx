import { forwardRef, memo, useContext, useSyncExternalStore, type ComponentPropsWithoutRef } from 'react';
import { useFormat } from '../../i18n/useFormat';
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

/**
 * A live duration: `m:ss` (`h:mm:ss` from an hour) in the locale's digits, inside
 * `<time dateTime="PT1M5S">`. While `end` is unset it ticks once a second on the clock all timers
 * share, re-rendering only itself, on the gateway's clock (see `clockOffset`). Never negative.
 *
 * @selector [data-state] `running` | `stopped`
 * @selector [data-slot="call-timer"]
 */
export const CallTimer = memo(
  forwardRef<HTMLTimeElement, CallTimerProps>(function CallTimer(
    { start, end = null, clockOffset, className, classNames, unstyled, ...rest },
    ref,
  ) {
    const running = end === null;
    const inheritedOffset = useContext(ClockOffsetContext);
    const snapshot = running ? readClock : () => end;
    const now = useSyncExternalStore(running ? subscribeClock : noSubscribe, snapshot, snapshot);
    const format = useFormat();
    const elapsed = Math.max(0, now + (running ? (clockOffset ?? inheritedOffset) : 0) - start) || 0;
    return (
      <time
        ref={ref}
        className={partClassNames('CallTimer', classNames)('root', className)}
        data-slot="call-timer"
        data-state={running ? 'running' : 'stopped'}
        dateTime={isoDuration(elapsed)}
        {...unstyledAttr(useUnstyled(unstyled))}
        {...rest}
      >
        {format.duration(elapsed)}
      </time>
    );
  }),
);

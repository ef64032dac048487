import { forwardRef, memo, type ComponentPropsWithoutRef, type ReactNode } from 'react';
import type { EpochMs } from '../../gateway/model';
import { useFormat } from '../../i18n/useFormat';
import { useMessages } from '../../i18n/useMessages';
import { useUnstyled } from '../../theme/UnstyledContext';
import { CallTimer } from '../CallTimer/CallTimer';
import { CopyButton } from '../internal/CopyButton';
import { isoDuration, isoInstant } from '../internal/isoDuration';
import { partClassNames, unstyledAttr } from '../internal/partClassNames';

export type CallDetailsPart = 'root' | 'entry' | 'term' | 'value' | 'callId' | 'copy';

export interface CallDetailsProps extends Omit<ComponentPropsWithoutRef<'dl'>, 'children'> {
  /** The call ID, shown with a copy button. */
  callId: string;
  /** Customer level (`userPriority`); `null` and 0 (none) hide the row unless `showEmptyFields`. */
  priority?: number | null;
  /** Trunk number; `null` (the gateway's 65535) hides the row, or shows "None" with `showEmptyFields`. */
  trunkNo?: number | null;
  /** VDN ID; `null` and 0 (none) hide the row unless `showEmptyFields`. */
  vdnId?: number | null;
  /** When the call began, epoch ms; `null` hides the row. */
  beginTime?: EpochMs;
  /** Waiting time in seconds; `null` hides the row. */
  waitSeconds?: number | null;
  /**
   * Adds the call's duration from `beginTime` as a `CallTimer` (`data-timer="call"`), ticking
   * while `endTime` is `null`. Default `false`.
   */
  showDuration?: boolean;
  /** When the call ended, epoch ms; `null` while it goes on. */
  endTime?: EpochMs;
  /**
   * Show the fields that have no value too: no trunk as "None", priority 0, VDN 0 (a `null`
   * priority or VDN reads "None"). Default `false`: they are hidden.
   */
  showEmptyFields?: boolean;
  /** Extra classes per part, next to the stable `cip-CallDetails-<part>` ones. */
  classNames?: Partial<Record<CallDetailsPart, string>>;
  /** Drop the library's look, keep structure. Default: inherited from `CallInfoView`, else `false`. */
  unstyled?: boolean;
}

type Entry = 'callId' | 'priority' | 'trunk' | 'vdn' | 'beginTime' | 'waitTime' | 'duration';

/**
 * The call's facts as a description list: call ID (copyable), customer priority, trunk, VDN,
 * begin time (`<time dateTime>` in the locale's format), waiting time and call duration. Fields
 * with no value (no trunk, priority 0, VDN 0, anything not sent) are hidden unless `showEmptyFields`.
 *
 * @selector [data-entry] on each entry: `callId` | `priority` | `trunk` | `vdn` | `beginTime` | `waitTime` | `duration`
 * @selector [data-slot="call-details"]
 */
export const CallDetails = memo(
  forwardRef<HTMLDListElement, CallDetailsProps>(function CallDetails(
    {
      callId,
      priority = null,
      trunkNo = null,
      vdnId = null,
      beginTime = null,
      waitSeconds = null,
      showDuration = false,
      endTime = null,
      showEmptyFields = false,
      className,
      classNames,
      unstyled,
      ...rest
    },
    ref,
  ) {
    const t = useMessages();
    const format = useFormat();
    const cls = partClassNames('CallDetails', classNames);
    const isUnstyled = useUnstyled(unstyled);
    // Each entry is labelled `label.<entry>`.
    const entries: Array<[Entry, ReactNode]> = [
      [
        'callId',
        <>
          <span className={cls('callId')} dir="ltr">
            {callId}
          </span>
          <CopyButton
            value={callId}
            label="copy.callId"
            className={cls('copy')}
            unstyled={isUnstyled}
          />
        </>,
      ],
    ];
    const none = t('value.none');
    // 0 is the gateway's "none" for priority and VDN; a trunk's is 65535, read as `null`.
    if (priority || showEmptyFields) entries.push(['priority', priority == null ? none : format.number(priority)]);
    if (trunkNo != null || showEmptyFields) entries.push(['trunk', trunkNo == null ? none : String(trunkNo)]);
    if (vdnId || showEmptyFields) entries.push(['vdn', vdnId == null ? none : String(vdnId)]);
    if (beginTime != null) {
      entries.push(['beginTime', <time dateTime={isoInstant(beginTime)}>{format.dateTime(beginTime)}</time>]);
    }
    if (waitSeconds != null) {
      const ms = waitSeconds * 1000;
      entries.push(['waitTime', <time dateTime={isoDuration(ms)}>{format.duration(ms)}</time>]);
    }
    if (showDuration && beginTime != null) {
      entries.push(['duration', <CallTimer start={beginTime} end={endTime} data-timer="call" unstyled={isUnstyled} />]);
    }

    return (
      <dl
        ref={ref}
        className={cls('root', className)}
        data-slot="call-details"
        {...unstyledAttr(isUnstyled)}
        {...rest}
      >
        {entries.map(([name, value]) => (
          <div key={name} className={cls('entry')} data-entry={name}>
            <dt className={cls('term')}>{t(`label.${name}`)}</dt>
            <dd className={cls('value')}>{value}</dd>
          </div>
        ))}
      </dl>
    );
  }),
);

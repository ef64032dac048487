import { forwardRef, memo, type ComponentPropsWithoutRef, type ReactNode } from 'react';
import type { EpochMs } from '../../gateway/model';
import { useFormat } from '../../i18n/useFormat';
import { useMessages } from '../../i18n/useMessages';
import { useUnstyled } from '../../theme/UnstyledContext';
import { CopyButton } from '../internal/CopyButton';
import { isoDuration, isoInstant } from '../internal/isoDuration';
import { partClassNames, unstyledAttr } from '../internal/partClassNames';

export type CallDetailsPart = 'root' | 'entry' | 'term' | 'value' | 'callId' | 'copy';

export interface CallDetailsProps extends Omit<ComponentPropsWithoutRef<'dl'>, 'children'> {
  /** The call ID, shown with a copy button. */
  callId: string;
  /** Customer level (`userPriority`); `null` hides the row. */
  priority?: number | null;
  /** Trunk number; `null` shows "None" (the gateway's 65535). */
  trunkNo?: number | null;
  /** VDN ID; `null` hides the row. */
  vdnId?: number | null;
  /** When the call began, epoch ms; `null` hides the row. */
  beginTime?: EpochMs;
  /** Waiting time in seconds; `null` hides the row. */
  waitSeconds?: number | null;
  /** Extra classes per part, next to the stable `cip-CallDetails-<part>` ones. */
  classNames?: Partial<Record<CallDetailsPart, string>>;
  /** Drop the library's look, keep structure. Default: inherited from `CallInfoView`, else `false`. */
  unstyled?: boolean;
}

type Entry = 'callId' | 'priority' | 'trunk' | 'vdn' | 'beginTime' | 'waitTime';

/**
 * The call's facts as a description list: call ID (copyable), customer priority, trunk, VDN,
 * begin time (`<time dateTime>` in the locale's format) and waiting time.
 *
 * @selector [data-entry] on each entry: `callId` | `priority` | `trunk` | `vdn` | `beginTime` | `waitTime`
 * @selector [data-slot="call-details"]
 */
export const CallDetails = memo(
  forwardRef<HTMLDListElement, CallDetailsProps>(function CallDetails(
    { callId, priority = null, trunkNo = null, vdnId = null, beginTime = null, waitSeconds = null, className, classNames, unstyled, ...rest },
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
    if (priority != null) entries.push(['priority', format.number(priority)]);
    entries.push(['trunk', trunkNo == null ? t('value.none') : String(trunkNo)]);
    if (vdnId != null) entries.push(['vdn', String(vdnId)]);
    if (beginTime != null) {
      entries.push(['beginTime', <time dateTime={isoInstant(beginTime)}>{format.dateTime(beginTime)}</time>]);
    }
    if (waitSeconds != null) {
      const ms = waitSeconds * 1000;
      entries.push(['waitTime', <time dateTime={isoDuration(ms)}>{format.duration(ms)}</time>]);
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

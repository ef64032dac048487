import { forwardRef, memo, useId, useRef, type ComponentPropsWithoutRef, type KeyboardEvent } from 'react';
import type { CallInfo } from '../../gateway/model';
import { useI18n } from '../../i18n/I18nContext';
import { useUnstyled } from '../../theme/UnstyledContext';
import { CallTimer } from '../CallTimer/CallTimer';
import { directionOf, otherPartyOf } from '../CallTypeBadge/directionOf';
import { Icon } from '../internal/Icon';
import { mediumOf } from '../internal/medium';
import { partClassNames, unstyledAttr } from '../internal/partClassNames';
import { displayNumber, type NumberDisplayOptions } from '../internal/partyNumber';

export type CallLegsPart = 'root' | 'leg' | 'number' | 'state' | 'stateIcon' | 'timer';

export interface CallLegsProps extends Omit<ComponentPropsWithoutRef<'div'>, 'children' | 'onSelect'>, NumberDisplayOptions {
  /** The agent's calls, in the order to show them (`useAgentCalls().calls`). */
  calls: readonly CallInfo[];
  /** The call the agent is on (`useAgentCalls().currentCallId`). */
  currentCallId: string | null;
  /** The call whose details are shown. */
  selectedCallId: string | null;
  /** Called with a call's ID when the agent picks it (click, arrow keys, Home, End). */
  onSelectCall: (callId: string) => void;
  /** The ID of the element showing the selected call, for `aria-controls`. */
  panelId?: string;
  /** Tab N's ID is `{idPrefix}-{N}` (0-based), for the panel's `aria-labelledby`. Default: a generated one. */
  idPrefix?: string;
  classNames?: Partial<Record<CallLegsPart, string>>;
  unstyled?: boolean;
}

const PHASE_ICONS = { queued: 'clock', ringing: 'phone', talking: 'live', held: 'pause', ended: 'check', 'in-progress': 'live' } as const;
const NEXT: Readonly<Record<string, number>> = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };

/**
 * The agent's calls side by side, as tabs: each with the other party's number, its state in
 * words and an icon (held is said, not only coloured), and a timer from its begin time. Arrow
 * keys move between calls (mirrored in right-to-left languages), Home and End go to the ends;
 * the selected call is the one tab in the tab order.
 *
 * @selector [data-call-id] on each leg, with `data-phase` and `data-current` (the call the agent is on)
 * @selector [data-slot="call-legs"]
 */
export const CallLegs = memo(
  forwardRef<HTMLDivElement, CallLegsProps>(function CallLegs(
    { calls, currentCallId, selectedCallId, onSelectCall, panelId, idPrefix, formatNumber, dialPrefix, agentId, className, classNames, unstyled, ...rest },
    ref,
  ) {
    const { t, dir } = useI18n();
    const isUnstyled = useUnstyled(unstyled);
    const cls = partClassNames<CallLegsPart>('CallLegs', classNames);
    const tabs = useRef<Array<HTMLButtonElement | null>>([]);
    const generated = useId();

    const onKeyDown = (event: KeyboardEvent, index: number) => {
      // Left and right follow the reading direction: in Arabic, the next call is to the left.
      const step = (NEXT[event.key] ?? 0) * (dir === 'rtl' && /^Arrow[LR]/.test(event.key) ? -1 : 1);
      let to: number;
      if (step) to = (index + step + calls.length) % calls.length;
      else if (event.key === 'Home') to = 0;
      else if (event.key === 'End') to = calls.length - 1;
      else return;
      event.preventDefault();
      tabs.current[to]?.focus();
      onSelectCall(calls[to]!.callId);
    };

    return (
      <div
        ref={ref}
        role="tablist"
        aria-label={t('calls.label')}
        data-slot="call-legs"
        {...unstyledAttr(isUnstyled)}
        {...rest}
        className={cls('root', className)}
      >
        {calls.map((call, index) => {
          const selected = call.callId === selectedCallId;
          const role = otherPartyOf(call.callType, call.caller, agentId);
          const number = displayNumber(call[role], role, directionOf(call.callType) === 'outgoing', { formatNumber, dialPrefix });
          const chat = mediumOf(call.media) === 'chat' && (call.phase === 'ringing' || call.phase === 'talking');
          return (
            <button
              type="button"
              key={call.callId}
              ref={(tab) => void (tabs.current[index] = tab)}
              role="tab"
              id={`${idPrefix ?? generated}-${index}`}
              aria-selected={selected}
              aria-controls={panelId}
              tabIndex={selected ? 0 : -1}
              data-call-id={call.callId}
              data-phase={call.phase}
              data-current={call.callId === currentCallId ? '' : undefined}
              className={cls('leg')}
              onClick={() => onSelectCall(call.callId)}
              onKeyDown={(event) => onKeyDown(event, index)}
            >
              <bdi className={cls('number')}>{number || t('value.notReported')}</bdi>
              <span className={cls('state')}>
                <Icon name={PHASE_ICONS[call.phase]} className={cls('stateIcon')} />
                {t(chat ? `phase.${call.phase as 'ringing' | 'talking'}Chat` : `phase.${call.phase}`)}
                {call.beginTime !== null && <CallTimer start={call.beginTime} end={call.endTime} className={cls('timer')} />}
              </span>
            </button>
          );
        })}
      </div>
    );
  }),
);

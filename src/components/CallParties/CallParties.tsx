import { forwardRef, memo, type ComponentPropsWithoutRef } from 'react';
import type { CallTypeKind, Coded } from '../../gateway/codes';
import { useMessages } from '../../i18n/useMessages';
import { useUnstyled } from '../../theme/UnstyledContext';
import { directionOf, otherPartyOf } from '../CallTypeBadge/directionOf';
import { CopyButton } from '../internal/CopyButton';
import { partClassNames, unstyledAttr } from '../internal/partClassNames';
import { displayNumber, type NumberDisplayOptions, type NumberRole } from '../internal/partyNumber';

export type CallPartiesPart =
  | 'root'
  | 'list'
  | 'party'
  | 'term'
  | 'value'
  | 'number'
  | 'copy';

export interface CallPartiesProps extends Omit<ComponentPropsWithoutRef<'div'>, 'children'>, NumberDisplayOptions {
  /** Calling number, shown as received (without bidi controls) unless `formatNumber` says otherwise. */
  caller: string;
  /** Called number, shown as received (without bidi controls) unless `dialPrefix` or `formatNumber` say otherwise. */
  called: string;
  /** Original called number; shown only when set and different from `called`. */
  originalCalled?: string | null;
  /**
   * The call type, which says who the other party is: the called number of outgoing kinds, else
   * the caller. Default: unknown (the caller).
   */
  callType?: Coded<CallTypeKind> | null;
  /** Extra classes per part, next to the stable `cip-CallParties-<part>` ones. */
  classNames?: Partial<Record<CallPartiesPart, string>>;
  /** Drop the library's look, keep structure. Default: inherited from `CallInfoView`, else `false`. */
  unstyled?: boolean;
}

type Party = 'caller' | 'called' | 'originalCalled';

/**
 * Who is on the call. The other party (by the call type: the called number of outgoing calls, the
 * caller of every other kind) comes first as the panel's largest text; then the agent's side and,
 * when it differs, the original called number. Each has a copy button ("Copy caller number 70004")
 * and a polite "Copied" confirmation. Numbers are isolated left-to-right so `+86…` reads right in
 * RTL, and shown and copied without bidi controls, so none can be reordered into another number.
 * `dialPrefix` and `formatNumber` change what is shown; the copy button copies, and is named
 * with, what is shown (a masked number never reaches the clipboard). The direction itself is the
 * call-type badge's to say.
 *
 * @selector [data-direction] `incoming` | `outgoing` | `internal` | `consultation` | `conference` | `unknown`
 * @selector [data-party] on each entry: `caller` | `called` | `originalCalled`
 * @selector [data-role="other"] on the other party's entry (the headline)
 * @selector [data-slot="call-parties"]
 */
export const CallParties = memo(
  forwardRef<HTMLDivElement, CallPartiesProps>(function CallParties(
    { caller, called, originalCalled, callType, formatNumber, dialPrefix, agentId, className, classNames, unstyled, ...rest },
    ref,
  ) {
    const t = useMessages();
    const cls = partClassNames('CallParties', classNames);
    const isUnstyled = useUnstyled(unstyled);
    const other = otherPartyOf(callType, caller, agentId);
    const direction = directionOf(callType);
    // Shown and copied as the wire spells them (or as the host formats them), without bidi
    // controls: no invisible reordering (a spoofed number).
    const show = (role: NumberRole, number: string) => displayNumber(number, role, direction === 'outgoing', { formatNumber, dialPrefix });
    const parties: Array<[Party, string]> = [
      ['caller', show('caller', caller)],
      ['called', show('called', called)],
    ];
    if (other === 'called') parties.reverse();
    if (originalCalled && originalCalled !== called) parties.push(['originalCalled', show('original', originalCalled)]);

    return (
      <div
        ref={ref}
        className={cls('root', className)}
        data-slot="call-parties"
        data-direction={direction}
        {...unstyledAttr(isUnstyled)}
        {...rest}
      >
        <dl className={cls('list')}>
          {parties.map(([party, number]) => (
            <div key={party} className={cls('party')} data-party={party} data-role={party === other ? 'other' : undefined}>
              <dt className={cls('term')}>{t(`label.${party}`)}</dt>
              <dd className={cls('value')}>
                <span className={cls('number')} dir="ltr">
                  {number || t('value.notReported')}
                </span>
                {number && (
                  <CopyButton
                    value={number}
                    label={`copy.${party}`}
                    className={cls('copy')}
                    unstyled={isUnstyled}
                  />
                )}
              </dd>
            </div>
          ))}
        </dl>
      </div>
    );
  }),
);

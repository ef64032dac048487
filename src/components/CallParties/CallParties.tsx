import { forwardRef, memo, type ComponentPropsWithoutRef } from 'react';
import type { CallTypeKind, Coded } from '../../gateway/codes';
import { useMessages } from '../../i18n/useMessages';
import { useUnstyled } from '../../theme/UnstyledContext';
import { directionIcon, directionOf } from '../CallTypeBadge/directionOf';
import { CopyButton } from '../internal/CopyButton';
import { Icon } from '../internal/Icon';
import { partClassNames, unstyledAttr } from '../internal/partClassNames';
import { withoutBidiControls } from '../internal/withoutBidiControls';

export type CallPartiesPart =
  | 'root'
  | 'direction'
  | 'directionIcon'
  | 'directionLabel'
  | 'list'
  | 'party'
  | 'term'
  | 'value'
  | 'number'
  | 'copy';

export interface CallPartiesProps extends Omit<ComponentPropsWithoutRef<'div'>, 'children'> {
  /** Calling number, shown exactly as received. */
  caller: string;
  /** Called number, shown exactly as received. */
  called: string;
  /** Original called number; shown only when set and different from `called`. */
  originalCalled?: string | null;
  /** The call type, which gives the direction. Default: direction unknown. */
  callType?: Coded<CallTypeKind> | null;
  /** Extra classes per part, next to the stable `cip-CallParties-<part>` ones. */
  classNames?: Partial<Record<CallPartiesPart, string>>;
  /** Drop the library's look, keep structure. Default: inherited from `CallInfoView`, else `false`. */
  unstyled?: boolean;
}

type Party = 'caller' | 'called' | 'originalCalled';

/**
 * Who is on the call: the direction (icon and words), caller, called and, when it differs, the
 * original called number, each with a copy button ("Copy caller number 70004") and a polite
 * "Copied" confirmation. Numbers are isolated left-to-right so `+86…` reads right in RTL.
 *
 * @selector [data-direction] `incoming` | `outgoing` | `internal` | `consultation` | `conference` | `unknown`
 * @selector [data-party] on each entry: `caller` | `called` | `originalCalled`
 * @selector [data-slot="call-parties"]
 */
export const CallParties = memo(
  forwardRef<HTMLDivElement, CallPartiesProps>(function CallParties(
    { caller, called, originalCalled, callType, className, classNames, unstyled, ...rest },
    ref,
  ) {
    const t = useMessages();
    const cls = partClassNames('CallParties', classNames);
    const isUnstyled = useUnstyled(unstyled);
    const direction = directionOf(callType);
    // Shown and copied as the wire spells them: no invisible reordering (a spoofed number).
    const parties: Array<[Party, string]> = [
      ['caller', withoutBidiControls(caller)],
      ['called', withoutBidiControls(called)],
    ];
    if (originalCalled && originalCalled !== called) parties.push(['originalCalled', withoutBidiControls(originalCalled)]);

    return (
      <div
        ref={ref}
        className={cls('root', className)}
        data-slot="call-parties"
        data-direction={direction}
        {...unstyledAttr(isUnstyled)}
        {...rest}
      >
        <p className={cls('direction')}>
          <Icon name={directionIcon(direction)} className={cls('directionIcon')} />
          <span className={cls('directionLabel')}>{t(`direction.${direction}`)}</span>
        </p>
        <dl className={cls('list')}>
          {parties.map(([party, number]) => (
            <div key={party} className={cls('party')} data-party={party}>
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

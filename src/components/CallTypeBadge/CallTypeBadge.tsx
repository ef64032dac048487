import { forwardRef, memo, type ComponentPropsWithoutRef } from 'react';
import type { CallTypeKind, Coded } from '../../gateway/codes';
import { useMessages } from '../../i18n/useMessages';
import { useUnstyled } from '../../theme/UnstyledContext';
import { codeText } from '../internal/codeText';
import { Icon } from '../internal/Icon';
import { partClassNames, unstyledAttr } from '../internal/partClassNames';
import { directionIcon, directionOf } from './directionOf';

export type CallTypeBadgePart = 'root' | 'icon' | 'label';

export interface CallTypeBadgeProps extends Omit<ComponentPropsWithoutRef<'span'>, 'children'> {
  /** The call type (`callfeature`); `null` when the gateway sent none. */
  callType: Coded<CallTypeKind> | null | undefined;
  /** Extra classes per part, next to the stable `cip-CallTypeBadge-<part>` ones. */
  classNames?: Partial<Record<CallTypeBadgePart, string>>;
  /** Drop the library's look, keep structure. Default: inherited from `CallInfoView`, else `false`. */
  unstyled?: boolean;
}

/**
 * The call type (the 11 documented ones, or "unknown (code N)") with a direction icon.
 *
 * @selector [data-call-type] `incoming` | `outgoing` | … | `conference` | `unknown` | `none`
 * @selector [data-direction] `incoming` | `outgoing` | `internal` | `consultation` | `conference` | `unknown`
 * @selector [data-slot="call-type-badge"]
 */
export const CallTypeBadge = memo(
  forwardRef<HTMLSpanElement, CallTypeBadgeProps>(function CallTypeBadge(
    { callType, className, classNames, unstyled, ...rest },
    ref,
  ) {
    const t = useMessages();
    const cls = partClassNames('CallTypeBadge', classNames);
    const direction = directionOf(callType);
    const label = callType ? codeText(t, 'callType', callType) : t('value.notReported');
    return (
      <span
        ref={ref}
        className={cls('root', className)}
        data-slot="call-type-badge"
        data-call-type={callType?.kind ?? 'none'}
        data-direction={direction}
        {...unstyledAttr(useUnstyled(unstyled))}
        {...rest}
      >
        <Icon name={directionIcon(direction)} className={cls('icon')} />
        <span className={cls('label')}>{label}</span>
      </span>
    );
  }),
);

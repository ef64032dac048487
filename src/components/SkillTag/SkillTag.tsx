import { forwardRef, memo, type ComponentPropsWithoutRef } from 'react';
import { useMessages } from '../../i18n/useMessages';
import { useUnstyled } from '../../theme/UnstyledContext';
import { Icon } from '../internal/Icon';
import { partClassNames, unstyledAttr } from '../internal/partClassNames';

export type SkillTagPart = 'root' | 'icon' | 'label' | 'name' | 'id';

export interface SkillTagProps extends Omit<ComponentPropsWithoutRef<'span'>, 'children' | 'id'> {
  /** The skill description (`callskill`), shown as received. */
  name: string;
  /** The skill ID (`callskillid`); `null` hides it. */
  skillId?: number | null;
  /** Extra classes per part, next to the stable `cip-SkillTag-<part>` ones. */
  classNames?: Partial<Record<SkillTagPart, string>>;
  /** Drop the library's look, keep structure. Default: inherited from `CallInfoView`, else `false`. */
  unstyled?: boolean;
}

/**
 * The skill the call came in on: a visible "Skill" label, its name and its ID.
 *
 * @selector [data-skill] `named` | `unnamed` (the gateway sent an empty description)
 * @selector [data-slot="skill-tag"]
 */
export const SkillTag = memo(
  forwardRef<HTMLSpanElement, SkillTagProps>(function SkillTag(
    { name, skillId, className, classNames, unstyled, ...rest },
    ref,
  ) {
    const t = useMessages();
    const cls = partClassNames('SkillTag', classNames);
    return (
      <span
        ref={ref}
        className={cls('root', className)}
        data-slot="skill-tag"
        data-skill={name ? 'named' : 'unnamed'}
        {...unstyledAttr(useUnstyled(unstyled))}
        {...rest}
      >
        <Icon name="tag" className={cls('icon')} />
        <span className={cls('label')}>{t('label.skill')}</span>{' '}
        <span className={cls('name')} dir="auto">
          {name || t('value.notReported')}
        </span>
        {skillId != null && (
          <>
            {' '}
            <span className={cls('id')}>{t('label.skillId', { id: skillId })}</span>
          </>
        )}
      </span>
    );
  }),
);

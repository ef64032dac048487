import { forwardRef, memo, type ComponentPropsWithoutRef } from 'react';
import type { AbilityKind, Coded, MediaKind } from '../../gateway/codes';
import { interpolateNodes } from '../../i18n/interpolateNodes';
import { useMessages } from '../../i18n/useMessages';
import { useUnstyled } from '../../theme/UnstyledContext';
import { codeText } from '../internal/codeText';
import { Icon, type IconName } from '../internal/Icon';
import { partClassNames, unstyledAttr } from '../internal/partClassNames';

export type MediaBadgePart = 'root' | 'icon' | 'text' | 'label' | 'ability';

export interface MediaBadgeProps extends Omit<ComponentPropsWithoutRef<'span'>, 'children'> {
  /** The media type (`mediaType`); `null` when the gateway omits it (older gateways do). */
  media: Coded<MediaKind> | null | undefined;
  /** What the call can carry (`mediaAbility`). Default: not shown. */
  ability?: Coded<AbilityKind> | null;
  /** Extra classes per part, next to the stable `cip-MediaBadge-<part>` ones. */
  classNames?: Partial<Record<MediaBadgePart, string>>;
  /** Drop the library's look, keep structure. Default: inherited from `CallInfoView`, else `false`. */
  unstyled?: boolean;
}

const ICONS: Record<MediaKind | 'unknown', IconName> = {
  'text-chat': 'chat',
  'click-to-dial': 'phone',
  'callback-request': 'callback',
  voice: 'phone',
  'predicted-outbound': 'phone',
  'preview-outbound': 'phone',
  message: 'message',
  video: 'video',
  'web-chat': 'chat',
  'social-chat': 'chat',
  unknown: 'question',
};

/**
 * The call's media (the 10 documented types, or "unknown (code N)") and its ability
 * (voice, video, voice and video): an icon plus text, never colour alone.
 *
 * @selector [data-media] a media kind (`voice`, `video`, `web-chat`…), `unknown` or `none`
 * @selector [data-ability] `voice` | `video` | `voice-video` | `unknown` | `none`
 * @selector [data-slot="media-badge"]
 */
export const MediaBadge = memo(
  forwardRef<HTMLSpanElement, MediaBadgeProps>(function MediaBadge(
    { media, ability, className, classNames, unstyled, ...rest },
    ref,
  ) {
    const t = useMessages();
    const cls = partClassNames('MediaBadge', classNames);
    const mediaText = media ? codeText(t, 'media', media) : null;
    const abilityText = ability ? codeText(t, 'ability', ability) : null;
    const icon: IconName = media
      ? media.kind === 'voice' && ability?.kind === 'video'
        ? 'video'
        : ICONS[media.kind]
      : ability?.kind === 'video'
        ? 'video'
        : ability
          ? 'phone'
          : 'question';
    const mediaNode = <span className={cls('label')}>{mediaText ?? abilityText ?? t('value.notReported')}</span>;
    return (
      <span
        ref={ref}
        className={cls('root', className)}
        data-slot="media-badge"
        data-media={media?.kind ?? 'none'}
        data-ability={ability?.kind ?? 'none'}
        {...unstyledAttr(useUnstyled(unstyled))}
        {...rest}
      >
        <Icon name={icon} className={cls('icon')} />
        {mediaText && abilityText ? (
          // One flex item for the whole phrase, so the badge's gap does not split "(voice)".
          <span className={cls('text')}>
            {interpolateNodes(t('mediaWithAbility'), {
              media: mediaNode,
              ability: <span className={cls('ability')}>{abilityText}</span>,
            })}
          </span>
        ) : (
          mediaNode
        )}
      </span>
    );
  }),
);

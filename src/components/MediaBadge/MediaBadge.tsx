import { forwardRef, memo, type ComponentPropsWithoutRef } from 'react';
import type { AbilityKind, Coded, MediaKind } from '../../gateway/codes';
import { useMessages } from '../../i18n/useMessages';
import { useUnstyled } from '../../theme/UnstyledContext';
import { codeText } from '../internal/codeText';
import { Icon, type IconName } from '../internal/Icon';
import { partClassNames, unstyledAttr } from '../internal/partClassNames';

export type MediaBadgePart = 'root' | 'icon' | 'label';

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
 * The call's media in one short word ("Voice", "Video", "Web chat", or "unknown (code N)"): code 5,
 * "voice or video", is named by its ability (voice, video, voice and video). An icon plus text,
 * never colour alone.
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
    // One short word: "Voice or video" (code 5) is told apart by its ability, "Video"; an unknown
    // media keeps its code, "unknown (code 99)", and the ability then says nothing more.
    const byAbility = (!media || media.kind === 'voice') && ability && (ability.kind !== 'unknown' || !media);
    const label = (byAbility ? abilityText : mediaText) ?? t('value.notReported');
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
        <span className={cls('label')}>{label}</span>
      </span>
    );
  }),
);

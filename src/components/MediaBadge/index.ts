export { MediaBadge, type MediaBadgePart, type MediaBadgeProps } from './MediaBadge';

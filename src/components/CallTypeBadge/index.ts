export { CallTypeBadge, type CallTypeBadgePart, type CallTypeBadgeProps } from './CallTypeBadge';
export { directionOf } from './directionOf';

export { CallInfoView, type CallInfoViewPart, type CallInfoViewProps } from './CallInfoView';
export {
  DEFAULT_SECTIONS,
  type CallInfoFreshness,
  type CallInfoSection,
  type CallInfoStatus,
} from './types';

export { CallInfoPanel, type CallInfoPanelProps } from './CallInfoPanel';

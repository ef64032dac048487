export { CallTimer, type CallTimerPart, type CallTimerProps } from './CallTimer';

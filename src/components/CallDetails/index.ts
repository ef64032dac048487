export { CallDetails, type CallDetailsPart, type CallDetailsProps } from './CallDetails';

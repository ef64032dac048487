export { CallParties, type CallPartiesPart, type CallPartiesProps } from './CallParties';

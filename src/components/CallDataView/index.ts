export { CallDataView, type CallDataViewPart, type CallDataViewProps } from './CallDataView';
export { parseCallData, type ParsedCallData } from './parseCallData';

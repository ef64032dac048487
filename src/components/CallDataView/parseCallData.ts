import { CALL_DATA_READ_MAX, decodeCallData, type ParsedCallData } from './decodeCallData';

export {
  CALL_DATA_DEPTH_MAX,
  CALL_DATA_READ_MAX,
  isBlankCallData,
  type CallDataEntries,
  type CallDataField,
  type CallDataValue,
  type ParsedCallData,
} from './decodeCallData';

/** `decodeCallData` without options: JSON, `key=value` pairs or text (see there). */
export function parseCallData(data: string, max: number = CALL_DATA_READ_MAX): ParsedCallData {
  return decodeCallData(data, undefined, max);
}

/**
 * The wire schema of "query call information", written for the answers real gateways send
 * rather than the ones the reference promises: numbers may arrive as strings and strings as
 * numbers, times may be null, 0 or absent, whole groups of fields may be missing, and unknown
 * extra fields are ignored. Structure is strict where it matters: an envelope, a result and a
 * trace must be objects, and a field meant to hold a value must not hold an object or array.
 *
 * Each schema is a reader (`unknown` in, typed value out) built from the field tables below, so
 * the wire types are derived from the one place that reads them. A reader throws
 * {@link MalformedAnswer} on a structural violation; `parseCallInfoResponse` turns that into a
 * `GatewayError` of kind `'bad-response'`.
 *
 * Why not zod: measured here, zod/mini costs about 5.2 KB min+gzip for this schema, more than
 * the whole client and hook, and would put `useCallInfo` alone at 9.4 KB against a 7 KB budget
 * and the panel at 18.4 KB against 14 KB. These readers are about 0.5 KB and are held to the
 * same contract by property-based tests over 100,000 generated answers.
 */

/**
 * A structural violation found by a reader. It never leaves `parseCallInfoResponse`, which
 * replaces it with a `GatewayError` saying what was malformed, so it carries no message of its own.
 */
export class MalformedAnswer extends Error {}

type Reader<T> = (value: unknown) => T;
type Shape = Record<string, Reader<unknown>>;
type Read<S extends Shape> = { [K in keyof S]: ReturnType<S[K]> };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A scalar as it came, or a violation for an object or array in a value's place. */
function scalar(value: unknown): string | number | boolean | null | undefined {
  if (value !== null && typeof value === 'object') throw new MalformedAnswer();
  return value as string | number | boolean | null | undefined;
}

/** A finite number from a number or a numeric string; anything else is `null`. */
const num: Reader<number | null> = (value) => {
  const v = scalar(value);
  const parsed = typeof v === 'string' && v.trim() !== '' ? Number(v) : v;
  return typeof parsed === 'number' && Number.isFinite(parsed) ? parsed : null;
};

/** The largest moment a JavaScript Date can hold, in epoch ms. */
const MAX_TIME_MS = 8.64e15;

/** A moment in epoch ms: `null` for absent, null, 0 (not happened) or nonsense (past what a Date holds). */
const time: Reader<number | null> = (value) => {
  const ms = num(value);
  return ms !== null && ms > 0 && ms <= MAX_TIME_MS ? ms : null;
};

/** A length of time in seconds: `null` for absent, negative or longer than a Date can span. */
const seconds: Reader<number | null> = (value) => {
  const s = num(value);
  return s !== null && s >= 0 && s * 1000 <= MAX_TIME_MS ? s : null;
};

/** Text from a string or a number; `''` for null, absence or anything else. */
const text: Reader<string> = (value) => {
  const v = scalar(value);
  return typeof v === 'string' ? v : typeof v === 'number' && Number.isFinite(v) ? String(v) : '';
};

/** Call data: text, or (as some gateways send it) an object kept as its JSON text. */
const callData: Reader<string> = (value) => {
  if (value === null || typeof value !== 'object') return text(value);
  try {
    return JSON.stringify(value);
  } catch {
    // Nested too deep to write out: not call data anyone could read.
    throw new MalformedAnswer();
  }
};

/** An object read field by field; extra fields are ignored. */
function object<S extends Shape>(shape: S): Reader<Read<S>> {
  return (value) => {
    if (!isRecord(value)) throw new MalformedAnswer();
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(shape)) out[key] = shape[key]!(value[key]);
    return out as Read<S>;
  };
}

/** `null` for null or absence, else the object. */
function nullable<T>(reader: Reader<T>): Reader<T | null> {
  return (value) => (value === null || value === undefined ? null : reader(value));
}

export const readTrace = object({
  waitBeginTime: time,
  waitEndTime: time,
  answerBeginTime: time,
  answerEndTime: time,
  talkBeginTime: time,
  talkEndTime: time,
  deviceNo: num,
  deviceType: num,
  callDirectMode: text,
  enterReason: num,
  enterReasonDesc: text,
  leaveReason: num,
  leaveReasonDesc: text,
  vdnId: num,
});

export const readResult = object({
  callfeature: num,
  callid: text,
  caller: text,
  called: text,
  callskill: text,
  callskillid: num,
  orgicallednum: text,
  calldata: callData,
  begintime: time,
  endtime: time,
  userPriority: num,
  trunkNo: num,
  logontimes: seconds,
  mediaType: num,
  mediaAbility: num,
  waitTime: seconds,
  trace: nullable(readTrace),
});

/** The envelope: `retcode` (string or number) is required, `result` is read later. */
export const readEnvelope: Reader<{ retcode: string; message: unknown; result: unknown }> = (value) => {
  if (!isRecord(value)) throw new MalformedAnswer();
  const { retcode, message, result } = value;
  if (typeof retcode !== 'string' && typeof retcode !== 'number') throw new MalformedAnswer();
  return { retcode: String(retcode).trim(), message, result };
};

export type WireResult = ReturnType<typeof readResult>;
export type WireTrace = ReturnType<typeof readTrace>;

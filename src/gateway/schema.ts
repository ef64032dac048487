/**
 * The wire shape of "query call information", as zod/mini schemas: the one place that says what
 * an answer may hold. Written for the answers real gateways send rather than the ones the
 * reference promises: numbers may arrive as decimal strings and strings as numbers, times may be
 * null, 0 or absent (and in seconds rather than milliseconds), whole groups of fields may be
 * missing, unknown extra fields are ignored, and a result that holds nothing is "no call".
 * Structure is strict where it matters: the envelope, the result and the trace must be objects,
 * and a field meant to hold a value must not hold an object or array.
 *
 * A JSON number beyond 2^53 (a call ID sent as a number, say) has lost digits in `JSON.parse`
 * before any schema sees it: no JavaScript runtime can recover it. Gateways send call IDs and
 * numbers as strings, which survive exactly.
 *
 * zod/mini, not classic zod: classic compiles parsers with `new Function`, which a strict
 * Content-Security-Policy forbids. Transforms never throw (a throw escapes `safeParse`); they add
 * an issue instead. Nothing here calls `z.config`: the host's zod is shared.
 */
import * as z from 'zod/mini';

/** A decimal numeral: `"0x10"`, `"0b101"`, `"1e3"` and `"Infinity"` are not one (unlike `Number()`). */
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;

/** The largest moment a JavaScript Date can hold, in epoch ms. */
const MAX_TIME_MS = 8.64e15;

/** Epoch values below this are seconds: 1e11 ms is 1973, 1e11 s is the year 5138. */
const SECONDS_BELOW = 1e11;

/** Any JSON scalar; an object or array in a value's place is an issue named by `expected`. */
const scalar = (expected: string) => z.nullable(z.union([z.string(), z.number(), z.boolean()], { error: expected }));

/** A field that reads a scalar into `T`, absent reading as null. */
function field<T>(expected: string, read: (value: string | number | boolean | null) => T) {
  return z.prefault(z.pipe(scalar(expected), z.transform(read)), null);
}

/** A finite number from a number or a decimal numeral; anything else is `null`. */
function toNumber(value: string | number | boolean | null): number | null {
  const parsed = typeof value === 'string' ? (DECIMAL.test((value = value.trim())) ? Number(value) : null) : value;
  return typeof parsed === 'number' && Number.isFinite(parsed) ? parsed : null;
}

/** A number: `null` when absent or not a decimal number. */
const num = field('expected a number', toNumber);

/** A moment in epoch ms: `null` for absent, 0 (not happened) or past what a Date holds; seconds scaled. */
const time = field('expected a number', (value) => {
  const n = toNumber(value);
  if (n === null || n <= 0) return null;
  const ms = n < SECONDS_BELOW ? Math.round(n * 1000) : n;
  return ms > 0 && ms <= MAX_TIME_MS ? ms : null; // a sliver of a second rounds to 0: not happened
});

/** A length of time in seconds: `null` for absent, negative or longer than a Date can span. */
const seconds = field('expected a number', (value) => {
  const n = toNumber(value);
  return n !== null && n >= 0 && n * 1000 <= MAX_TIME_MS ? n : null;
});

/** Text from a string (kept exactly) or a finite number; `''` for null, absence or a boolean. */
function toText(value: unknown): string {
  return typeof value === 'string' ? value : typeof value === 'number' && Number.isFinite(value) ? String(value) : '';
}
const text = field('expected text', toText);

/** Call data: text, or (as some gateways send it) an object or list, kept as its JSON text. */
const callData = z.prefault(
  z.pipe(
    z.unknown(),
    z.transform((value, ctx) => {
      if (value === null || typeof value !== 'object') return toText(value);
      try {
        return JSON.stringify(value);
      } catch {
        // Nested too deep to write out: not call data anyone could read.
        ctx.issues.push({ code: 'custom', message: 'nested too deep to read', input: undefined });
        return '';
      }
    }),
  ),
  null,
);

/** `trace` (3.17): the call's track on the current device. */
const traceSchema = z.object({
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

/** `result` (3.1-3.17) as fields, before "no call" is told apart. */
const callFieldsSchema = z.object({
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
  trace: z.prefault(z.nullable(traceSchema), null),
});

export type WireResult = z.output<typeof callFieldsSchema>;
export type WireTrace = z.output<typeof traceSchema>;

/** A value that says nothing: null, blank text, or zero as a number or a decimal numeral. */
function isBlank(value: unknown): boolean {
  if (value === null || value === 0) return true;
  if (typeof value !== 'string') return false;
  const trimmed = value.trim();
  return trimmed === '' || (DECIMAL.test(trimmed) && Number(trimmed) === 0);
}

/** Every value blank, one level of objects (the trace) included. */
function isAllBlank(record: Record<string, unknown>): boolean {
  return Object.values(record).every(
    (value) => isBlank(value) || (typeof value === 'object' && value !== null && isAllBlank(value as Record<string, unknown>)),
  );
}

/**
 * The `result` of a successful answer: one call, or `null` for "no call". No call is how
 * gateways say the agent has none: `result` null, `{}`, or a call without an ID (absent, empty
 * or `"0"`) whose every other value, trace included, is empty or zero. A call with a real ID is
 * a call whatever its trace holds; one without an ID that holds anything else is an issue.
 */
export const callInfoSchema = z.pipe(
  z.prefault(z.nullable(callFieldsSchema), null),
  z.transform((call, ctx): WireResult | null => {
    if (call === null) return null;
    const callId = call.callid.trim();
    if (callId !== '' && callId !== '0') return call;
    if (isAllBlank(call)) return null;
    ctx.issues.push({ code: 'custom', message: 'a call needs a call ID', input: undefined, path: ['callid'] });
    return null;
  }),
);

/** The envelope as every answer carries it: `retcode` (text or number) required, the rest read later. */
const envelopeSchema = z.object({
  retcode: z.pipe(
    z.union([z.string(), z.number()], { error: 'expected a retcode' }),
    z.transform((code) => String(code).trim()),
  ),
  message: z.prefault(z.pipe(z.unknown(), z.transform((message) => (typeof message === 'string' ? message : ''))), ''),
  result: z.prefault(z.unknown(), null),
});

/**
 * A whole answer of an interface whose success carries `result`: `retcode` as text (`"0"` is
 * success), the gateway's `message` (`''` when it sent none), and on success `result` read by
 * `resultSchema` (its issues under `result.`). A failure envelope's `result` is not read: the
 * `retcode` is the answer.
 */
export function answerSchema<T>(resultSchema: z.ZodMiniType<T>) {
  return z.pipe(
    envelopeSchema,
    z.transform((envelope, ctx) => {
      const { retcode, message } = envelope;
      if (retcode !== '0') return { retcode, message, result: null };
      const parsed = resultSchema.safeParse(envelope.result);
      if (parsed.success) return { retcode, message, result: parsed.data };
      for (const issue of parsed.error.issues) ctx.issues.push({ ...issue, input: undefined, path: ['result', ...issue.path] });
      return { retcode, message, result: null };
    }),
  );
}

/**
 * A whole answer of "query call information": `retcode` as text (`"0"` is success), the gateway's
 * `message` (`''` when it sent none), and on success the call (`null` for no call; see
 * {@link callInfoSchema}). A failure envelope's `result` is not read: the `retcode` is the answer.
 *
 * @example
 * const parsed = callInfoResponseSchema.safeParse(await response.json());
 * if (parsed.success && parsed.data.retcode === '0') show(parsed.data.result);
 */
export const callInfoResponseSchema = answerSchema(callInfoSchema);

export type CallInfoResponse = z.output<typeof callInfoResponseSchema>;

const ARTICLE = /^[aeiou]/;

/**
 * An issue as `path: reason`, built from its code and path, never from the value (it may hold
 * personal data or the Guid) nor from zod's locale (mini loads none, and the host's is its own).
 * Our unions and checks carry their own words; other codes are described from their fields.
 */
export function describeIssue(issue: z.core.$ZodIssue): string {
  const path = issue.path.length === 0 ? '(answer)' : issue.path.map(String).join('.');
  let reason: string;
  if (issue.code === 'invalid_type') {
    reason = `expected ${ARTICLE.test(issue.expected) ? 'an' : 'a'} ${issue.expected}`;
  } else if (issue.code === 'invalid_union' || issue.code === 'custom') {
    reason = issue.message;
  } else {
    reason = issue.code.replaceAll('_', ' ');
  }
  return `${path}: ${reason}`;
}

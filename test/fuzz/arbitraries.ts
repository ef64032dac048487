import fc from 'fast-check';
import { publishedExample, talkingCall } from '../fixtures/wire';

/** How many inputs each property tries: small in `npm test`, 100,000 in `npm run test:fuzz`. */
export const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 500);

const jsonScalar = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double(),
  fc.constantFrom(0, -1, 65535, Number.MAX_SAFE_INTEGER, 1e308, -0),
  fc.string(),
  fc.constantFrom('', '0', ' 12 ', '1e400', 'NaN', '0x10', '+8613800138000', '<script>alert(1)</script>'),
  fc.nat({ max: 20_000 }).map((n) => 'x'.repeat(n) + '<b>'),
);

/** Any JSON value, nested up to a few levels. */
export const anyJson = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, jsonScalar, fc.array(tie('value'), { maxLength: 4 }), fc.dictionary(fc.string(), tie('value'), { maxKeys: 4 })),
})).value;

/** A value nested `depth` levels deep, the way a hostile or broken server might send it. */
export const deeplyNested = fc.integer({ min: 100, max: 5_000 }).map((depth) => {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i += 1) value = i % 2 ? [value] : { a: value };
  return value;
});

/** A number as its string, anything else as a number (or NaN): the retyping real gateways do. */
function retype(value: unknown): unknown {
  if (typeof value === 'number') return String(value);
  return typeof value === 'string' || typeof value === 'boolean' ? Number(value) : value;
}

type Mutation = (record: Record<string, unknown>) => void;

/** One change to one field of a record: delete it, null it, retype it, or replace it. */
function mutation(keys: readonly string[]): fc.Arbitrary<Mutation> {
  const key = fc.constantFrom(...keys);
  return fc.oneof(
    key.map((k): Mutation => (r) => void delete r[k]),
    key.map((k): Mutation => (r) => void (r[k] = null)),
    key.map((k): Mutation => (r) => void (r[k] = retype(r[k]))),
    fc.tuple(key, anyJson).map(([k, v]): Mutation => (r) => void (r[k] = v)),
    fc.tuple(fc.string(), anyJson).map(([k, v]): Mutation => (r) => void (r[k] = v)),
  );
}

function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

const base = [publishedExample, talkingCall(), talkingCall({ endtime: 1_764_000_100_000 })];

/** Real answers with a handful of fields deleted, nulled, retyped or replaced, at every level. */
export const mutatedAnswer = fc
  .tuple(
    fc.constantFrom(...base),
    fc.array(mutation(['message', 'retcode', 'result']), { maxLength: 2 }),
    fc.array(mutation(Object.keys(talkingCall().result)), { maxLength: 6 }),
    fc.array(mutation(Object.keys(talkingCall().result.trace)), { maxLength: 6 }),
  )
  .map(([answer, envelopeChanges, resultChanges, traceChanges]) => {
    const copy = clone(answer) as Record<string, unknown>;
    const result = copy.result as Record<string, unknown>;
    const trace = result.trace as Record<string, unknown>;
    for (const change of traceChanges) change(trace);
    for (const change of resultChanges) change(result);
    for (const change of envelopeChanges) change(copy);
    return copy;
  });

/** The text of an answer with one key written twice (JSON.parse keeps the last). */
export const duplicatedKeyText = fc
  .tuple(fc.constantFrom('callid', 'caller', 'mediaType', 'trace', 'endtime'), jsonScalar)
  .map(([key, value]) => {
    const text = JSON.stringify(talkingCall());
    return text.replace(`"${key}":`, () => `"${key}":${JSON.stringify(value)},"${key}":`);
  });

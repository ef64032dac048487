/**
 * Generated gateway answers aimed at the renderer rather than the parser: every time, number
 * and text field at the edges a real (or broken) gateway can reach. Extends the parser's
 * arbitraries in `test/fuzz/arbitraries.ts`.
 */
import fc from 'fast-check';
import { anyJson, mutatedAnswer } from '../../fuzz/arbitraries';
import { talkingCall } from '../../fixtures/wire';
import { FORBIDDEN_WORDS } from './dom';

export { anyJson, mutatedAnswer };

/**
 * How many generated answers the main rendering property tries: `FUZZ_RUNS`, default 100 so that
 * `npm test` stays quick (each call is rendered 13 times, about 45 ms in all).
 */
export const RENDER_RUNS = Number(process.env.FUZZ_RUNS ?? 100);

/** "Now" on the desktop in the rendering properties. */
export const NOW = 1_764_000_065_000;

/** The largest moment `Date` can hold (ms from the epoch). */
const MAX_DATE_MS = 8.64e15;

/** A moment as the wire may carry it: real, not happened, absurd, or in the wrong type. */
export const wireTime = fc.oneof(
  fc.constantFrom(0, null, -1, 1, 999, NOW - 7_200_000, NOW - 1_000, NOW, NOW + 1_000, NOW + 120_000, NOW + 86_400_000),
  fc.constantFrom(Number.MAX_SAFE_INTEGER, MAX_DATE_MS, MAX_DATE_MS + 1, 1e17, 1e21, 1e308, 0.5, 1.5e12 + 0.25),
  fc.constantFrom(String(NOW), ` ${NOW - 5_000} `, '8.64e15', '1e308', '1e400', 'NaN', '', '0x10', '-5'),
  fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
  fc.integer({ min: NOW - 86_400_000, max: NOW + 86_400_000 }),
  fc.double({ min: -1e20, max: 1e20, noNaN: true }),
);

/** A count or code as the wire may carry it. */
export const wireNumber = fc.oneof(
  fc.constantFrom(0, null, -1, 65535, 2 ** 31, -(2 ** 31), Number.MAX_SAFE_INTEGER, 1e21, 1e308, -1e308, 0.1, -0),
  fc.constantFrom('12', ' 7 ', '1e308', 'NaN', '', 'x', '-0'),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

const hasForbiddenWord = (s: string) => FORBIDDEN_WORDS.some((w) => s.includes(w));

/**
 * Text a gateway may send (any script, markup, control characters), but never one of the words
 * the panel must not show, so that finding one on screen can only be the panel's doing.
 */
export const wireText = fc
  .oneof(
    fc.string({ maxLength: 40 }),
    fc.string({ unit: 'grapheme', maxLength: 40 }),
    fc.string({ unit: 'binary', maxLength: 20 }),
    fc.constantFrom('', ' ', '+8613800138000', '0', '-1', '<b>x</b>', '\u202Eabc', 'مرحبا', '客户', 'a=b;c=d', '{"k":"v"}', '{"k":[1,{"x":2}]}'),
  )
  .filter((s) => !hasForbiddenWord(s));

/** A whole answer: a live call whose every field may be at an edge. */
export const hostileAnswer = fc
  .record({
    result: fc.record(
      {
        callfeature: wireNumber,
        // Real call IDs only ('0' is "no call ID": test/gateway/schema.test.ts), with and without a dash.
        callid: fc.oneof(
          fc.constantFrom('1764000000-101', ' 1-1 ', '145640404337', 'x'.repeat(300)),
          wireText.filter((s) => !['', '0'].includes(s.trim())),
        ),
        caller: wireText,
        called: wireText,
        callskill: wireText,
        callskillid: wireNumber,
        orgicallednum: wireText,
        calldata: wireText,
        begintime: wireTime,
        endtime: wireTime,
        userPriority: wireNumber,
        trunkNo: wireNumber,
        logontimes: wireNumber,
        mediaType: wireNumber,
        mediaAbility: wireNumber,
        waitTime: wireNumber,
      },
      { requiredKeys: ['callid'] },
    ),
    trace: fc.option(
      fc.record({
        waitBeginTime: wireTime,
        waitEndTime: wireTime,
        answerBeginTime: wireTime,
        answerEndTime: wireTime,
        talkBeginTime: wireTime,
        talkEndTime: wireTime,
        deviceNo: wireNumber,
        deviceType: wireNumber,
        callDirectMode: fc.oneof(fc.constantFrom('NORMAL_DIRECT', 'KEEP_DIRECT', 'WAIT_DIRECT', 'RELEASE_DIRECT', ''), wireText),
        enterReason: wireNumber,
        enterReasonDesc: wireText,
        leaveReason: wireNumber,
        leaveReasonDesc: wireText,
        vdnId: wireNumber,
      }, { requiredKeys: [] }),
      { nil: undefined },
    ),
  })
  .map(({ result, trace }) => {
    const base = talkingCall();
    const answer = { ...base, result: { ...base.result, ...result, trace: trace === undefined ? base.result.trace : { ...base.result.trace, ...trace } } };
    // What actually travels: JSON (no undefined, no Infinity).
    return JSON.parse(JSON.stringify(answer)) as unknown;
  });

/**
 * The zod/mini wire schemas against the answers hostile or odd gateways send: each is a typed
 * result (a call, no call, or a GatewayError with issues), never another throw, never a hang.
 */
import { describe, expect, it } from 'vitest';
import { parseCallInfoResponse } from '../../src/gateway/parseCallInfoResponse';
import { parseError } from './parseError';
import { callInfoResponseSchema, callInfoSchema } from '../../src/gateway/schema';
import { cutText } from '../../src/gateway/cutText';
import { failure, talkingCall } from '../fixtures/wire';


/** Whether `text` holds a high surrogate without its low half, or a low one without its high half. */
const hasLoneSurrogate = (text: string) => /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);

describe('numerals', () => {
  it.each(['0x10', '0b101', '0o17', '1e3', 'Infinity', '1_000', '12abc', '', '   ', '--1'])(
    'reads %j as no value, and still shows the call',
    (numeral) => {
      const call = parseCallInfoResponse(talkingCall({ mediaType: numeral, callskillid: numeral }, { deviceNo: numeral, talkBeginTime: numeral }));
      expect(call?.callId).toBe('1764000000-101');
      expect(call?.media).toBeNull();
      expect(call?.skill.id).toBeNull();
      expect(call?.trace?.device.no).toBeNull();
      expect(call?.trace?.talk.begin).toBeNull();
    },
  );

  it.each([
    ['19', 19],
    [' 19 ', 19],
    ['+19', 19],
    ['019', 19],
    ['19.0', 19],
  ])('reads the decimal numeral %j as %d', (numeral, value) => {
    expect(parseCallInfoResponse(talkingCall({ mediaType: numeral }))?.media?.code).toBe(value);
  });

  it('reads epoch moments sent in seconds as seconds, and milliseconds as milliseconds', () => {
    const call = parseCallInfoResponse(
      talkingCall({ begintime: '1764000000', endtime: null }, { waitBeginTime: 1_764_000_000, talkBeginTime: 1_764_000_016_000 }),
    );
    expect(call?.beginTime).toBe(1_764_000_000_000);
    expect(call?.trace?.wait.begin).toBe(1_764_000_000_000);
    expect(call?.trace?.talk.begin).toBe(1_764_000_016_000);
  });

  it('reads a moment that rounds to 0 ms as not happened, never 1970', () => {
    const call = parseCallInfoResponse(talkingCall({}, { waitBeginTime: 5e-324, answerBeginTime: '0.0000001' }));
    expect(call?.trace?.wait.begin).toBeNull();
    expect(call?.trace?.answer.begin).toBeNull();
  });

  it('keeps numbers and call IDs that arrive as strings as that text, trimming only the call ID', () => {
    const call = parseCallInfoResponse(talkingCall({ callid: '  0012-34  ', caller: ' +0086 138 ', called: '007' }));
    expect(call?.callId).toBe('0012-34');
    expect(call?.caller).toBe(' +0086 138 ');
    expect(call?.called).toBe('007');
  });

  it('cannot recover a JSON number beyond 2^53: JSON.parse has rounded it before any schema sees it (documented)', () => {
    const call = parseCallInfoResponse(JSON.parse('{"retcode":"0","result":{"callid":9007199254740993,"caller":"9007199254740993"}}'));
    expect(call?.callId).toBe('9007199254740992');
    expect(call?.caller).toBe('9007199254740993'); // as text it survives
  });

  it('answers a megabyte of digits without hanging', () => {
    const call = parseCallInfoResponse(talkingCall({ callskillid: '9'.repeat(1_000_000), caller: '1'.repeat(1_000_000) }));
    expect(call?.skill.id).toBeNull(); // past what a number holds
    expect(call?.caller).toHaveLength(1_000_000);
  });
});

describe('no call, or a call', () => {
  const blankResult = (callid: unknown) => ({
    callid,
    callfeature: '0',
    caller: '',
    called: 0,
    callskill: ' ',
    callskillid: 0,
    orgicallednum: null,
    calldata: '',
    begintime: 0,
    endtime: null,
    userPriority: '00',
    mediaType: 0,
    trace: { waitBeginTime: '0', talkBeginTime: 0, deviceNo: '', callDirectMode: '', enterReason: 0, vdnId: null },
  });

  it.each([['absent', undefined], ['empty', ''], ['"0"', '0'], ['0', 0]])(
    'reads a result whose call ID is %s and whose every other value is empty or zero as no call',
    (_name, callid) => {
      expect(parseCallInfoResponse({ retcode: '0', message: '', result: blankResult(callid) })).toBeNull();
    },
  );

  it('reads a result with a real call ID as a call, whatever its trace holds', () => {
    const call = parseCallInfoResponse({ retcode: '0', result: blankResult('1764000000-7') });
    expect(call?.callId).toBe('1764000000-7');
    expect(call?.phase).toBe('in-progress');
  });

  it('refuses a result without a call ID that holds a call, naming the path', () => {
    const error = parseError(talkingCall({ callid: '0' }));
    expect(error.kind).toBe('bad-response');
    expect(error.issues).toEqual(['result.callid: a call needs a call ID']);
  });

  it('exports the schemas for hosts that make their own requests', () => {
    expect(callInfoSchema.parse(null)).toBeNull();
    expect(callInfoSchema.parse({})).toBeNull();
    expect(callInfoSchema.parse(talkingCall().result)?.callid).toBe('1764000000-101');
    const envelope = callInfoResponseSchema.parse({ retcode: 0, result: talkingCall().result, extra: true });
    expect(envelope.retcode).toBe('0');
    expect(envelope.message).toBe('');
    expect(envelope.result?.trace?.talkBeginTime).toBe(1_764_000_016_000);
    // A failure envelope's result is not read: the retcode is the answer.
    expect(callInfoResponseSchema.parse({ retcode: '100-006', result: 'garbage' })).toEqual({ retcode: '100-006', message: '', result: null });
  });
});

describe('issues', () => {
  it('says which paths are wrong and why, never what they held', () => {
    const secret = 'guid-9f86d081884c7d659a2feaa0c55ad015';
    const error = parseError(talkingCall({ caller: { secret }, calldata: 'x' }, { talkBeginTime: [secret], deviceType: { secret } }));
    expect(error.issues).toEqual([
      'result.caller: expected text',
      'result.trace.talkBeginTime: expected a number',
      'result.trace.deviceType: expected a number',
    ]);
    expect(JSON.stringify({ issues: error.issues, message: error.message })).not.toContain(secret);
  });

  it.each([
    ['not an object', 'oops', ['(answer): expected an object']],
    ['an envelope without retcode', { result: null }, ['retcode: expected a retcode']],
    ['a result that is a list', { retcode: '0', result: [1] }, ['result: expected an object']],
    ['a trace that is a number', talkingCall({ trace: 5 }), ['result.trace: expected an object']],
  ])('describes %s', (_name, json, issues) => {
    expect(parseError(json).issues).toEqual(issues);
  });

  it('gives other kinds of error no issues', () => {
    expect(parseError(failure('100-006')).issues).toEqual([]);
  });
});

describe('hostile sizes', () => {
  it.each(['retcode', 'message'] as const)('cuts a megabyte %s to a few hundred characters, never inside a character', (slot) => {
    // An astral character (two UTF-16 units) on every boundary a cut could fall on.
    const huge = '😀'.repeat(500_000);
    const error = parseError(slot === 'retcode' ? failure(huge) : failure('100-007', huge));
    expect(error.message.length).toBeLessThan(400);
    expect(hasLoneSurrogate(error.message)).toBe(false);
    expect(hasLoneSurrogate(error.retcode ?? '')).toBe(false);
    expect((error.retcode ?? '').length).toBeLessThanOrEqual(40);
  });

  it('cuts text between code points at any length', () => {
    for (let max = 1; max < 8; max += 1) {
      const cut = cutText('a😀b😀c😀d😀', max);
      expect(hasLoneSurrogate(cut)).toBe(false);
      expect(cut.length).toBeLessThanOrEqual(max + 1);
    }
    expect(cutText('short', 10)).toBe('short');
  });
});

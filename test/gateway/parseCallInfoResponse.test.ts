import { describe, expect, it } from 'vitest';
import { parseCallInfoResponse } from '../../src/gateway/parseCallInfoResponse';
import { parseError } from './parseError';
import { ALL_RETCODES, failure, noCallAnswers, olderGateway, publishedExample, talkingCall } from '../fixtures/wire';


describe('parseCallInfoResponse', () => {
  it('normalises the published example answer', () => {
    const call = parseCallInfoResponse(publishedExample);
    expect(call).toMatchObject({
      callId: '1476838963-224',
      caller: '70004',
      called: '60015',
      originalCalled: null,
      skill: { id: 20011, name: 'voice' },
      callType: { code: 0, kind: 'incoming' },
      media: { code: 5, kind: 'voice' },
      ability: { code: 1, kind: 'voice' },
      beginTime: 1476838963000,
      endTime: null,
      trunkNo: null,
      vdnId: 214,
      callData: '',
    });
    expect(call?.trace).toEqual({
      wait: { begin: 1626179227000, end: 1626179227000 },
      answer: { begin: 1626179227000, end: 1626179227000 },
      talk: { begin: 1626179227000, end: 1626179227000 },
      device: { no: 2005, type: { code: 2, kind: 'agent' } },
      directMode: { raw: 'NORMAL_DIRECT', kind: 'normal' },
      enterReason: { code: 0, kind: 'normal', gatewayText: 'Normal reason' },
      leaveReason: { code: 0, kind: 'normal', gatewayText: 'Normal reason' },
    });
    expect(call?.phase).toBe('ended');
  });

  it('keeps numbers as strings exactly as received, leading + and 0 included', () => {
    const call = parseCallInfoResponse(olderGateway);
    expect(call?.caller).toBe('60015');
    expect(call?.called).toBe('013912345678');
    expect(parseCallInfoResponse(talkingCall())?.caller).toBe('+8613800138000');
  });

  it('accepts an older gateway without media fields or trace, numbers sent as strings', () => {
    const call = parseCallInfoResponse(olderGateway);
    expect(call).toMatchObject({
      callType: { code: 7, kind: 'outgoing' },
      skill: { id: 30001, name: 'Outbound' },
      media: null,
      ability: null,
      waitSeconds: null,
      trace: null,
      vdnId: null,
      trunkNo: null,
      logonSeconds: 120,
      beginTime: 1_764_000_000_000,
      phase: 'in-progress',
    });
  });

  it('reads null, 0 and absent trace times as "not happened", never 1970', () => {
    const call = parseCallInfoResponse(
      talkingCall({}, { talkBeginTime: 0, talkEndTime: null, answerEndTime: undefined }),
    );
    expect(call?.trace?.talk).toEqual({ begin: null, end: null });
    expect(call?.trace?.answer.end).toBeNull();
    expect(call?.phase).toBe('ringing');
  });

  it('reads moments past what a Date can hold, and lengths of time no Date can span, as not reported', () => {
    const call = parseCallInfoResponse(talkingCall({ waitTime: 1e308, logontimes: -5 }, { talkEndTime: 8_640_000_000_000_001 }));
    expect(call?.trace?.talk.end).toBeNull();
    expect(call?.waitSeconds).toBeNull();
    expect(call?.logonSeconds).toBeNull();
    expect(call?.phase).toBe('talking');
  });

  it.each([
    ['queued', { waitEndTime: 0, answerBeginTime: 0, answerEndTime: 0, talkBeginTime: 0 }, null],
    ['ringing', { answerEndTime: null, talkBeginTime: null }, null],
    ['talking', {}, null],
    ['held', { callDirectMode: 'KEEP_DIRECT', leaveReason: 18 }, null],
    ['ended', { talkEndTime: 1_764_000_100_000 }, null],
    ['ended', {}, 1_764_000_100_000],
  ])('derives the phase %s from the trace and end time', (phase, trace, endtime) => {
    expect(parseCallInfoResponse(talkingCall({ endtime }, trace))?.phase).toBe(phase);
  });

  it.each(Object.entries(noCallAnswers))('reads %s as "no call"', (_name, answer) => {
    expect(parseCallInfoResponse(answer)).toBeNull();
  });

  it('ignores unknown extra fields in envelope, result and trace', () => {
    const answer = talkingCall({ newField: { deep: [1, 2] } }, { anotherNewField: 'x' });
    const call = parseCallInfoResponse({ ...answer, serverVersion: '9.9' });
    expect(call?.callId).toBe('1764000000-101');
    expect(call).not.toHaveProperty('newField');
  });

  it('keeps unseen codes as "unknown" with the code, and the rest of the call', () => {
    const call = parseCallInfoResponse(
      talkingCall(
        { mediaType: 99, callfeature: 77, mediaAbility: 9 },
        { enterReason: 250, deviceType: 42, callDirectMode: 'FOO_DIRECT', enterReasonDesc: 'New reason' },
      ),
    );
    expect(call?.media).toEqual({ code: 99, kind: 'unknown' });
    expect(call?.callType).toEqual({ code: 77, kind: 'unknown' });
    expect(call?.ability).toEqual({ code: 9, kind: 'unknown' });
    expect(call?.trace?.enterReason).toEqual({ code: 250, kind: 'unknown', gatewayText: 'New reason' });
    expect(call?.trace?.device.type).toEqual({ code: 42, kind: 'unknown' });
    expect(call?.trace?.directMode).toEqual({ raw: 'FOO_DIRECT', kind: 'unknown' });
    expect(call?.caller).toBe('+8613800138000');
  });

  it('refuses object call data nested too deep to write out, instead of overflowing the stack', () => {
    let deep: unknown = 'bottom';
    for (let i = 0; i < 20_000; i += 1) deep = { a: deep };
    expect(parseError(talkingCall({ calldata: deep })).kind).toBe('bad-response');
  });

  it('keeps object call data as its JSON text', () => {
    const call = parseCallInfoResponse(talkingCall({ calldata: { orderId: 'A-1', vip: true } }));
    expect(call?.callData).toBe('{"orderId":"A-1","vip":true}');
  });

  it.each(Object.entries(ALL_RETCODES))('maps retcode %s to kind %s', (retcode, kind) => {
    const error = parseError(failure(retcode, 'Gateway says no'));
    expect(error.kind).toBe(kind);
    expect(error.retcode).toBe(retcode);
    expect(error.message).toContain(retcode);
  });

  it('maps an undocumented retcode to kind "gateway", retryable', () => {
    const error = parseError(failure('999-999'));
    expect(error.kind).toBe('gateway');
    expect(error.retryable).toBe(true);
  });

  it.each([
    ['not an object', 'oops'],
    ['an array', [1, 2]],
    ['null', null],
    ['an envelope without retcode', { message: '', result: {} }],
    ['a result that is a string', { retcode: '0', result: 'call' }],
    ['a result that is an array', { retcode: '0', result: [1] }],
    ['a trace that is a number', talkingCall({ trace: 5 })],
    ['a call without a call ID', talkingCall({ callid: '' })],
  ])('refuses %s as bad-response', (_name, json) => {
    expect(parseError(json).kind).toBe('bad-response');
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CALL_TYPES, DEVICE_TYPES, MEDIA_TYPES, REASONS } from '../../src/gateway/codes';
import { GatewayError } from '../../src/gateway/GatewayError';
import type { CallInfo } from '../../src/gateway/model';
import { parseCallInfoResponse } from '../../src/gateway/parseCallInfoResponse';
import { FUZZ_RUNS, anyJson, deeplyNested, duplicatedKeyText, mutatedAnswer } from './arbitraries';

const PHASES = ['queued', 'ringing', 'talking', 'held', 'ended', 'in-progress'];
const isMoment = (t: number | null) => t === null || (Number.isFinite(t) && t > 0);
const knownOrUnknown = (table: Record<number, string>, coded: { code: number; kind: string } | null) =>
  coded === null || coded.kind === 'unknown' || table[coded.code] === coded.kind;

/** What every parsed call must satisfy, whatever came over the wire. */
function assertWellFormed(call: CallInfo): void {
  expect(typeof call.callId).toBe('string');
  expect(call.callId.trim()).not.toBe('');
  expect(typeof call.caller).toBe('string');
  expect(typeof call.called).toBe('string');
  expect(typeof call.callData).toBe('string');
  expect(PHASES).toContain(call.phase);
  expect(isMoment(call.beginTime) && isMoment(call.endTime)).toBe(true);
  expect(knownOrUnknown(CALL_TYPES, call.callType)).toBe(true);
  expect(knownOrUnknown(MEDIA_TYPES, call.media)).toBe(true);
  for (const n of [call.waitSeconds, call.priority, call.trunkNo, call.vdnId, call.skill.id]) {
    expect(n === null || Number.isFinite(n)).toBe(true);
  }
  if (call.trace) {
    const { wait, answer, talk, device, enterReason, leaveReason } = call.trace;
    for (const span of [wait, answer, talk]) expect(isMoment(span.begin) && isMoment(span.end)).toBe(true);
    expect(knownOrUnknown(DEVICE_TYPES, device.type)).toBe(true);
    expect(knownOrUnknown(REASONS, enterReason) && knownOrUnknown(REASONS, leaveReason)).toBe(true);
  }
}

/** Parses and checks the contract: a well-formed call, null, or a GatewayError; nothing else. */
function parseHolds(json: unknown): boolean {
  let call: CallInfo | null;
  try {
    call = parseCallInfoResponse(json);
  } catch (error) {
    expect(error).toBeInstanceOf(GatewayError);
    return true;
  }
  if (call !== null) assertWellFormed(call);
  return true;
}

describe(`parseCallInfoResponse under fuzzing (${FUZZ_RUNS} inputs a property)`, () => {
  it('holds its contract for arbitrary JSON', () => {
    fc.assert(fc.property(anyJson, parseHolds), { numRuns: FUZZ_RUNS });
  });

  it('holds its contract for arbitrary JSON as the result of a success envelope', () => {
    fc.assert(fc.property(anyJson, (result) => parseHolds({ retcode: '0', message: '', result })), { numRuns: FUZZ_RUNS });
  });

  it('holds its contract for real answers with fields deleted, nulled, retyped or replaced', () => {
    fc.assert(fc.property(mutatedAnswer, parseHolds), { numRuns: FUZZ_RUNS });
  });

  it('holds its contract for answers with duplicated keys', () => {
    fc.assert(fc.property(duplicatedKeyText, (text) => parseHolds(JSON.parse(text))), { numRuns: Math.min(FUZZ_RUNS, 2_000) });
  });

  it('holds its contract for deeply nested values in every slot', () => {
    fc.assert(
      fc.property(deeplyNested, fc.constantFrom('result', 'trace', 'calldata', 'retcode'), (deep, slot) => {
        const answer: Record<string, unknown> = { retcode: '0', result: { callid: '1-1', trace: {} } };
        const result = answer.result as Record<string, unknown>;
        if (slot === 'result' || slot === 'retcode') answer[slot] = deep;
        else result[slot] = deep;
        return parseHolds(answer);
      }),
      { numRuns: Math.min(FUZZ_RUNS, 200) },
    );
  });
});

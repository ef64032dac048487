import { describe, expect, it, vi } from 'vitest';
import { fetchAllCallIds, fetchCallInfoByCallId } from '../../src/gateway/fetchAgentCalls';
import { GatewayError } from '../../src/gateway/GatewayError';
import { allCallIdsResponseSchema, callInfoByCallIdResponseSchema, MAX_AGENT_CALLS } from '../../src/gateway/agentCallsSchema';
import { failure, respond, talkingCall } from '../fixtures/wire';

const GUID = 'guid-77a1-SECRET';
const BASE = { baseUrl: 'https://gw.example:8043', agentId: '60015', guid: GUID };

function answering(...bodies: unknown[]) {
  return vi.fn<typeof fetch>(async () => respond(bodies.length > 1 ? bodies.shift() : bodies[0]));
}

async function rejection(promise: Promise<unknown>): Promise<GatewayError> {
  const reason = await promise.then(
    () => new Error('expected a rejection'),
    (error: unknown) => error,
  );
  expect(reason).toBeInstanceOf(GatewayError);
  return reason as GatewayError;
}

/** A call of `callinfobycallid`: the 3.1-3.13 fields, no trace. */
function byIdCall(overrides: Record<string, unknown> = {}) {
  const { trace: _trace, mediaType: _m, mediaAbility: _a, waitTime: _w, ...fields } = talkingCall().result as Record<string, unknown>;
  return { ...fields, ...overrides };
}

describe('fetchAllCallIds', () => {
  it('asks allcallid with the Guid in a header, never in the URL', async () => {
    const fetch = answering({ retcode: '0', message: '', result: ['1476838963-224', '1476838990-225'] });
    await expect(fetchAllCallIds({ ...BASE, fetch })).resolves.toEqual(['1476838963-224', '1476838990-225']);
    const [url, init] = fetch.mock.calls[0]!;
    expect(url).toBe('https://gw.example:8043/agentgateway/resource/calldata/60015/allcallid');
    expect(String(url)).not.toContain(GUID);
    expect(init?.headers).toMatchObject({ Guid: GUID });
  });

  it.each([
    ['null', null],
    ['absent', undefined],
    ['an empty list', []],
    ['blanks and zeros', ['', ' ', '0', 0]],
  ])('reads %s as no calls', async (_name, result) => {
    const fetch = answering({ retcode: '0', message: '', ...(result === undefined ? {} : { result }) });
    await expect(fetchAllCallIds({ ...BASE, fetch })).resolves.toEqual([]);
  });

  it('keeps numeric IDs as text, trims, and drops repeats in the order given', async () => {
    const fetch = answering({ retcode: 0, result: [145640404337, ' 1476838963-224 ', '145640404337'] });
    await expect(fetchAllCallIds({ ...BASE, fetch })).resolves.toEqual(['145640404337', '1476838963-224']);
  });

  it.each([
    ['a dot segment', ['..']],
    ['a control character', ['12\n34']],
    ['an object', [{ callid: '1' }]],
    ['a fraction', [12.5]],
    ['a number past 2^53, whose digits are already lost', [2 ** 53 + 2]],
    ['an ID longer than 128 characters', ['9'.repeat(129)]],
    ['a list that is not one', 'abc'],
  ])('refuses %s as bad-response, naming only the path', async (_name, result) => {
    const fetch = answering({ retcode: '0', result });
    const error = await rejection(fetchAllCallIds({ ...BASE, fetch }));
    expect(error.kind).toBe('bad-response');
    expect(error.issues.every((issue) => issue.startsWith('result'))).toBe(true);
    expect(error.issues.join(' ')).not.toContain('..');
  });

  it(`refuses more than ${MAX_AGENT_CALLS} calls: one answer must not fan out into a flood of requests`, async () => {
    const ids = Array.from({ length: MAX_AGENT_CALLS + 1 }, (_, i) => `1476838963-${i}`);
    const error = await rejection(fetchAllCallIds({ ...BASE, fetch: answering({ retcode: '0', result: ids }) }));
    expect(error.issues).toEqual([`result: more than ${MAX_AGENT_CALLS} calls`]);
    const exactly = ids.slice(0, MAX_AGENT_CALLS);
    await expect(fetchAllCallIds({ ...BASE, fetch: answering({ retcode: '0', result: exactly }) })).resolves.toEqual(exactly);
  });

  it('fails with the retcode kind, the Guid redacted from what the gateway said', async () => {
    const error = await rejection(fetchAllCallIds({ ...BASE, fetch: answering(failure('000-003', `bad Guid ${GUID}`)) }));
    expect(error.kind).toBe('auth-expired');
    expect(error.message).not.toContain(GUID);
  });

  it('refuses a wrong agent ID and a missing Guid before any request', async () => {
    const fetch = answering({ retcode: '0', result: [] });
    expect((await rejection(fetchAllCallIds({ ...BASE, agentId: '60015/../x', fetch }))).kind).toBe('invalid-agent-id');
    expect((await rejection(fetchAllCallIds({ ...BASE, guid: () => '', fetch }))).kind).toBe('not-signed-in');
    expect(fetch).not.toHaveBeenCalled();
  });

  it('reads an HTML error page as an HTTP failure', async () => {
    const fetch = vi.fn<typeof globalThis.fetch>(async () => respond('<html>502</html>', 502));
    expect((await rejection(fetchAllCallIds({ ...BASE, fetch }))).kind).toBe('http');
  });
});

describe('fetchCallInfoByCallId', () => {
  it('path-encodes the call ID', async () => {
    const fetch = answering({ retcode: '0', result: byIdCall({ callid: 'a/b?c#d' }) });
    await fetchCallInfoByCallId({ ...BASE, callId: 'a/b?c#d', fetch });
    expect(fetch.mock.calls[0]![0]).toBe('https://gw.example:8043/agentgateway/resource/calldata/60015/callinfobycallid/a%2Fb%3Fc%23d');
  });

  it('accepts the call as an object (real gateways) or a one-element list (the reference)', async () => {
    for (const result of [byIdCall(), [byIdCall()]]) {
      const call = await fetchCallInfoByCallId({ ...BASE, callId: '1764000000-101', fetch: answering({ retcode: '0', result }) });
      expect(call).toMatchObject({ callId: '1764000000-101', caller: '+8613800138000', trace: null });
    }
  });

  it('accepts missing begin and end times', async () => {
    const { begintime: _b, endtime: _e, ...withoutTimes } = byIdCall();
    const call = await fetchCallInfoByCallId({ ...BASE, callId: '1764000000-101', fetch: answering({ retcode: '0', result: withoutTimes }) });
    expect(call).toMatchObject({ beginTime: null, endTime: null });
  });

  it.each([
    ['null', null],
    ['{}', {}],
    ['[]', []],
  ])('reads %s as no such call', async (_name, result) => {
    await expect(fetchCallInfoByCallId({ ...BASE, callId: '1764000000-101', fetch: answering({ retcode: '0', result }) })).resolves.toBeNull();
  });

  it('refuses a list of two calls, and an answer about another call than the one asked for', async () => {
    const two = await rejection(
      fetchCallInfoByCallId({ ...BASE, callId: '1764000000-101', fetch: answering({ retcode: '0', result: [byIdCall(), byIdCall()] }) }),
    );
    expect(two.issues).toEqual(['result: expected one call']);
    const other = await rejection(
      fetchCallInfoByCallId({ ...BASE, callId: '1764000000-101', fetch: answering({ retcode: '0', result: byIdCall({ callid: '1764000000-999' }) }) }),
    );
    expect(other).toMatchObject({ kind: 'bad-response', issues: ['result.callid: not the call asked for'] });
  });

  it('names the list element of a malformed call', async () => {
    const error = await rejection(
      fetchCallInfoByCallId({ ...BASE, callId: '1764000000-101', fetch: answering({ retcode: '0', result: [byIdCall({ caller: { x: 1 } })] }) }),
    );
    expect(error.issues).toEqual(['result.0.caller: expected text']);
  });

  it.each(['', '   ', '0', '.', '..', 'a\u0000b', 'x'.repeat(129)])('refuses the call ID %j before any request', async (callId) => {
    const fetch = answering({ retcode: '0', result: null });
    expect((await rejection(fetchCallInfoByCallId({ ...BASE, callId, fetch }))).kind).toBe('invalid-request');
    expect(fetch).not.toHaveBeenCalled();
  });

  it('fails with the same typed errors as callinfo', async () => {
    const gone = await rejection(fetchCallInfoByCallId({ ...BASE, callId: '1', fetch: answering(failure('100-006')) }));
    expect(gone.kind).toBe('not-signed-in');
    const truncated = await rejection(fetchCallInfoByCallId({ ...BASE, callId: '1', fetch: answering('{"retcode":"0","res') }));
    expect(truncated.kind).toBe('bad-response');
  });
});

describe('the sibling schemas', () => {
  it('read a failure envelope by its retcode, whatever its result', () => {
    expect(allCallIdsResponseSchema.parse({ retcode: '000-007', result: 'anything' })).toEqual({ retcode: '000-007', message: '', result: null });
    expect(callInfoByCallIdResponseSchema.parse({ retcode: 100, result: [1, 2, 3] })).toMatchObject({ retcode: '100', result: null });
  });
});

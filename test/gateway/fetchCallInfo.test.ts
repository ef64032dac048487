import { describe, expect, it, vi } from 'vitest';
import { fetchCallInfo } from '../../src/gateway/fetchCallInfo';
import { isValidAgentId } from '../../src/gateway/requestGateway';
import type { GatewayClock } from '../../src/gateway/gatewayClock';
import { GatewayError } from '../../src/gateway/GatewayError';
import { failure, respond, talkingCall } from '../fixtures/wire';

const GUID = 'guid-4f1c9a7e-SECRET';

function mockFetch(...answers: Array<Response | Error>) {
  return vi.fn<typeof fetch>(async () => {
    const next = answers.length > 1 ? answers.shift() : answers[0];
    if (next instanceof Error) throw next;
    return next!.clone();
  });
}

async function rejection(promise: Promise<unknown>): Promise<GatewayError> {
  const error = await promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(GatewayError);
  return error as GatewayError;
}

describe('fetchCallInfo', () => {
  it('sends GET to the interface path with Content-Type and Guid headers', async () => {
    const fetch = mockFetch(respond(talkingCall()));
    const call = await fetchCallInfo({ baseUrl: 'https://gw.example:8043', agentId: '60015', guid: GUID, fetch });
    expect(call?.callId).toBe('1764000000-101');
    const [url, init] = fetch.mock.calls[0]!;
    expect(url).toBe('https://gw.example:8043/agentgateway/resource/calldata/60015/callinfo');
    expect(init?.method).toBe('GET');
    expect(init?.headers).toEqual({ 'Content-Type': 'application/json; charset=UTF-8', Guid: GUID });
  });

  it.each([
    ['', '/agentgateway/resource/calldata/101/callinfo'],
    ['/cc', '/cc/agentgateway/resource/calldata/101/callinfo'],
    ['/cc/', '/cc/agentgateway/resource/calldata/101/callinfo'],
  ])('works behind a reverse proxy with base %j', async (baseUrl, expected) => {
    const fetch = mockFetch(respond(talkingCall()));
    await fetchCallInfo({ baseUrl, agentId: '101', guid: GUID, fetch });
    expect(fetch.mock.calls[0]![0]).toBe(expected);
  });

  it('sends isNoContainLastCall only when the caller set it', async () => {
    const fetch = mockFetch(respond(talkingCall()));
    await fetchCallInfo({ baseUrl: '', agentId: '60015', guid: GUID, fetch, isNoContainLastCall: true });
    await fetchCallInfo({ baseUrl: '', agentId: '60015', guid: GUID, fetch, isNoContainLastCall: false });
    await fetchCallInfo({ baseUrl: '', agentId: '60015', guid: GUID, fetch });
    expect(fetch.mock.calls.map(([url]) => String(url).split('callinfo')[1])).toEqual([
      '?isNoContainLastCall=true',
      '?isNoContainLastCall=false',
      '',
    ]);
  });

  it.each(['100', '1000000', '0101', '60 015', '../60015', '60015/../1', '%2F101', '1e6', '-101', '６００１５', ''])(
    'refuses agent ID %j before any request',
    async (agentId) => {
      const fetch = mockFetch(respond(talkingCall()));
      const error = await rejection(fetchCallInfo({ baseUrl: '', agentId, guid: GUID, fetch }));
      expect(error.kind).toBe('invalid-agent-id');
      expect(error.retryable).toBe(false);
      expect(fetch).not.toHaveBeenCalled();
    },
  );

  it('accepts agent IDs 101 to 999999 of the newer reference', () => {
    expect(['101', '59999', '999999'].every(isValidAgentId)).toBe(true);
    expect(isValidAgentId(60015 as unknown)).toBe(false);
  });

  it('reads a Guid function at every request, so a rotated Guid is used', async () => {
    const fetch = mockFetch(respond(talkingCall()));
    let current = 'guid-one';
    const guid = vi.fn(async () => current);
    await fetchCallInfo({ baseUrl: '', agentId: '60015', guid, fetch });
    current = 'guid-two';
    await fetchCallInfo({ baseUrl: '', agentId: '60015', guid, fetch });
    expect(guid).toHaveBeenCalledTimes(2);
    expect(fetch.mock.calls.map(([, init]) => (init?.headers as Record<string, string>).Guid)).toEqual([
      'guid-one',
      'guid-two',
    ]);
  });

  it('never puts the Guid in the URL or in an error message, even when the gateway echoes it', async () => {
    const fetch = mockFetch(respond(failure('000-003', `Guid ${GUID} has expired`)));
    const error = await rejection(fetchCallInfo({ baseUrl: '', agentId: '60015', guid: GUID, fetch }));
    expect(error.kind).toBe('auth-expired');
    expect(error.message).not.toContain(GUID);
    expect(String(error.stack)).not.toContain(GUID);
    expect(String(fetch.mock.calls[0]![0])).not.toContain(GUID);
  });

  it.each<[string, () => string | Promise<string>]>([
    ['a getter returning empty', () => ''],
    ['a getter that throws', () => {
      throw new Error('no session yet');
    }],
    ['a getter that rejects', () => Promise.reject(new Error('no session yet'))],
    ['a getter returning a non-string', () => undefined as unknown as string],
  ])('refuses to send a request without a Guid (%s): not-signed-in, a GatewayError', async (_name, guid) => {
    const fetch = mockFetch(respond(talkingCall()));
    const error = await rejection(fetchCallInfo({ baseUrl: '', agentId: '60015', guid, fetch }));
    expect(error).toBeInstanceOf(GatewayError);
    expect(error.kind).toBe('not-signed-in');
    expect(error.retryable).toBe(false);
    expect(fetch).not.toHaveBeenCalled();
  });

  it.each([
    ['an HTML error page with 502', new Response('<html><body>Bad Gateway</body></html>', { status: 502 }), 'http', 502],
    ['an HTML page with 200', new Response('<html>Login</html>', { status: 200 }), 'bad-response', 200],
    ['an empty body with 200', new Response('', { status: 200 }), 'bad-response', 200],
    ['an empty body with 503', new Response('', { status: 503 }), 'http', 503],
    ['a truncated body', new Response('{"retcode":"0","result":{"callid":"1-2","cal', { status: 200 }), 'bad-response', 200],
    ['a JSON body that is no envelope with 500', respond({ error: 'boom' }, 500), 'http', 500],
  ])('turns %s into a typed error', async (_name, response, kind, status) => {
    const error = await rejection(fetchCallInfo({ baseUrl: '', agentId: '60015', guid: GUID, fetch: mockFetch(response) }));
    expect(error.kind).toBe(kind);
    expect(error.status).toBe(status);
    expect(error.retryable).toBe(true);
  });

  it('prefers the retcode of an error envelope sent with a 4xx status', async () => {
    const fetch = mockFetch(respond(failure('100-006'), 401));
    const error = await rejection(fetchCallInfo({ baseUrl: '', agentId: '60015', guid: GUID, fetch }));
    expect(error.kind).toBe('not-signed-in');
    expect(error.retryable).toBe(false);
  });

  it('reports an unreachable gateway as a network error', async () => {
    const fetch = mockFetch(new TypeError('Failed to fetch'));
    const error = await rejection(fetchCallInfo({ baseUrl: '', agentId: '60015', guid: GUID, fetch }));
    expect(error.kind).toBe('network');
    expect(error.retryable).toBe(true);
  });

  it('gives up after timeoutMs with a timeout error', async () => {
    vi.useFakeTimers();
    try {
      const fetch = vi.fn<typeof globalThis.fetch>(
        (_url, init) =>
          new Promise((_resolve, reject) => {
            init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
          }),
      );
      const pending = rejection(fetchCallInfo({ baseUrl: '', agentId: '60015', guid: GUID, fetch, timeoutMs: 2_000 }));
      await vi.advanceTimersByTimeAsync(1_999);
      expect(fetch.mock.calls[0]![1]?.signal?.aborted).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      const error = await pending;
      expect(error.kind).toBe('timeout');
      expect(error.message).toContain('2000 ms');
    } finally {
      vi.useRealTimers();
    }
  });

  it('passes a caller abort through instead of calling it a failure', async () => {
    const controller = new AbortController();
    const fetch = vi.fn<typeof globalThis.fetch>(
      (_url, init) =>
        new Promise((_resolve, reject) => {
          init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
        }),
    );
    const pending = fetchCallInfo({ baseUrl: '', agentId: '60015', guid: GUID, fetch, signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toSatisfy((reason) => !(reason instanceof GatewayError));
  });

  it('tells the clock when it sent, when the answer came and the Date header (never the call); only for answers it accepted', async () => {
    vi.useFakeTimers({ now: 1_764_000_000_000 });
    try {
      const observe = vi.fn<GatewayClock['observe']>();
      const clock: GatewayClock = { read: () => 0, subscribe: () => () => {}, observe };
      const dated = respond(talkingCall());
      dated.headers.set('Date', 'Mon, 24 Nov 2025 14:00:05 GMT');
      const fetch = vi.fn<typeof globalThis.fetch>(async () => {
        await new Promise((resolve) => setTimeout(resolve, 120));
        return dated;
      });
      const pending = fetchCallInfo({ baseUrl: '', agentId: '60015', guid: GUID, fetch, clock });
      await vi.advanceTimersByTimeAsync(120);
      expect((await pending)?.callId).toBe('1764000000-101');
      expect(observe).toHaveBeenCalledTimes(1);
      expect(observe.mock.calls[0]).toEqual([1_764_000_000_000, 1_764_000_000_120, 'Mon, 24 Nov 2025 14:00:05 GMT']);

      await rejection(fetchCallInfo({ baseUrl: '', agentId: '60015', guid: GUID, fetch: mockFetch(respond('<html>', 502)), clock }));
      await rejection(fetchCallInfo({ baseUrl: '', agentId: '60015', guid: GUID, fetch: mockFetch(respond(failure('000-007'))), clock }));
      expect(observe).toHaveBeenCalledTimes(1);
    } finally {
      vi.useRealTimers();
    }
  });
  describe('holds under pressure (issue #10)', () => {
    it('times out a fetch that ignores the abort signal and never settles', async () => {
      vi.useFakeTimers();
      try {
        const fetch = vi.fn<typeof globalThis.fetch>(() => new Promise<Response>(() => {}));
        const pending = rejection(fetchCallInfo({ baseUrl: '', agentId: '60015', guid: GUID, fetch, timeoutMs: 2_000 }));
        await vi.advanceTimersByTimeAsync(2_000);
        const error = await pending;
        expect(error.kind).toBe('timeout');
        expect(error.retryable).toBe(true);
      } finally {
        vi.useRealTimers();
      }
    });

    it('times out a body that never finishes arriving', async () => {
      vi.useFakeTimers();
      try {
        const hung = { ok: true, status: 200, headers: new Headers(), text: () => new Promise<string>(() => {}) } as unknown as Response;
        const fetch = vi.fn<typeof globalThis.fetch>(async () => hung);
        const pending = rejection(fetchCallInfo({ baseUrl: '', agentId: '60015', guid: GUID, fetch, timeoutMs: 2_000 }));
        await vi.advanceTimersByTimeAsync(2_000);
        expect((await pending).kind).toBe('timeout');
      } finally {
        vi.useRealTimers();
      }
    });

    it('passes a caller abort through even when fetch ignores it', async () => {
      const controller = new AbortController();
      const fetch = vi.fn<typeof globalThis.fetch>(() => new Promise<Response>(() => {}));
      const pending = fetchCallInfo({ baseUrl: '', agentId: '60015', guid: GUID, fetch, signal: controller.signal });
      controller.abort(new DOMException('gone', 'AbortError'));
      await expect(pending).rejects.toSatisfy((reason) => reason instanceof DOMException && reason.name === 'AbortError');
    });

    it.each([
      ['a CR LF (header injection)', 'guid-1\r\nX-Evil: 1'],
      ['a lone LF', 'guid-1\nx'],
      ['a lone CR', 'guid-1\rx'],
      ['a trailing CR LF (never trimmed away)', 'guid-1\r\n'],
      ['a NUL', 'guid-1\0'],
      ['another control character', 'guid-\x01'],
      ['a code point beyond Latin-1', 'guid-中文'],
      ['an emoji', 'guid-\u{1F600}'],
    ])('refuses a Guid with %s before any request, as a non-retryable invalid-request', async (_name, guid) => {
      const fetch = mockFetch(respond(talkingCall()));
      const error = await rejection(fetchCallInfo({ baseUrl: '', agentId: '60015', guid: () => guid, fetch }));
      expect(error.kind).toBe('invalid-request');
      expect(error.retryable).toBe(false);
      expect(error.message).not.toContain('guid-');
      expect(fetch).not.toHaveBeenCalled();
    });

    it('sends a Guid a real Headers object accepts (Latin-1, spaces inside)', async () => {
      const fetch = mockFetch(respond(talkingCall()));
      for (const guid of ['guid-ü-é', 'a b\tc']) {
        await fetchCallInfo({ baseUrl: '', agentId: '60015', guid, fetch });
        expect(() => new Headers({ Guid: guid })).not.toThrow();
      }
      expect(fetch).toHaveBeenCalledTimes(2);
    });

    it('treats a Guid of only spaces as no Guid', async () => {
      const fetch = mockFetch(respond(talkingCall()));
      const error = await rejection(fetchCallInfo({ baseUrl: '', agentId: '60015', guid: ' \t ', fetch }));
      expect(error.kind).toBe('not-signed-in');
      expect(fetch).not.toHaveBeenCalled();
    });

    it('redacts the Guid before the message is cut, so no prefix of it survives', async () => {
      // 190 characters, then the Guid: a cut at 200 would keep its first 10 characters.
      const fetch = mockFetch(respond(failure('000-003', `${'x'.repeat(190)}${GUID}`)));
      const error = await rejection(fetchCallInfo({ baseUrl: '', agentId: '60015', guid: GUID, fetch }));
      expect(error.kind).toBe('auth-expired');
      expect(error.message).not.toContain(GUID.slice(0, 6));
      expect(error.message).toContain('[redacted]');
    });

    it('redacts the Guid from a retcode before it is cut', async () => {
      const fetch = mockFetch(respond(failure(`${'9'.repeat(28)}${GUID}`)));
      const error = await rejection(fetchCallInfo({ baseUrl: '', agentId: '60015', guid: GUID, fetch }));
      expect(error.retcode).not.toContain(GUID.slice(0, 4));
      expect(error.message).not.toContain(GUID.slice(0, 4));
    });

    it('redacts the trimmed Guid too, the one a header actually carries', async () => {
      const fetch = mockFetch(respond(failure('000-003', `bad token ${GUID}`)));
      const error = await rejection(fetchCallInfo({ baseUrl: '', agentId: '60015', guid: `  ${GUID}\t`, fetch }));
      expect(error.message).not.toContain(GUID);
    });
  });
});

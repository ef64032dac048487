/**
 * The wire schemas under a strict Content-Security-Policy: parsing must never construct a
 * `Function` (CSP without `unsafe-eval` forbids it, and even a caught probe is reported as a
 * violation). Classic zod probes with `new Function("")`; zod/mini 4.1 and later do not.
 * Runs on the zod-floor project too, so the lowest zod the peer range admits is held to it.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { publishedExample, talkingCall } from '../fixtures/wire';

/** Replaces the global `Function` with one that counts and refuses construction, as a strict CSP does. */
function refuseFunctionConstruction(): { readonly count: number } {
  const counter = { count: 0 };
  const refuse = () => {
    counter.count += 1;
    throw new EvalError('Refused to evaluate a string as JavaScript (strict CSP)');
  };
  vi.stubGlobal('Function', new Proxy(Function, { construct: refuse, apply: refuse }));
  return counter;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('parsing under a strict CSP', () => {
  it('constructs no Function while loading the schemas and parsing answers', async () => {
    const counter = refuseFunctionConstruction();
    const { parseCallInfoResponse } = await import('../../src/gateway/parseCallInfoResponse');
    expect(parseCallInfoResponse(publishedExample)?.callId).toBe('1476838963-224');
    expect(() => parseCallInfoResponse(talkingCall({ caller: {} }))).toThrow(/not well formed/);
    expect(counter.count).toBe(0);

    // The check can fail: classic zod's object parser probes for eval on its first parse.
    const classic = await import('zod');
    expect(classic.object({ a: classic.number() }).safeParse({ a: 1 }).success).toBe(true);
    expect(counter.count).toBeGreaterThan(0);
  });
});

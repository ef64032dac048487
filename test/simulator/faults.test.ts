import { afterEach, describe, expect, it, vi } from 'vitest';
import { faults, type Fault } from '../../src/simulator';
import { AGENT, envelope, makeSim, query } from './helpers';

afterEach(() => {
  vi.useRealTimers();
});

describe('answer faults', () => {
  it.each([
    [faults.notSignedIn(), '100-006'],
    [faults.authExpired(), '000-003'],
    [faults.rateLimited(), '000-007'],
    [faults.retcode('000-004'), '000-004'],
    [faults.retcode('999-123', 'Something new'), '999-123'],
  ])('retcode fault %j answers that retcode in a failure envelope over HTTP 200', async (fault, retcode) => {
    const { sim } = makeSim();
    sim.setScenario(AGENT, 'inbound-voice');
    sim.injectFault(fault);
    const { status, json } = await query(sim);
    expect(status).toBe(200);
    expect(json).toEqual({ message: expect.any(String), retcode, result: null });
  });

  it('uses the given message and status', async () => {
    const { sim } = makeSim();
    sim.injectFault(faults.retcode('100-007', 'Internal error', 500));
    const { status, json } = await query(sim);
    expect(status).toBe(500);
    expect(json).toEqual({ message: 'Internal error', retcode: '100-007', result: null });
  });

  it.each([502, 503, 500])('HTTP %i comes with an HTML body', async (code) => {
    const { sim } = makeSim();
    sim.injectFault(faults.serverError(code));
    const { status, text, json, response } = await query(sim);
    expect(status).toBe(code);
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(text).toMatch(/^<html>/);
    expect(text).toContain(String(code));
    expect(json).toBeUndefined();
  });

  it('an HTML page can come with HTTP 200', async () => {
    const { sim } = makeSim();
    sim.injectFault(faults.htmlPage());
    const { status, text } = await query(sim);
    expect(status).toBe(200);
    expect(text).toMatch(/^<!DOCTYPE html>/);
  });

  it('an empty body', async () => {
    const { sim } = makeSim();
    sim.injectFault(faults.emptyBody());
    const { status, text } = await query(sim);
    expect(status).toBe(200);
    expect(text).toBe('');
  });

  it('a truncated JSON body is a strict prefix of the real answer and does not parse', async () => {
    const { sim } = makeSim();
    sim.setScenario(AGENT, 'long-call-data');
    const full = (await query(sim)).text;
    sim.injectFault(faults.truncatedJson(), { times: 1 });
    const { status, text, json } = await query(sim);
    expect(status).toBe(200);
    expect(text.length).toBeGreaterThan(100);
    expect(full.startsWith(text)).toBe(true);
    expect(text.length).toBeLessThan(full.length);
    expect(json).toBeUndefined();
  });

  it('a network failure rejects fetch with a TypeError and is logged as such', async () => {
    const { sim } = makeSim();
    sim.injectFault(faults.networkFailure());
    await expect(query(sim)).rejects.toBeInstanceOf(TypeError);
    expect(sim.requests.list[0]).toMatchObject({ outcome: 'network-error', ok: false, fault: 'network', status: null });
  });

  it('a Guid rotation fault makes the request’s Guid stale', async () => {
    const { sim } = makeSim();
    const before = sim.getGuid(AGENT);
    sim.injectFault(faults.rotateGuid(), { times: 1 });
    expect((await query(sim, { guid: before })).json).toMatchObject({ retcode: '000-003' });
    expect(sim.getGuid(AGENT)).not.toBe(before);
    expect((await query(sim)).json).toMatchObject({ retcode: '0' });
  });
});

describe('fault scope and lifetime', () => {
  it('applies `times` requests, then the gateway answers normally again', async () => {
    const { sim } = makeSim();
    sim.injectFault(faults.rateLimited(), { times: 2 });
    expect(envelope((await query(sim)).json).retcode).toBe('000-007');
    expect(sim.state().faults[0]?.remaining).toBe(1);
    expect(envelope((await query(sim)).json).retcode).toBe('000-007');
    expect(envelope((await query(sim)).json).retcode).toBe('0');
    expect(sim.state().faults).toEqual([]);
  });

  it('applies until cleared by default', async () => {
    const { sim } = makeSim();
    sim.injectFault(faults.emptyBody());
    for (let i = 0; i < 5; i++) expect((await query(sim)).text).toBe('');
    expect(sim.state().faults[0]?.remaining).toBeNull();
    sim.clearFaults();
    expect(envelope((await query(sim)).json).retcode).toBe('0');
  });

  it('applies per agent, and clearFaults(agentId) clears only that agent’s', async () => {
    const { sim } = makeSim({ agents: [{ agentId: '60015' }, { agentId: '60016' }] });
    sim.injectFault(faults.notSignedIn(), { agentId: '60016' });
    const global = sim.injectFault(faults.delay(0));
    expect(envelope((await query(sim, { agentId: '60015' })).json).retcode).toBe('0');
    expect(envelope((await query(sim, { agentId: '60016' })).json).retcode).toBe('100-006');
    sim.clearFaults('60016');
    expect(envelope((await query(sim, { agentId: '60016' })).json).retcode).toBe('0');
    expect(sim.state().faults.map((f) => f.id)).toEqual([global]);
    expect(sim.removeFault(global)).toBe(true);
    expect(sim.removeFault(global)).toBe(false);
  });

  it('the first answer fault wins; the next one waits its turn', async () => {
    const { sim } = makeSim();
    sim.injectFault(faults.authExpired(), { times: 1 });
    sim.injectFault(faults.notSignedIn(), { times: 1 });
    expect(envelope((await query(sim)).json).retcode).toBe('000-003');
    expect(envelope((await query(sim)).json).retcode).toBe('100-006');
    expect(envelope((await query(sim)).json).retcode).toBe('0');
  });

  it('refuses faults that could never apply', () => {
    const { sim } = makeSim();
    expect(() => sim.injectFault(faults.emptyBody(), { times: 0 })).toThrow(RangeError);
    expect(() => sim.injectFault({ kind: 'delay', ms: Number.NaN } as Fault)).toThrow(RangeError);
  });
});

describe('delay and abort', () => {
  it('waits the injected delay through the injectable sleep, then answers', async () => {
    const waits: number[] = [];
    const { sim } = makeSim({ sleep: async (ms) => { waits.push(ms); } });
    sim.injectFault(faults.delay(15_000), { times: 1 });
    sim.injectFault(faults.delay(500), { times: 1 });
    expect(envelope((await query(sim)).json).retcode).toBe('0');
    expect(waits).toEqual([15_500]);
  });

  it('combines a delay with an answer fault', async () => {
    const waits: number[] = [];
    const { sim } = makeSim({ sleep: async (ms) => { waits.push(ms); } });
    sim.injectFault(faults.delay(2_000));
    sim.injectFault(faults.serverError(503));
    expect((await query(sim)).status).toBe(503);
    expect(waits).toEqual([2_000]);
  });

  it('with fake timers: answers only once the delay has passed', async () => {
    vi.useFakeTimers();
    const { sim } = makeSim();
    sim.injectFault(faults.delay(12_000));
    let settled = false;
    const pending = query(sim).then((r) => { settled = true; return r; });
    await vi.advanceTimersByTimeAsync(11_999);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect((await pending).status).toBe(200);
  });

  it('rejects with an AbortError DOMException when aborted during the delay', async () => {
    vi.useFakeTimers();
    const { sim } = makeSim();
    sim.injectFault(faults.delay(60_000));
    const controller = new AbortController();
    const pending = query(sim, { signal: controller.signal });
    await vi.advanceTimersByTimeAsync(1_000);
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    expect(vi.getTimerCount()).toBe(0);
    expect(sim.requests.list[0]).toMatchObject({ outcome: 'aborted', ok: false });
  });

  it('aborts even when an injected sleep ignores the signal', async () => {
    const { sim } = makeSim({ sleep: () => new Promise<void>(() => {}) });
    sim.injectFault(faults.delay(1_000));
    const controller = new AbortController();
    const pending = query(sim, { signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('rejects at once for an already aborted signal, without answering', async () => {
    const { sim } = makeSim();
    const signal = AbortSignal.abort();
    await expect(query(sim, { signal })).rejects.toMatchObject({ name: 'AbortError' });
    await expect(sim.handle(new Request('https://gw.invalid/agentgateway/resource/calldata/60015/callinfo', { signal }))).rejects.toMatchObject({ name: 'AbortError' });
    expect(sim.requests.count).toBe(0);
  });

  it('rejects with the abort reason given, as fetch does', async () => {
    const { sim } = makeSim();
    sim.injectFault(faults.delay(1_000));
    const controller = new AbortController();
    const reason = new Error('timed out by caller');
    const pending = query(sim, { signal: controller.signal });
    controller.abort(reason);
    await expect(pending).rejects.toBe(reason);
  });

  it('honours the signal of a Request passed to handle()', async () => {
    const { sim } = makeSim({ sleep: () => new Promise<void>(() => {}) });
    sim.injectFault(faults.delay(1_000));
    const controller = new AbortController();
    const pending = sim.handle(new Request('https://gw.invalid/agentgateway/resource/calldata/60015/callinfo', { signal: controller.signal }));
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });
});

import { describe, expect, it } from 'vitest';
import { handleControlRequest } from '../../src/simulator/node';
import { AGENT, makeSim, query } from './helpers';

const TWO_HOURS = 2 * 60 * 60 * 1000;

describe('a gateway clock set ahead or behind', () => {
  it('shifts the Date header and every moment the gateway reports; the call goes on unchanged', async () => {
    const { sim, now, advance } = makeSim();
    sim.startCall(AGENT, { state: 'queued' });
    const queuedAt = now();
    advance(5_000);
    sim.setClockOffset(-TWO_HOURS);
    expect(sim.state()).toMatchObject({ now: now(), clockOffsetMs: -TWO_HOURS });
    const { response } = await query(sim);
    expect(Date.parse(response.headers.get('date')!)).toBe(Math.floor((now() - TWO_HOURS) / 1000) * 1000);
    // Still queued, 5 s in: the same call, its moments on the gateway's clock.
    sim.answer(AGENT);
    advance(3_000);
    const call = sim.peekCall(AGENT)!;
    expect(call.begintime).toBe(queuedAt - TWO_HOURS);
    expect(call.trace?.waitBeginTime).toBe(queuedAt - TWO_HOURS);
    expect(call.trace?.talkBeginTime).toBe(queuedAt + 5_000 - TWO_HOURS);
    expect(call.endtime).toBeNull();
    // Unset trace times stay unset (here: 0 for "not happened").
    expect(call.trace?.talkEndTime ?? 0).toBe(0);
    // What the interface answers is the same shifted call.
    const { json } = await query(sim);
    expect((json as { result: { begintime: number } }).result.begintime).toBe(queuedAt - TWO_HOURS);
    sim.setClockOffset(0);
    expect(sim.peekCall(AGENT)!.begintime).toBe(queuedAt);
  });

  it('shifts numeric strings as strings (gateways that send numbers as strings)', () => {
    const { sim, now } = makeSim();
    sim.setScenario(AGENT, 'inbound-voice', { wire: { numbersAsStrings: true } });
    sim.setClockOffset(120_000);
    expect(sim.peekCall(AGENT)!.begintime).toBe(String(now() + 120_000));
  });

  it('refuses an offset that is not a finite number', () => {
    const { sim } = makeSim();
    expect(() => sim.setClockOffset(Number.NaN)).toThrow(/finite/);
  });

  it('is set through the control endpoint, within a week either way', () => {
    const { sim, now } = makeSim();
    const set = (body: unknown) => handleControlRequest(sim, { method: 'POST', path: '/__sim/clock', body });
    const answer = set({ offsetMs: 120_000 });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ ok: true, state: { clockOffsetMs: 120_000, now: now() } });
    for (const body of [{ offsetMs: 8 * 24 * TWO_HOURS }, { offsetMs: 1.5 }, { offsetMs: '60000' }, {}, { offsetMs: 0, extra: 1 }]) {
      expect(set(body).status).toBe(400);
    }
    expect(sim.state().clockOffsetMs).toBe(120_000);
  });
});

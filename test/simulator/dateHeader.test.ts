import { describe, expect, it } from 'vitest';
import { GatewaySimulator, createMswHandlers, faults, type Fault } from '../../src/simulator';
import { AGENT, callInfoUrl, makeSim, query } from './helpers';

const TWO_HOURS = 2 * 60 * 60 * 1000;

/** A clock two hours behind real time, with a millisecond part (the header has second resolution). */
function behindRealTime(): number {
  return Math.floor((Date.now() - TWO_HOURS) / 1000) * 1000 + 789;
}

/** What the `Date` header must say for a clock reading of `ms`: IMF-fixdate, whole seconds. */
function imfFixdate(ms: number): string {
  return new Date(ms).toUTCString();
}

function expectDate(response: Response, ms: number): void {
  const header = response.headers.get('date');
  expect(header).toBe(imfFixdate(ms));
  expect(header).toMatch(/^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/);
  expect(Date.parse(header!)).toBe(Math.floor(ms / 1000) * 1000);
}

describe('the Date header', () => {
  it('is the simulator’s clock (two hours behind real time) on a success', async () => {
    const t = behindRealTime();
    const { sim } = makeSim({ now: () => t });
    sim.setScenario(AGENT, 'inbound-voice');
    const { response, json } = await query(sim);
    expect(json).toMatchObject({ retcode: '0' });
    expectDate(response, t);
    // Not the real clock: two hours off.
    expect(Date.now() - Date.parse(response.headers.get('date')!)).toBeGreaterThan(TWO_HOURS - 60_000);
  });

  it.each<[string, Fault]>([
    ['a retcode fault', faults.authExpired()],
    ['a retcode fault with HTTP 500', faults.retcode('100-007', 'Internal error', 500)],
    ['an HTML 5xx page', faults.serverError(502)],
    ['an HTML 200 page', faults.htmlPage()],
    ['an empty body', faults.emptyBody()],
    ['an empty 204', faults.emptyBody(204)],
    ['a truncated JSON body', faults.truncatedJson()],
  ])('is the simulator’s clock on %s', async (_name, fault) => {
    const t = behindRealTime();
    const { sim } = makeSim({ now: () => t });
    sim.injectFault(fault, { times: 1 });
    const { response } = await query(sim);
    expect(sim.requests.list[0]?.fault).toBe(fault.kind);
    expectDate(response, t);
  });

  it('is the simulator’s clock on 404 and 405 pages, through handle as through fetch', async () => {
    const t = behindRealTime();
    const { sim } = makeSim({ now: () => t });
    const notFound = await sim.fetch('/agentgateway/resource/calldata/60015/other');
    expect(notFound.status).toBe(404);
    expectDate(notFound, t);
    const post = await sim.handle(new Request(`https://gw.example${callInfoUrl()}`, { method: 'POST' }));
    expect(post.status).toBe(405);
    expectDate(post, t);
  });

  it('follows the clock from one answer to the next', async () => {
    const { sim, set, now } = makeSim();
    const t = behindRealTime();
    set(t);
    sim.injectFault(faults.rateLimited(), { times: 1 });
    expectDate((await query(sim)).response, t);
    set(t + 61_000);
    expectDate((await query(sim)).response, now());
    expect(now()).toBe(t + 61_000);
  });

  it('is read when a delayed answer is produced, not when the request arrived', async () => {
    let t = behindRealTime();
    const arrived = t;
    const sim = new GatewaySimulator({
      now: () => t,
      sleep: async (ms) => {
        t += ms;
      },
    });
    sim.injectFault(faults.delay(5_000), { times: 1 });
    sim.injectFault(faults.serverError(503), { times: 1 });
    const { response, status } = await query(sim);
    expect(status).toBe(503);
    expect(sim.requests.list[0]?.time).toBe(arrived);
    expectDate(response, arrived + 5_000);
  });

  it('survives the MSW adapter', async () => {
    const t = behindRealTime();
    const sim = new GatewaySimulator({ now: () => t });
    const resolvers: Array<(info: { request: Request }) => Promise<Response>> = [];
    createMswHandlers(sim, { get: (_path, resolver) => resolvers.push(resolver) });
    const request = new Request(`https://gw.example:8043${callInfoUrl()}`, { headers: { Guid: sim.getGuid(AGENT) } });
    const response = await resolvers[0]!({ request });
    expect(response.status).toBe(200);
    expectDate(response, t);
  });
});

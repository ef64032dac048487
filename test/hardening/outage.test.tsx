/**
 * A one-minute outage of each kind, on fake time with the worst jitter for the gateway
 * (`Math.random() === 0`: the shortest waits, so the most requests): the requests stay within
 * the backoff policy's bound, the panel keeps the last call marked stale, and it recovers by
 * itself at the first poll after the fault clears, within one backoff step. Failures retrying
 * cannot fix (100-006, 000-003) send nothing more after the first, for the whole minute and after.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { GatewayError, type GatewayErrorKind } from '../../src/gateway/GatewayError';
import { BACKOFF_MAX_MS, BACKOFF_MIN_MS, DEFAULT_POLL_INTERVAL_MS, backoffDelay, refreshCallInfo } from '../../src/query';
import { faults, type Fault, type RequestLogEntry } from '../../src/simulator';
import { isCallInfoUrl } from '../fixtures/wire';
import { advance } from '../query/renderWithClient';
import { maxRequestsDuringOutage, outageRequestTimes } from './support/policy';
import { AGENT, mountPanel, panelState, region, shownCall } from './support/panel';

const T0 = 1_764_000_000_000;
const OUTAGE_MS = 60_000;
const POLL_MS = DEFAULT_POLL_INTERVAL_MS;
const TIMEOUT_MS = 2_000;
const CALLER = '+8613800000042';

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(T0);
  vi.spyOn(Math, 'random').mockReturnValue(0);
});
afterEach(() => {
  vi.useRealTimers();
});

/** A panel showing a live call, just after a good poll; `t0` is that moment. */
async function panelWithCall() {
  const mounted = mountPanel({ timeoutMs: TIMEOUT_MS });
  mounted.sim.startCall(AGENT, { state: 'talking', fields: { caller: CALLER } });
  await advance(0);
  await advance(POLL_MS);
  expect(panelState()).toEqual({ status: 'live', freshness: 'fresh', phase: 'talking' });
  expect(mounted.sim.requests.list.filter((entry) => isCallInfoUrl(entry.path)).map((entry) => entry.ok)).toEqual([true, true]);
  return { ...mounted, t0: Date.now() };
}

/** The "query call information" requests after `from` (to `to`): the policy under test is its. */
/**
 * Fake time in one-second steps, each in its own `act`, so React renders as time passes, as in a
 * browser (one long `act` on React 18 holds every render to its end): the panel's other
 * interfaces pause when a render sees the current call failing.
 */
async function advanceInSteps(ms: number) {
  for (let left = ms; left > 0; left -= 1_000) await advance(Math.min(1_000, left));
}

const since = (list: readonly RequestLogEntry[], from: number, to = Infinity) =>
  list.filter((entry) => isCallInfoUrl(entry.path) && entry.time > from && entry.time <= to);
/** The requests to the other interfaces (`allcallid`, `callinfobycallid`) after `from` (to `to`). */
const siblingsSince = (list: readonly RequestLogEntry[], from: number, to = Infinity) =>
  list.filter((entry) => !isCallInfoUrl(entry.path) && entry.time > from && entry.time <= to);

const RECOVERABLE: ReadonlyArray<[string, Fault, GatewayErrorKind]> = [
  ['network failure', faults.networkFailure(), 'network'],
  ['HTTP 502 page', faults.serverError(502), 'http'],
  ['HTML page with HTTP 200', faults.htmlPage(200), 'bad-response'],
  ['empty body', faults.emptyBody(), 'bad-response'],
  ['truncated JSON', faults.truncatedJson(), 'bad-response'],
  ['slower than the timeout', faults.delay(TIMEOUT_MS + 3_000), 'timeout'],
  ['000-007 invoked repeatedly', faults.rateLimited(), 'rate-limited'],
];

describe('a one-minute outage the panel can ride out', () => {
  it.each(RECOVERABLE)('%s: bounded requests, stale meanwhile, recovered within one backoff step', async (_name, fault, kind) => {
    const { sim, t0 } = await panelWithCall();
    const error = new GatewayError(kind, kind);
    const answerMs = kind === 'timeout' ? TIMEOUT_MS : 0;
    const noJitter = () => 0;
    const wait = (failures: number) => backoffDelay(failures, error, noJitter);

    const faultId = sim.injectFault(fault);
    await advanceInSteps(OUTAGE_MS / 2);
    // The last good call stays, marked stale, with the time it arrived.
    expect(panelState()).toEqual({ status: 'live', freshness: 'stale', phase: 'talking' });
    expect(shownCall().caller).toBe(CALLER);
    expect(region().querySelector('.cip-CallInfoView-notice time')!.getAttribute('datetime')).toBe(new Date(t0).toISOString());
    await advanceInSteps(OUTAGE_MS / 2);
    expect(panelState()).toEqual({ status: 'live', freshness: 'stale', phase: 'talking' });

    // Requests during the minute: within the bound from BACKOFF_MIN_MS/BACKOFF_MAX_MS, and exactly
    // the policy's schedule (first failure at the next poll, then doubling waits).
    const during = since(sim.requests.list, t0, t0 + OUTAGE_MS);
    const bound = maxRequestsDuringOutage(OUTAGE_MS, { answerMs });
    expect(during.length).toBeGreaterThan(0);
    expect(during.length).toBeLessThanOrEqual(bound);
    expect(during.every((entry) => !entry.ok)).toBe(true);
    expect(during.map((entry) => entry.time - t0)).toEqual(outageRequestTimes(OUTAGE_MS, { firstAt: POLL_MS, answerMs, wait }));
    // The other calls' interfaces wait for the current call's to answer again: nothing more.
    expect(siblingsSince(sim.requests.list, t0, t0 + OUTAGE_MS)).toEqual([]);

    // The fault clears; the poll already scheduled (one backoff step after the last failure) succeeds.
    sim.removeFault(faultId);
    const clearedAt = Date.now();
    const last = during.at(-1)!;
    const recoveryAt = last.time + answerMs + wait(during.length);
    expect(recoveryAt - clearedAt).toBeLessThanOrEqual(BACKOFF_MAX_MS + answerMs);
    await advance(recoveryAt - Date.now() - 1);
    expect(since(sim.requests.list, clearedAt)).toEqual([]);
    expect(panelState().freshness).toBe('stale');
    await advance(1);
    const after = since(sim.requests.list, clearedAt);
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ time: recoveryAt, ok: true });
    expect(panelState()).toEqual({ status: 'live', freshness: 'fresh', phase: 'talking' });
    expect(region().querySelector('.cip-CallInfoView-notice')).toBeNull();
    // And back to the plain interval.
    await advance(POLL_MS);
    expect(since(sim.requests.list, clearedAt).map((entry) => entry.time - recoveryAt)).toEqual([0, POLL_MS]);
  });

  it('the bound itself is what the policy allows: 6 requests a minute at worst, against 20 at the plain interval', () => {
    expect([BACKOFF_MIN_MS, BACKOFF_MAX_MS]).toEqual([1_000, 30_000]);
    expect(maxRequestsDuringOutage(OUTAGE_MS)).toBe(6);
    expect(OUTAGE_MS / POLL_MS).toBe(20);
  });
});

const NON_RECOVERABLE: ReadonlyArray<[string, Fault, string, string]> = [
  ['100-006 not signed in', faults.notSignedIn(), 'signed-out', 'Signed out'],
  ['000-003 no permission (Guid expired)', faults.authExpired(), 'auth-expired', 'Session expired'],
];

describe('a failure retrying cannot fix', () => {
  it.each(NON_RECOVERABLE)('%s: no request after the first, the whole minute and after, until the host refreshes', async (_name, fault, status, text) => {
    const { sim, client, t0 } = await panelWithCall();
    sim.injectFault(fault);
    await advanceInSteps(OUTAGE_MS);
    const during = since(sim.requests.list, t0);
    expect(during).toHaveLength(1);
    expect(during[0]!.time - t0).toBe(POLL_MS);
    expect(panelState().status).toBe(status);
    expect(region().textContent).toContain(text);

    // The gateway is fine again, but nothing asks until the host says so.
    sim.clearFaults();
    await advance(OUTAGE_MS);
    expect(since(sim.requests.list, t0)).toHaveLength(1);
    expect(siblingsSince(sim.requests.list, t0)).toEqual([]);

    await refreshCallInfo(client, AGENT);
    await advance(0);
    expect(since(sim.requests.list, t0)).toHaveLength(2);
    expect(panelState()).toEqual({ status: 'live', freshness: 'fresh', phase: 'talking' });
    await advance(POLL_MS);
    expect(since(sim.requests.list, t0)).toHaveLength(3);
  });
});

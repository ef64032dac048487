/**
 * Live timers on the gateway's clock, in real Chromium against the simulator over real HTTP on
 * another origin (the demo desktop under its strict CSP). The simulator's clock is set 2 hours
 * behind, or 2 minutes ahead of, the real one (its call moments and every answer's `Date` header);
 * the desktop's clock is the real one. The page learns the offset from the `Date` header, which a
 * cross-origin script can read only because the gateway sends `Access-Control-Expose-Headers:
 * Date`: without it, Chromium hides the header, as the last test shows, and the page keeps the
 * clock it last learnt (here: in step), since call moments never teach it. Every wait is a bounded
 * locator wait or `expect.poll`; nothing sleeps.
 */
import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, it, type TestContext } from 'vitest';
import type { GatewaySimulator } from '../../src/simulator';
import { AGENT_ID, type OpenOptions } from './support/desktop';
import { desktopSuite } from './support/desktopSuite';
import { openWatchedDesktop, type WatchedDesktop } from './support/hardening';

const suite = desktopSuite<WatchedDesktop>(() => 'e2e clock skew');

async function open(ctx: TestContext, options: OpenOptions): Promise<WatchedDesktop> {
  return suite.track(ctx.task.id, await openWatchedDesktop(suite.harness(), options));
}

const HOUR = 3_600_000;
const MINUTE = 60_000;
/** How long the call has been talking when the test starts it (on the simulator's clock). */
const TALKING_FOR_MS = 20_000;
/** Timers show whole seconds; the offset is measured to within a round trip and the header's whole second. */
const TOLERANCE_S = 2;
const POLL = { timeout: 10_000 } as const;

/** What the page's own code could read of one gateway answer. */
interface SeenAnswer {
  url: string;
  pageOrigin: string;
  /** `cors` for a cross-origin answer read under CORS, `basic` for a same-origin one. */
  type: ResponseType;
  /** `response.headers.get('Date')` in the page: `null` when the browser hides it. */
  date: string | null;
  /** The page's `Date.now()` when the answer arrived. */
  receivedAt: number;
}

/**
 * A simulator clock `skewMs` off the real one. `backdate(ms, fn)` runs `fn` with the clock `ms`
 * further back: a call started in it began `ms` ago on the simulator's clock.
 */
function skewedClock(skewMs: number) {
  let back = 0;
  return {
    now: () => Date.now() + skewMs - back,
    backdate(ms: number, fn: () => void) {
      back = ms;
      try {
        fn();
      } finally {
        back = 0;
      }
    },
  };
}

/**
 * A desktop against a simulator `skewMs` off the real clock, its agent talking on a call that
 * began {@link TALKING_FOR_MS} ago; the page is not loaded yet. `startedAt` is the call's begin
 * on the real clock.
 */
async function openSkewed(ctx: TestContext, skewMs: number) {
  const clock = skewedClock(skewMs);
  let startedAt = NaN;
  const d = await open(ctx, {
    simNow: clock.now,
    before: (sim: GatewaySimulator) =>
      clock.backdate(TALKING_FOR_MS, () => {
        startedAt = Date.now() - TALKING_FOR_MS;
        sim.startCall(AGENT_ID, { like: 'inbound-voice', state: 'talking', fields: { caller: '+8613800000201' } });
      }),
  });
  // What the page's code sees of every gateway answer (init scripts are outside the page's CSP).
  await d.page.addInitScript(() => {
    const seen: SeenAnswer[] = [];
    (window as unknown as { __gatewayAnswers: SeenAnswer[] }).__gatewayAnswers = seen;
    const original = window.fetch.bind(window);
    window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
      const response = await original(input, init);
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      if (url.includes('/agentgateway/')) {
        seen.push({ url: response.url, pageOrigin: location.origin, type: response.type, date: response.headers.get('Date'), receivedAt: Date.now() });
      }
      return response;
    };
  });
  const seenAnswers = () =>
    d.page.evaluate(() => [...(window as unknown as { __gatewayAnswers: SeenAnswer[] }).__gatewayAnswers]);
  /** Whole seconds the call has been talking, on the real clock. */
  const trueSeconds = () => Math.floor((Date.now() - startedAt) / 1000);
  return { d, seenAnswers, trueSeconds };
}

/** `m:ss` or `h:mm:ss` in seconds. */
function seconds(text: string): number {
  if (!/^\d+(:\d{2}){1,2}$/.test(text)) throw new Error(`Not a timer reading: "${text}"`);
  return text.split(':').map(Number).reduce((total, part) => total * 60 + part, 0);
}

const runningTimers = (d: WatchedDesktop) =>
  d.panel.locator('[data-slot="call-timer"][data-state="running"]').allTextContents();
/** The panel's call duration (in its details) and the status band's talk timer. */
const labelledTimer = (d: WatchedDesktop, timer: 'call' | 'talk') =>
  d.panel.locator(timer === 'call' ? '[data-section="details"] [data-timer="call"]' : '.cip-CallInfoView-phase [data-timer="talk"]');

/** Every running timer (the panel's call duration and talk time, the trace's talk segment) reads the call's true age. */
async function expectTrueTimers(
  expect: TestContext['expect'],
  d: WatchedDesktop,
  trueSeconds: () => number,
): Promise<void> {
  // Each timer's distance from the truth, in seconds.
  const deviations = async () => {
    const expected = trueSeconds();
    return (await runningTimers(d)).map((text) => Math.abs(seconds(text) - expected));
  };
  await expect.poll(async () => Math.max(...(await deviations())), POLL).toBeLessThanOrEqual(TOLERANCE_S);

  const timers = await runningTimers(d);
  expect(timers.length).toBeGreaterThanOrEqual(3);
  for (const text of timers) {
    // Seconds: not 2:00:xx (the gateway behind, uncorrected), not a 0:00 stuck until the gateway's clock catches up.
    expect(text).toMatch(/^0:\d{2}$/);
    expect(seconds(text)).toBeGreaterThanOrEqual(TALKING_FOR_MS / 1000);
  }
  const duration = labelledTimer(d, 'call');
  const talk = labelledTimer(d, 'talk');
  expect(await duration.getAttribute('data-state')).toBe('running');
  expect(await talk.getAttribute('data-state')).toBe('running');

  // Ticking on: two seconds on, and still under a minute.
  const first = seconds((await talk.textContent()) ?? '');
  await expect.poll(async () => seconds((await talk.textContent()) ?? ''), POLL).toBeGreaterThanOrEqual(first + 2);
  for (const timer of [duration, talk]) {
    const text = (await timer.textContent()) ?? '';
    expect(text).toMatch(/^0:\d{2}$/);
    expect(Math.abs(seconds(text) - trueSeconds())).toBeLessThanOrEqual(TOLERANCE_S);
  }
}

/** Every answer the page read was cross-origin (a CORS response), and its code could read `Date`: the gateway's clock. */
async function expectCrossOriginDate(expect: TestContext['expect'], seen: SeenAnswer[], skewMs: number): Promise<void> {
  expect(seen.length).toBeGreaterThan(0);
  for (const answer of seen) {
    expect(new URL(answer.url).origin).not.toBe(answer.pageOrigin);
    expect(answer.type).toBe('cors');
    expect(answer.date).not.toBeNull();
    // The simulator's clock (whole seconds), not the desktop's.
    expect(Math.abs(Date.parse(answer.date!) - (answer.receivedAt + skewMs))).toBeLessThanOrEqual(2_000);
  }
}

describe.concurrent('live timers on the gateway clock in Chromium (cross-origin)', () => {
  it('the gateway 2 hours behind: the timers read the call\'s seconds, not 2:00:xx', async (ctx) => {
    const { expect } = ctx;
    const skew = -2 * HOUR;
    const { d, seenAnswers, trueSeconds } = await openSkewed(ctx, skew);
    // The browser itself sent the answer across origins: a CORS request, the header exposed.
    const answer = d.page.waitForResponse((response) => response.url().includes('/callinfo') && response.request().method() === 'GET');
    await d.load();
    const response = await answer;
    expect(new URL(response.url()).origin).not.toBe(new URL(d.pageUrl).origin);
    expect(await response.request().headerValue('origin')).toBe(new URL(d.pageUrl).origin);
    expect(response.headers()['access-control-expose-headers']).toBe('Date');
    await d.waitForPanel({ status: 'live', phase: 'talking', freshness: 'fresh' });

    await expectTrueTimers(expect, d, trueSeconds);
    await expectCrossOriginDate(expect, await seenAnswers(), skew);
  });

  it('the gateway 2 minutes ahead: the timers read the call\'s seconds, not a 0:00 frozen for 2 minutes', async (ctx) => {
    const { expect } = ctx;
    const skew = 2 * MINUTE;
    const { d, seenAnswers, trueSeconds } = await openSkewed(ctx, skew);
    await d.load();
    await d.waitForPanel({ status: 'live', phase: 'talking', freshness: 'fresh' });

    await expectTrueTimers(expect, d, trueSeconds);
    await expectCrossOriginDate(expect, await seenAnswers(), skew);
  });

  it('the desk\'s "Gateway clock" control sets the gateway 2 hours behind mid-call: the timers keep the call\'s seconds', async (ctx) => {
    const { expect } = ctx;
    const { d, seenAnswers, trueSeconds } = await openSkewed(ctx, 0);
    await d.load();
    await d.waitForPanel({ status: 'live', phase: 'talking', freshness: 'fresh' });
    await d.page.getByRole('combobox', { name: 'Clock', exact: true }).selectOption('behind-2h');
    await expect.poll(() => d.sim.state().clockOffsetMs, POLL).toBe(-2 * HOUR);
    // The page now reads Dates 2 hours behind its clock...
    await expect
      .poll(async () => (await seenAnswers()).filter((seen) => seen.date && Date.parse(seen.date) < seen.receivedAt - HOUR).length, POLL)
      .toBeGreaterThanOrEqual(2);
    // ...and its timers stay on the call's seconds (the moments moved with the clock).
    await expectTrueTimers(expect, d, trueSeconds);
  });

  it('without Access-Control-Expose-Headers, Chromium hides Date from the page although the answer carries it', async (ctx) => {
    const { expect } = ctx;
    const skew = -2 * HOUR;
    const { d, seenAnswers } = await openSkewed(ctx, skew);
    const proxy = await startHeaderStrippingProxy(d.simUrl, 'access-control-expose-headers');
    suite.onCleanup(ctx.task.id, () => proxy.close());
    const answer = d.page.waitForResponse((response) => response.url().includes('/callinfo') && response.request().method() === 'GET');
    await d.load(proxy.url);
    const response = await answer;
    // On the wire: the gateway's Date, and no expose header...
    expect(response.headers()['access-control-expose-headers']).toBeUndefined();
    expect(Math.abs(Date.parse(response.headers()['date']!) - (Date.now() + skew))).toBeLessThanOrEqual(5_000);
    await d.waitForPanel({ status: 'live', phase: 'talking', freshness: 'fresh' });
    // ...so the page's code read it as absent: what the exposure in the tests above is for.
    const seen = await seenAnswers();
    expect(seen.length).toBeGreaterThan(0);
    for (const answer of seen) {
      expect(answer.type).toBe('cors');
      expect(answer.date).toBeNull();
    }
    // Without the header the page keeps the clock in step (call moments never teach it): the
    // timers read the skew more, finite and formatted, 2:00:2x for a call 20 s into talk.
    await expect.poll(async () => (await runningTimers(d)).length, POLL).toBeGreaterThanOrEqual(3);
    for (const text of await runningTimers(d)) expect(text).toMatch(/^2:00:\d{2}$/);
  });
});

/** An HTTP proxy on 127.0.0.1 in front of `target` that drops the response header `strip` (lower case). */
async function startHeaderStrippingProxy(target: string, strip: string): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    const upstream = httpRequest(new URL(req.url ?? '/', target), { method: req.method, headers: req.headers }, (answer) => {
      const headers = { ...answer.headers };
      delete headers[strip];
      res.writeHead(answer.statusCode ?? 502, headers);
      answer.pipe(res);
    });
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/**
 * The demo agent desktop, built and served statically under a strict Content-Security-Policy,
 * in real (Debian) Chromium, against the gateway simulator over real HTTP on 127.0.0.1.
 * Each test gets its own simulator server and browser context, so the tests run concurrently;
 * the build, the page server and the browser are shared. Every wait is bounded; nothing sleeps.
 */
import { describe, it, type TestContext } from 'vitest';
import type { RequestLogEntry } from '../../src/simulator';
import { AGENT_ID, STRICT_CSP, openDesktop, type Desktop, type OpenOptions } from './support/desktop';
import { desktopSuite } from './support/desktopSuite';
import { isCallInfoUrl } from '../fixtures/wire';

const suite = desktopSuite<Desktop>(
  (h) => `e2e: build ${h?.startupMs.build} ms, browser ${h?.startupMs.browser} ms`,
);

async function open({ task, expect }: TestContext, options: OpenOptions = {}): Promise<Desktop> {
  const desktop = suite.track(task.id, await openDesktop(suite.harness(), options));
  const response = await desktop.page.goto(desktop.pageUrl);
  expect(response?.status()).toBe(200);
  return desktop;
}

/** `expect.poll`'s default second is short on a loaded two-core runner. */
const POLL = { timeout: 10_000 } as const;
const button = (d: Desktop, name: string) => d.page.getByRole('button', { name, exact: true });
const select = (d: Desktop, name: string) => d.page.getByRole('combobox', { name, exact: true });
/** Clicks "Clear faults" and waits until the simulator has none (a click returns before its request ends). */
async function clearFaults(d: Desktop) {
  await button(d, 'Clear faults').click();
  await d.page.getByText('No fault: the gateway answers normally.').waitFor({ timeout: 10_000 });
}
const callIdOf = (d: Desktop) => d.sim.state().agents.find((a) => a.agentId === AGENT_ID)?.callid ?? null;
const callInfoRequests = (d: Desktop) => d.sim.requests.list.filter((entry) => isCallInfoUrl(entry.path));

describe.concurrent('demo agent desktop in Chromium', () => {
  it('(a) shows a whole inbound call: ringing, talking, held, unheld, released; then it is the last call', async (ctx) => {
    const { expect } = ctx;
    const d = await open(ctx, { poll: 300 });
    await d.waitForPanel({ status: 'no-call', freshness: 'fresh' });

    // Start the call from the desktop's own controls (they use the simulator's control endpoint).
    await select(d, 'Scenario').selectOption('inbound-voice');
    await select(d, 'Start as').selectOption('ringing');
    await button(d, 'Start call').click();
    await d.waitForPanel({ status: 'live', phase: 'ringing', freshness: 'fresh' });
    const callId = callIdOf(d);
    expect(callId).toMatch(/^\d+-\d+$/);
    await expect.poll(() => d.panel.locator('[data-entry="callId"]').textContent(), POLL).toContain(callId!);
    await expect.poll(() => d.panel.locator('[data-slot="call-parties"]').textContent(), POLL).toContain('013912345678');
    await d.panel.locator('[data-segment="answer"][data-state="active"]').waitFor({ timeout: 10_000 });

    await button(d, 'Answer').click();
    await d.waitForPanel({ status: 'live', phase: 'talking' });
    await d.panel.locator('[data-segment="talk"][data-state="active"]').waitFor({ timeout: 10_000 });

    // Held: the gateway says so in the trace (KEEP_DIRECT, reason 18); the panel's status band says "On hold".
    const trace = d.panel.locator('[data-slot="trace-timeline"]');
    await button(d, 'Hold').click();
    await d.waitForPanel({ status: 'live', phase: 'held' });
    await d.panel.locator('.cip-CallInfoView-phase[data-phase="held"]', { hasText: 'On hold' }).waitFor({ timeout: 10_000 });
    await trace.locator('dd', { hasText: /^Held$/ }).waitFor({ timeout: 10_000 });
    await trace.locator('dd', { hasText: 'Call held' }).waitFor({ timeout: 10_000 });
    await d.page.locator('.desk-presence', { hasText: 'On hold' }).waitFor({ timeout: 10_000 });

    await button(d, 'Unhold').click();
    await d.waitForPanel({ status: 'live', phase: 'talking' });
    // Back on the device: "Left the device" waits until it leaves again; the hold stays in the track.
    await trace.locator('dd', { hasText: 'Call unheld' }).waitFor({ timeout: 10_000 });
    await trace.locator('[data-segment="hold"]').waitFor({ timeout: 10_000 });
    expect(await trace.locator('dd', { hasText: /^Held$/ }).count()).toBe(0);

    await button(d, 'Release').click();
    await d.waitForPanel({ status: 'last-call', phase: 'ended', freshness: 'fresh' });
    await d.panel.locator('.cip-CallInfoView-badge[data-status="last-call"]', { hasText: 'Last call' }).waitFor({ timeout: 10_000 });
    expect(await d.panel.locator('[data-entry="callId"]').textContent()).toContain(callId!);
    expect(await d.panel.locator('[data-segment="talk"]').getAttribute('data-state')).toBe('done');
    // The live region told the end of the call once.
    await expect.poll(() => d.panel.locator('.cip-CallInfoView-announcer').textContent(), POLL).toBe('Call with 013912345678 ended');

    // It was polling that carried every change: the page asked for the last call each time.
    const polls = callInfoRequests(d);
    expect(polls.length).toBeGreaterThanOrEqual(5);
    expect(polls.every((entry) => entry.path.endsWith('?isNoContainLastCall=true'))).toBe(true);
  });

  it('(b) "Refresh now" shows a new call with exactly one more request for it', async (ctx) => {
    const { expect } = ctx;
    const d = await open(ctx, { poll: 600_000 });
    await d.waitForPanel({ status: 'no-call' });
    // The first answer is in, and with a 10-minute interval nothing else is on its way.
    await expect.poll(() => callInfoRequests(d).map((entry) => entry.outcome), POLL).toEqual(['answered']);

    const started = await d.control('/call/start', { agentId: AGENT_ID, like: 'preview-outbound', state: 'talking' });
    const callId = started.state.agents[0]?.callid;
    expect(callId).toBeTruthy();
    const before = await d.control<{ count: number; list: RequestLogEntry[] }>('/requests');
    expect(before.list.filter((entry) => isCallInfoUrl(entry.path))).toHaveLength(1);
    expect(await d.panel.getAttribute('data-status')).toBe('no-call');

    await button(d, 'Refresh now').click();
    await d.waitForPanel({ status: 'live', phase: 'talking' });
    await expect.poll(() => d.panel.locator('[data-entry="callId"]').textContent(), { timeout: 10_000 }).toContain(callId!);
    await expect.poll(() => d.panel.locator('[data-slot="call-parties"]').textContent(), POLL).toContain('013800138000');

    const after = await d.control<{ count: number; list: RequestLogEntry[] }>('/requests');
    const asked = after.list.slice(before.count);
    const callInfo = asked.filter((entry) => isCallInfoUrl(entry.path));
    const others = asked.filter((entry) => !isCallInfoUrl(entry.path));
    expect(callInfo).toHaveLength(1);
    expect(callInfo[0]).toMatchObject({ agentId: AGENT_ID, outcome: 'answered', ok: true });
    // The list of the agent's calls: asked with it, again for the new call, and its own sparse
    // poll may fall in the same moments.
    expect(others.length).toBeLessThanOrEqual(3);
    expect(others.every((entry) => entry.path.endsWith('/allcallid'))).toBe(true);
  });

  it('(c) shows faults and recovers: 5xx -> stale -> fresh; 100-006 -> signed out; 000-003 -> authentication expired', async (ctx) => {
    const { expect } = ctx;
    const d = await open(ctx, {
      poll: 400,
      // Chromium itself logs an HTTP 502 answer and a dropped connection (empty, or reset when the
      // drop meets data in flight) as console errors: provoked here on purpose, and only these.
      allowConsoleErrors: [
        /^Failed to load resource: the server responded with a status of 502/,
        /^Failed to load resource: net::ERR_(EMPTY_RESPONSE|CONNECTION_RESET)$/,
      ],
      before: (sim) => sim.startCall(AGENT_ID, { like: 'inbound-voice', state: 'talking' }),
    });
    await d.waitForPanel({ status: 'live', phase: 'talking', freshness: 'fresh' });
    const callId = callIdOf(d)!;
    const notice = d.panel.locator('.cip-CallInfoView-notice');

    // A proxy's 502 page: the last call stays, marked stale, with a Retry.
    await select(d, 'Fault').selectOption('http-502');
    await select(d, 'For').selectOption('always');
    await button(d, 'Inject fault').click();
    await d.waitForPanel({ status: 'live', freshness: 'stale' });
    await d.panel.locator('.cip-CallInfoView-badge[data-status="stale"]').waitFor({ timeout: 10_000 });
    expect(await notice.getByRole('button', { name: 'Retry' }).count()).toBe(1);
    expect(await d.panel.locator('[data-entry="callId"]').textContent()).toContain(callId);
    expect(d.sim.requests.list.some((entry) => entry.status === 502)).toBe(true);

    // Cleared: the backoff's next poll (1-2 s after one failure, 2-4 s after two) succeeds and the
    // call is fresh again. The desktop re-renders every second (it polls the simulator's state),
    // which must not postpone that poll.
    await clearFaults(d);
    await d.waitForPanel({ status: 'live', freshness: 'fresh' }, 12_000);
    expect(await notice.count()).toBe(0);

    // The connection drops (until cleared: Chromium silently retries a GET whose reused
    // keep-alive connection was dropped, so a single drop never reaches the page): stale, then fresh.
    await select(d, 'Fault').selectOption('network');
    await button(d, 'Inject fault').click();
    await d.waitForPanel({ status: 'live', freshness: 'stale' });
    await clearFaults(d);
    await d.waitForPanel({ status: 'live', freshness: 'fresh' }, 12_000);
    expect(d.sim.requests.list.some((entry) => entry.outcome === 'network-error')).toBe(true);

    // 100-006: signed out, until the host says otherwise ("Refresh now").
    await select(d, 'Fault').selectOption('not-signed-in');
    await button(d, 'Inject fault').click();
    await d.waitForPanel({ status: 'signed-out' });
    await d.panel.getByText('Signed out', { exact: true }).waitFor({ timeout: 10_000 });
    await clearFaults(d);
    await button(d, 'Refresh now').click();
    await d.waitForPanel({ status: 'live', freshness: 'fresh' });

    // 000-003: authentication expired, with the re-authenticate action.
    await select(d, 'Fault').selectOption('auth-expired');
    await button(d, 'Inject fault').click();
    await d.waitForPanel({ status: 'auth-expired' });
    await d.panel.getByText('Session expired', { exact: true }).waitFor({ timeout: 10_000 });
    const reauth = d.panel.getByRole('button', { name: 'Sign in again' });
    await reauth.waitFor({ timeout: 10_000 });
    await clearFaults(d);
    await reauth.click();
    await d.waitForPanel({ status: 'live', freshness: 'fresh' });
  });

  it('(d) runs under a strict CSP with no console error: locales, colour schemes, call controls and HTTP-200 faults', async (ctx) => {
    const { expect } = ctx;
    const d = await open(ctx, { poll: 500, events: true });
    const response = await d.page.request.get(d.pageUrl);
    expect(response.headers()['content-security-policy']).toBe(STRICT_CSP);
    await d.waitForPanel({ status: 'no-call' });

    await select(d, 'Scenario').selectOption('video-call');
    await select(d, 'Start as').selectOption('talking');
    await button(d, 'Start call').click();
    await d.waitForPanel({ status: 'live', phase: 'talking' });
    const title = d.panel.getByRole('heading', { level: 2 });

    // Locales: the panel's words and direction follow.
    await select(d, 'Language').selectOption('zh-CN');
    await expect.poll(() => title.textContent(), POLL).toBe('呼叫信息');
    expect(await d.panel.getAttribute('dir')).toBe('ltr');
    await select(d, 'Language').selectOption('ar');
    await expect.poll(() => d.panel.getAttribute('dir'), POLL).toBe('rtl');
    await select(d, 'Language').selectOption('en');
    await expect.poll(() => title.textContent(), POLL).toBe('Call information');
    expect(await d.panel.getAttribute('dir')).toBe('ltr');

    // Colour schemes, from the stylesheet only.
    const background = () => d.panel.evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(await background()).toBe('rgb(255, 255, 255)');
    await select(d, 'Colour scheme').selectOption('dark');
    await expect.poll(background, POLL).toBe('rgb(22, 25, 31)');
    await d.page.emulateMedia({ colorScheme: 'light' });
    await select(d, 'Colour scheme').selectOption('auto');
    await expect.poll(background, POLL).toBe('rgb(255, 255, 255)');
    await d.page.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(background, POLL).toBe('rgb(22, 25, 31)');

    // Faults answered with HTTP 200 (a portal page, an empty body, half a JSON): stale, then fresh.
    for (const fault of ['html-200', 'empty-body', 'truncated-json']) {
      await select(d, 'Fault').selectOption(fault);
      await select(d, 'For').selectOption('once');
      await button(d, 'Inject fault').click();
      await d.waitForPanel({ status: 'live', freshness: 'stale' });
      await d.waitForPanel({ status: 'live', freshness: 'fresh' }, 12_000);
    }

    // Hold, unhold, release with "Refresh on call events": each shows at once.
    await button(d, 'Hold').click();
    await d.panel.locator('[data-slot="trace-timeline"] dd', { hasText: /^Held$/ }).waitFor({ timeout: 10_000 });
    await button(d, 'Unhold').click();
    await d.panel.locator('.cip-CallInfoView-phase[data-phase="talking"]').waitFor({ timeout: 10_000 });
    await button(d, 'Release').click();
    await d.waitForPanel({ status: 'last-call', phase: 'ended' });

    // Signed out at the gateway (100-006, HTTP 200), then in again: the host refreshes.
    await button(d, 'Sign agent out').click();
    await d.waitForPanel({ status: 'signed-out' });
    await button(d, 'Sign agent in').click();
    await d.waitForPanel({ status: 'last-call', phase: 'ended', freshness: 'fresh' });

    expect(d.cspViolations).toEqual([]);
    expect(d.consoleErrors).toEqual([]);
    expect(d.pageErrors).toEqual([]);

    // The detector itself works: an inline <style> is refused and reported.
    await d.page.evaluate(() => {
      const style = document.createElement('style');
      style.textContent = 'body { outline: 1px solid red; }';
      document.head.append(style);
    });
    await expect.poll(() => d.cspViolations.map((v) => v.directive), POLL).toEqual(['style-src-elem']);
    d.cspViolations.length = 0;
    d.consoleErrors.splice(0, d.consoleErrors.length, ...d.consoleErrors.filter((text) => !/Content Security Policy/.test(text)));
  });

  it('(e) never puts the Guid in a request URL or the DOM, across a Guid rotation and re-authentication', async (ctx) => {
    const { expect } = ctx;
    const d = await open(ctx, {
      poll: 400,
      before: (sim) => sim.startCall(AGENT_ID, { like: 'web-chat', state: 'talking' }),
    });
    await d.waitForPanel({ status: 'live', phase: 'talking' });
    const firstGuid = d.sim.getGuid(AGENT_ID);

    // The gateway rotates the Guid: the page's next request is refused (000-003), the panel asks
    // for re-authentication, and signing in again gets the new Guid through the control endpoint.
    await button(d, 'Rotate Guid').click();
    await d.waitForPanel({ status: 'auth-expired' });
    await d.panel.getByRole('button', { name: 'Sign in again' }).click();
    await d.waitForPanel({ status: 'live', freshness: 'fresh' });
    const secondGuid = d.sim.getGuid(AGENT_ID);
    expect(secondGuid).not.toBe(firstGuid);

    const calls = d.requests.filter((request) => request.url.includes('/agentgateway/'));
    expect(calls.length).toBeGreaterThanOrEqual(3);
    // The Guid travels as a header on every gateway request, and only there.
    expect(calls.every((request) => request.guid === firstGuid || request.guid === secondGuid)).toBe(true);
    expect(new Set(calls.map((request) => request.guid))).toEqual(new Set([firstGuid, secondGuid]));
    expect(d.knownGuids()).toEqual(new Set([firstGuid, secondGuid]));
    // The control endpoint's own traffic never carries it in a URL either (checked with every
    // request and the DOM, text, storage and cookies by assertClean, which every test runs).
    await d.assertClean();
    for (const guid of [firstGuid, secondGuid]) {
      expect(d.requests.some((request) => request.url.includes(guid))).toBe(false);
      expect(await d.page.content()).not.toContain(guid);
    }
  });
  it('(f) keeps the caller on screen through sign-out and expiry, and resumes at once on sign-in (issue #10)', async (ctx) => {
    const { expect } = ctx;
    const d = await open(ctx, {
      poll: 400,
      before: (sim) => sim.startCall(AGENT_ID, { like: 'inbound-voice', state: 'talking' }),
    });
    await d.waitForPanel({ status: 'live', phase: 'talking', freshness: 'fresh' });
    const parties = d.panel.locator('[data-slot="call-parties"]');
    await expect.poll(() => parties.textContent(), POLL).toContain('013912345678');

    // Signed out at the gateway mid-call (100-006): the call stays, stale, under "Signed out".
    await button(d, 'Sign agent out').click();
    await d.waitForPanel({ status: 'signed-out', freshness: 'stale' });
    await d.panel.getByText('Signed out', { exact: true }).waitFor({ timeout: 10_000 });
    await d.panel.getByRole('button', { name: 'Sign in', exact: true }).waitFor({ timeout: 10_000 });
    expect(await parties.textContent()).toContain('013912345678');

    // Signed in again by the host (no refresh call): the panel reads the new Guid and asks at once.
    await button(d, 'Sign agent in').click();
    await expect.poll(() => d.panel.getAttribute('data-status'), POLL).not.toBe('signed-out');
    // Sign-out dropped the call: a new one shows live, by polling.
    await d.control('/call/start', { agentId: AGENT_ID, like: 'inbound-voice', state: 'talking' });
    await d.waitForPanel({ status: 'live', freshness: 'fresh' });

    // The session expires mid-call (000-003): the call stays, stale, under "Session expired".
    await select(d, 'Fault').selectOption('auth-expired');
    await select(d, 'For').selectOption('always');
    await button(d, 'Inject fault').click();
    await d.waitForPanel({ status: 'auth-expired', freshness: 'stale' });
    await d.panel.getByText('Session expired', { exact: true }).waitFor({ timeout: 10_000 });
    expect(await d.panel.locator('[data-slot="call-parties"]').count()).toBe(1);
    await clearFaults(d);
    await d.panel.getByRole('button', { name: 'Sign in again' }).click();
    await d.waitForPanel({ status: 'live', freshness: 'fresh' });
  });
});

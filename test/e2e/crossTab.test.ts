/**
 * One poll per agent across tabs (issue 13), in Chromium: 1, 2 and 4 pages of the demo desktop in
 * ONE browser context (one origin: they share Web Locks and BroadcastChannel) on one simulator and
 * agent. Headless Chromium reports every page visible: a hidden page is emulated.
 */
import type { Page } from 'playwright-core';
import { describe, it, type TestContext } from 'vitest';
import { AGENT_ID, openDesktop, type Desktop } from './support/desktop';
import { desktopSuite } from './support/desktopSuite';
import { isCallInfoUrl } from '../fixtures/wire';

const suite = desktopSuite<Desktop>((h) => `e2e crossTab: browser ${h?.startupMs.browser} ms`);

/** `?poll=400`: raised to the gateway's 1 s minimum. */
const INTERVAL = 1_000;
const MEASURED_INTERVALS = 5;

interface Tabs {
  d: Desktop;
  pages: Page[];
  /** "query call information" requests each page sent. */
  sent: Map<Page, number>;
}

async function openTabs({ task, expect }: TestContext, count: number): Promise<Tabs> {
  const d = suite.track(task.id, await openDesktop(suite.harness(), { poll: 400 }));
  const sent = new Map<Page, number>();
  const watch = (page: Page) => {
    sent.set(page, 0);
    page.on('request', (request) => {
      if (isCallInfoUrl(request.url())) sent.set(page, sent.get(page)! + 1);
    });
  };
  watch(d.page);
  expect((await d.page.goto(d.pageUrl))?.status()).toBe(200);
  const pages = [d.page];
  for (let i = 1; i < count; i++) {
    const page = await d.page.context().newPage();
    page.on('pageerror', (error) => d.pageErrors.push(String(error)));
    watch(page);
    expect((await page.goto(d.pageUrl))?.status()).toBe(200);
    pages.push(page);
  }
  for (const page of pages) await page.locator('[data-slot="call-info-view"][data-status="no-call"]').waitFor({ timeout: 15_000 });
  return { d, pages, sent };
}

const callInfoCount = (d: Desktop) => d.sim.requests.list.filter((entry) => isCallInfoUrl(entry.path)).length;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Gateway "callinfo" requests per interval over `MEASURED_INTERVALS` intervals. */
async function perInterval(d: Desktop): Promise<number> {
  const before = callInfoCount(d);
  await sleep(MEASURED_INTERVALS * INTERVAL);
  return (callInfoCount(d) - before) / MEASURED_INTERVALS;
}

/**
 * Starts a call and waits until every page shows it: ms from the start to the last page, and
 * from the first page to the last (the followers' lag behind the leader).
 */
async function callReachesEvery({ d, pages }: Tabs, { expect }: TestContext): Promise<{ reach: number; spread: number }> {
  await d.control('/call/start', { agentId: AGENT_ID, like: 'inbound-voice', state: 'talking' });
  const started = performance.now();
  const callId = d.sim.state().agents.find((a) => a.agentId === AGENT_ID)?.callid;
  expect(callId).toMatch(/^\d+-\d+$/);
  const shown = await Promise.all(
    pages.map(async (page) => {
      await page.locator('[data-slot="call-info-view"] [data-entry="callId"]', { hasText: callId! }).waitFor({ timeout: 10_000 });
      return performance.now();
    }),
  );
  return { reach: Math.round(Math.max(...shown) - started), spread: Math.round(Math.max(...shown) - Math.min(...shown)) };
}

/** One interval for the leader's next poll, and room for a loaded two-core runner. */
const REACH_MS = 2 * INTERVAL;

/** Two tabs, settled after an interval: the one that asked (the leader) and the one that did not. */
async function leaderAndFollower(ctx: TestContext): Promise<Tabs & { leader: Page; follower: Page }> {
  const tabs = await openTabs(ctx, 2);
  await sleep(INTERVAL);
  const [first, second] = tabs.pages as [Page, Page];
  const [leader, follower] = tabs.sent.get(first)! > 0 ? [first, second] : [second, first];
  ctx.expect(tabs.sent.get(follower)).toBe(0);
  return { ...tabs, leader, follower };
}

async function emulateHidden(page: Page) {
  await page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
    document.dispatchEvent(new Event('visibilitychange'));
  });
}

describe.concurrent('one poll per agent across tabs, in Chromium', () => {
  it.for([1, 2, 4])('%i tab(s): about one request per interval, and every tab shows a new call within one interval', async (count, ctx) => {
    const { expect } = ctx;
    const tabs = await openTabs(ctx, count);
    await sleep(INTERVAL); // settle: the election and first answers
    const rate = await perInterval(tabs.d);
    const { reach, spread } = await callReachesEvery(tabs, ctx);
    console.info(
      `crossTab: ${count} tab(s): ${rate} callinfo requests per interval (${MEASURED_INTERVALS} intervals of ${INTERVAL} ms); ` +
        `a new call on every tab ${reach} ms after it started, the last tab ${spread} ms after the first`,
    );
    expect(rate).toBeGreaterThanOrEqual(0.6);
    expect(rate).toBeLessThanOrEqual(1.4);
    expect(reach).toBeLessThan(REACH_MS);
    // Followers show the leader's answer as it comes, not at a poll of their own.
    expect(spread).toBeLessThan(INTERVAL / 2);
    // Only one page asked.
    expect([...tabs.sent.values()].filter((n) => n > 0).length).toBe(1);
  });

  it('closing the leader tab: another takes over within one interval', async (ctx) => {
    const { expect } = ctx;
    const tabs = await leaderAndFollower(ctx);
    const { leader, follower } = tabs;
    const closed = performance.now();
    await leader.close();
    await expect.poll(() => tabs.sent.get(follower)!, { timeout: 5_000, interval: 20 }).toBeGreaterThan(0);
    const takeover = Math.round(performance.now() - closed);
    console.info(`crossTab: the leader tab closed; the other asked ${takeover} ms later`);
    // Its first poll comes when the closed leader's next one was due.
    expect(takeover).toBeLessThan(INTERVAL + 500);
    const { reach } = await callReachesEvery({ ...tabs, pages: [follower] }, ctx);
    expect(reach).toBeLessThan(REACH_MS);
  });

  it('a frozen leader tab (its main thread stuck, its lock kept): another takes over within one interval', async (ctx) => {
    const { expect } = ctx;
    const tabs = await leaderAndFollower(ctx);
    const { leader, follower } = tabs;
    // Headless Chromium does not freeze a visible page: a busy loop stops its timers and beats alike.
    const frozen = performance.now();
    const stuck = leader.evaluate((ms) => {
      const end = Date.now() + ms;
      while (Date.now() < end);
    }, 4 * INTERVAL);
    await expect.poll(() => tabs.sent.get(follower)!, { timeout: 5_000, interval: 20 }).toBeGreaterThan(0);
    const takeover = Math.round(performance.now() - frozen);
    console.info(`crossTab: the leader tab froze; the other asked ${takeover} ms later`);
    expect(takeover).toBeLessThan(INTERVAL + 500);
    await stuck;
    // Awake, it finds its lock stolen and follows: at most a poll that was due as it woke.
    await sleep(INTERVAL / 2);
    const leaderSent = tabs.sent.get(leader)!;
    const rate = await perInterval(tabs.d);
    expect(tabs.sent.get(leader)).toBe(leaderSent);
    expect(rate).toBeLessThanOrEqual(1.4);
    const { spread } = await callReachesEvery({ ...tabs, pages: [follower, leader] }, ctx);
    expect(spread).toBeLessThan(INTERVAL / 2);
  });

  it('an emulated hidden leader hands over to a visible tab', async (ctx) => {
    const { expect } = ctx;
    const tabs = await leaderAndFollower(ctx);
    const { leader, follower } = tabs;
    await emulateHidden(leader);
    await expect.poll(() => tabs.sent.get(follower)!, { timeout: 5_000, interval: 20 }).toBeGreaterThan(0);
    const leaderSent = tabs.sent.get(leader)!;
    const rate = await perInterval(tabs.d);
    console.info(`crossTab: after the leader was hidden: ${rate} callinfo requests per interval`);
    expect(tabs.sent.get(leader)).toBe(leaderSent);
    expect(rate).toBeGreaterThanOrEqual(0.6);
    expect(rate).toBeLessThanOrEqual(1.4);
    // The hidden tab still shows what the new leader learns.
    const { reach, spread } = await callReachesEvery({ ...tabs, pages: [follower, leader] }, ctx);
    expect(reach).toBeLessThan(REACH_MS);
    expect(spread).toBeLessThan(INTERVAL / 2);
  });
});

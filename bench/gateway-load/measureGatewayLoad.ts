/**
 * Gateway load at a contact-center scale (issue 13): the agents of `model.ts` against the Node
 * simulator over HTTP, each tab a page of one Chromium context (one origin: the tabs share Web
 * Locks and BroadcastChannel, so the election is the browser's own). Headless Chromium reports
 * every page visible: a hidden tab is emulated before its app starts. Requests are counted at the
 * gateway, by agent and interface, over a window after every visible panel shows its call.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import react from '@vitejs/plugin-react';
import type { Page } from 'playwright-core';
import { build } from 'vite';
import { DEFAULT_POLL_INTERVAL_MS } from '../../src/query/pollingPolicy';
import { GatewaySimulator } from '../../src/simulator';
import { startSimulatorServer } from '../../src/simulator/node';
import { launchChromium, startStaticServer } from '../../test/support/browser.mjs';
import { INTERFACES, everyTabPerInterval, modelPerInterval, scaledGroups, type AgentGroup, type Interface, type LoadTab, type ShownCall, type Visibility } from './model';

export interface GatewayLoadOptions {
  /** 1: the 200 agents of `GROUPS`. */
  scale?: number;
  /** The panels' poll interval, ms. Default the product's (3 s). */
  intervalMs?: number;
  /** How long requests are counted, ms. Default 21 intervals: the list of calls, asked every third, comes out whole. */
  windowMs?: number;
}

export interface GroupLoad {
  readonly group: AgentGroup;
  /** Requests per interval per agent, measured, by interface. */
  readonly measured: Record<Interface, number>;
  readonly model: Record<Interface, number>;
  /** Agents of the group whose every panel, in every tab, showed the gateway's current call at the end. */
  readonly agreeing: number;
}

export interface GatewayLoad {
  readonly agents: number;
  /** The agents' tabs, and the browser pages they are spread over (an agent's n-th tab on the n-th page). */
  readonly tabs: number;
  readonly pages: number;
  readonly panels: number;
  readonly intervalMs: number;
  readonly windowMs: number;
  readonly groups: readonly GroupLoad[];
  /** Requests per second in the window: measured, the model's, and every tab polling on its own. */
  readonly perSecond: { measured: number; model: number; everyTab: number };
  /** The most requests the gateway had in any one second of the window (polls bunching up). */
  readonly peakPerSecond: number;
  /** The panels that showed a call other than the agent's current one at the end (none, or a bug). */
  readonly disagreeing: readonly string[];
}

/** Where a tab opens: the n-th tab of an agent, visible or hidden. Hidden pages open first. */
const pageKey = (visibility: Visibility, index: number) => `${visibility === 'hidden' ? 0 : 1}-${index}-${visibility}`;

const API = /\/agentgateway\/resource\/calldata\/(\d+)\/(callinfo|allcallid|callinfobycallid)(?:\/|$)/;

/** The strict policy the product promises to work under; the gateway is another origin. */
const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self' http://127.0.0.1:*; img-src 'self' data:";

async function emulateHiddenBeforeStart(page: Page) {
  await page.addInitScript(() => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
  });
}

/** Polls `check` every 250 ms until it holds or `ms` pass; throws with `what` then. */
async function until(what: string, ms: number, check: () => Promise<boolean>) {
  const deadline = performance.now() + ms;
  while (!(await check())) {
    if (performance.now() > deadline) throw new Error(`gateway load: ${what} not within ${ms} ms`);
    await sleep(250);
  }
}

export async function measureGatewayLoad(options: GatewayLoadOptions = {}): Promise<GatewayLoad> {
  const intervalMs = options.intervalMs ?? DEFAULT_POLL_INTERVAL_MS;
  const windowMs = options.windowMs ?? 21 * intervalMs;
  const groups = scaledGroups(options.scale ?? 1);

  // The contact center: work numbers from 20001, each agent's calls held steady.
  const sim = new GatewaySimulator({ agents: [], requestLogLimit: 100 });
  const members = new Map<AgentGroup, string[]>();
  const guids = new Map<string, string>();
  let next = 20_001;
  for (const g of groups) {
    const ids = Array.from({ length: g.agents }, () => String(next++));
    members.set(g, ids);
    for (const agentId of ids) {
      sim.addAgent({ agentId });
      // The desktop keeps the Guid of its sign-in; a signed-out agent's is refused with 100-006.
      guids.set(agentId, sim.getGuid(agentId));
      if (!g.signedIn) sim.signOut(agentId);
      if (g.calls >= 1) sim.startCall(agentId, { state: 'talking' });
      if (g.calls >= 2) sim.consult(agentId, { state: 'talking', called: '2006' });
    }
  }

  // Counted where a gateway would see them: every GET the server hands the simulator.
  let counting = false;
  let started = 0;
  const seconds = new Map<number, number>();
  const counts = new Map<string, Record<Interface, number>>();
  const handle = sim.handle.bind(sim);
  sim.handle = (request) => {
    const match = API.exec(new URL(request.url).pathname);
    if (counting && match) {
      const byInterface = counts.get(match[1]!) ?? { callinfo: 0, allcallid: 0, callinfobycallid: 0 };
      byInterface[match[2] as Interface] += 1;
      counts.set(match[1]!, byInterface);
      const second = Math.floor((performance.now() - started) / 1000);
      seconds.set(second, (seconds.get(second) ?? 0) + 1);
    }
    return handle(request);
  };

  // The tabs: each agent's n-th tab on the n-th page of its visibility.
  const tabs = new Map<string, { hidden: boolean; agents: Array<LoadTab['agents'][number]> }>();
  for (const g of groups) {
    for (const agentId of members.get(g)!) {
      g.tabs.forEach((visibility, index) => {
        const key = pageKey(visibility, index);
        const tab = tabs.get(key) ?? { hidden: visibility === 'hidden', agents: [] };
        tab.agents.push({ agentId, guid: guids.get(agentId)!, panels: g.panelsPerTab });
        tabs.set(key, tab);
      });
    }
  }

  const outDir = mkdtempSync(join(tmpdir(), 'cip-gateway-load-'));
  const root = resolve(import.meta.dirname);
  const closers: Array<() => Promise<unknown>> = [];
  try {
    await build({ root, configFile: false, logLevel: 'silent', plugins: [react()], build: { outDir, emptyOutDir: true } });
    const gateway = await startSimulatorServer({ simulator: sim, port: 0 });
    closers.push(() => gateway.close());
    const pages = await startStaticServer(outDir, { 'Content-Security-Policy': CSP });
    closers.push(() => pages.close());
    const browser = await launchChromium();
    closers.push(() => browser.close());
    const context = await browser.newContext();
    const errors: string[] = [];
    const opened: Array<{ page: Page; hidden: boolean }> = [];
    for (const key of [...tabs.keys()].sort()) {
      const { hidden, agents } = tabs.get(key)!;
      const page = await context.newPage();
      page.on('pageerror', (error) => errors.push(String(error)));
      if (hidden) await emulateHiddenBeforeStart(page);
      await page.goto(`${pages.url}/`);
      await page.waitForFunction(() => typeof window.startTab === 'function', null, { timeout: 30_000 });
      const tab: LoadTab = { baseUrl: gateway.url, refetchInterval: intervalMs, agents };
      await page.evaluate((t) => window.startTab(t), tab);
      opened.push({ page, hidden });
    }
    const shown = async () => (await Promise.all(opened.map(({ page }) => page.evaluate(() => window.shownCalls())))).flat();
    const visibleShown = async () => (await Promise.all(opened.filter((t) => !t.hidden).map(({ page }) => page.evaluate(() => window.shownCalls())))).flat();

    // Settled: every visible panel shows its call (or none, or signed out); then two intervals
    // for the elections and the hidden leaders' handovers.
    await until('every visible panel showing its call', 60_000, async () => (await visibleShown()).every((s) => s.status !== 'loading' && s.status !== 'none'));
    await sleep(2 * intervalMs);
    if (errors.length > 0) throw new Error(`gateway load: page errors: ${errors.join('; ')}`);

    started = performance.now();
    counting = true;
    await sleep(windowMs);
    counting = false;
    const elapsed = performance.now() - started;
    const intervals = elapsed / intervalMs;

    // Every panel of an agent, visible or hidden, shows the gateway's current call (or none).
    const current = new Map(sim.state().agents.map((a) => [a.agentId, a.callid]));
    const expected = (agentId: string) => current.get(agentId) ?? null;
    const disagreeing = (await shown()).filter((s: ShownCall) => s.callId !== expected(s.agentId)).map((s) => `${s.agentId}: ${s.status} ${s.callId}`);

    const loads: GroupLoad[] = groups.map((group) => {
      const ids = members.get(group)!;
      const measured = Object.fromEntries(
        INTERFACES.map((api) => [api, ids.reduce((sum, id) => sum + (counts.get(id)?.[api] ?? 0), 0) / ids.length / intervals]),
      ) as Record<Interface, number>;
      const agreeing = ids.filter((id) => !disagreeing.some((d) => d.startsWith(`${id}:`))).length;
      return { group, measured, model: modelPerInterval(group), agreeing };
    });
    const total = (pick: (l: GroupLoad) => number) => loads.reduce((sum, l) => sum + pick(l) * l.group.agents, 0) / (intervalMs / 1000);
    const sum = (r: Record<Interface, number>) => r.callinfo + r.allcallid + r.callinfobycallid;
    return {
      agents: groups.reduce((n, g) => n + g.agents, 0),
      tabs: groups.reduce((n, g) => n + g.agents * g.tabs.length, 0),
      pages: opened.length,
      panels: groups.reduce((n, g) => n + g.agents * g.tabs.length * g.panelsPerTab, 0),
      intervalMs,
      windowMs: Math.round(elapsed),
      groups: loads,
      perSecond: { measured: total((l) => sum(l.measured)), model: total((l) => sum(l.model)), everyTab: total((l) => everyTabPerInterval(l.group)) },
      peakPerSecond: Math.max(0, ...seconds.values()),
      disagreeing,
    };
  } finally {
    for (const close of closers.reverse()) await close().catch(() => {});
    rmSync(outDir, { recursive: true, force: true });
  }
}

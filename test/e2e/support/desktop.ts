import { readFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { inject } from 'vitest';
import { GatewaySimulator } from '../../../src/simulator';
import type { SimulatorState } from '../../../src/simulator';
import { startSimulatorServer, type SimulatorServer } from '../../../src/simulator/node';
import { launchChromium, startStaticServer, type StaticServer } from '../../support/browser.mjs';
import { DEMO_BUILD_TIMEOUT_MS, type DemoBuildStatus } from '../globalSetup';
import { trackGuids } from './guids';

export const AGENT_ID = '60015';

/** The policy the built demo is served with: no inline script or style anywhere. */
export const STRICT_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self' http://127.0.0.1:*; img-src 'self' data:";

/** What the whole file shares: the run's build of the demo, its static server and one Chromium. */
export interface Harness {
  readonly browser: Browser;
  readonly pageServer: StaticServer;
  /**
   * How long the run's one build of the demo took (test/e2e/globalSetup.ts; the same figure in
   * every file), and this file's wait for it and browser start, ms.
   */
  readonly startupMs: { build: number; waitForBuild: number; browser: number };
  close(): Promise<void>;
}

/**
 * The run's build of the demo, once it is there: test/e2e/globalSetup.ts starts it before the
 * first file and writes its status file when it ends. Bounded: a little past the build's own bound.
 */
async function demoBuild(): Promise<{ outDir: string; status: DemoBuildStatus }> {
  const { outDir, statusFile } = inject('e2eDemo');
  const deadline = performance.now() + DEMO_BUILD_TIMEOUT_MS + 5_000;
  for (;;) {
    const text = await readFile(statusFile, 'utf8').catch(() => null);
    if (text !== null) {
      const status = JSON.parse(text) as DemoBuildStatus;
      if (!status.ok) throw new Error(`The demo build (test/e2e/globalSetup.ts) failed:\n${status.error}`);
      return { outDir, status };
    }
    if (performance.now() > deadline) throw new Error(`The demo build (test/e2e/globalSetup.ts) did not end within ${DEMO_BUILD_TIMEOUT_MS} ms.`);
    await sleep(50);
  }
}

export async function startHarness(): Promise<Harness> {
  let t = performance.now();
  const { outDir, status } = await demoBuild();
  const waitForBuild = performance.now() - t;
  const pageServer = await startStaticServer(outDir, { 'Content-Security-Policy': STRICT_CSP });
  t = performance.now();
  const browser = await launchChromium();
  const browserMs = performance.now() - t;
  return {
    browser,
    pageServer,
    startupMs: { build: status.ms, waitForBuild: Math.round(waitForBuild), browser: Math.round(browserMs) },
    close: async () => {
      await browser.close();
      await pageServer.close();
    },
  };
}

export interface RecordedRequest {
  readonly url: string;
  readonly method: string;
  /** The `Guid` header the page sent, if any. */
  readonly guid: string | null;
}

export interface CspViolation {
  readonly directive: string;
  readonly blocked: string;
  readonly sample: string;
}

export interface OpenOptions {
  /** The panel's poll interval, ms (`?poll=`). */
  poll?: number;
  /** Refresh the panel after each call-control click (`?events=`). Default off: polling or "Refresh now" only. */
  events?: boolean;
  lang?: 'en' | 'zh-CN' | 'ar';
  /** Console errors this test provokes on purpose (e.g. Chromium's "Failed to load resource: … 502"). */
  allowConsoleErrors?: readonly RegExp[];
  /** Called with the fresh simulator before the page loads. */
  before?: (sim: GatewaySimulator) => void;
  /** The simulator's clock, epoch ms (its call moments and every answer's `Date` header). Default `Date.now`. */
  simNow?: () => number;
}

/** One test's desktop: its own simulator (server on a free port), browser context and page. */
export interface Desktop {
  readonly sim: GatewaySimulator;
  readonly simUrl: string;
  readonly page: Page;
  /** The connected panel's root. */
  readonly panel: Locator;
  readonly pageUrl: string;
  /** Every request the page made, in order. */
  readonly requests: RecordedRequest[];
  readonly consoleErrors: string[];
  readonly pageErrors: string[];
  readonly cspViolations: CspViolation[];
  /** Every Guid the simulator issued during the test, and every one the page sent. */
  knownGuids(): Set<string>;
  /** The control endpoint, over HTTP, as a script or a tester would use it. */
  control<T = { ok: true; state: SimulatorState }>(route: string, body?: unknown): Promise<T>;
  /** Waits until the panel root has these data attributes. */
  waitForPanel(attrs: PanelAttrs, timeout?: number): Promise<void>;
  /** Fails on CSP violations, page errors and console errors not allowed, and on any Guid leak. */
  assertClean(): Promise<void>;
  close(): Promise<void>;
}

export interface PanelAttrs {
  status?: string;
  phase?: string;
  freshness?: 'fresh' | 'stale';
}

export async function openDesktop(harness: Harness, options: OpenOptions = {}): Promise<Desktop> {
  const sim = new GatewaySimulator({ agents: [{ agentId: AGENT_ID }], now: options.simNow });
  options.before?.(sim);
  // Every Guid sign-in hands out (the page's only way to get one) is known too.
  const guids = trackGuids(sim, AGENT_ID);
  let simServer: SimulatorServer | null = await startSimulatorServer({ simulator: sim, port: 0, host: '127.0.0.1' });
  const simUrl = simServer.url;

  const context: BrowserContext = await harness.browser.newContext({ locale: 'en-GB', timezoneId: 'UTC' });
  const requests: RecordedRequest[] = [];
  const consoleErrors: string[] = [];
  const pageErrors: string[] = [];
  const cspViolations: CspViolation[] = [];
  await context.exposeBinding('__e2eCspViolation', (_source, violation: CspViolation) => {
    cspViolations.push(violation);
  });
  // Init scripts are injected by the browser itself, outside the page's CSP.
  await context.addInitScript(() => {
    const report = (window as unknown as { __e2eCspViolation: (v: unknown) => void }).__e2eCspViolation;
    document.addEventListener(
      'securitypolicyviolation',
      (event) => report({ directive: event.violatedDirective, blocked: event.blockedURI, sample: event.sample }),
      true,
    );
  });
  const page = await context.newPage();
  page.on('request', (request) => {
    requests.push({ url: request.url(), method: request.method(), guid: request.headers()['guid'] ?? null });
  });
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => pageErrors.push(String(error)));

  const query = new URLSearchParams({ sim: simUrl, agent: AGENT_ID, events: options.events ? '1' : '0', lang: options.lang ?? 'en' });
  if (options.poll !== undefined) query.set('poll', String(options.poll));
  const pageUrl = `${harness.pageServer.url}/?${query}`;
  const panel = page.locator('[data-slot="call-info-view"]');

  const knownGuids = () => guids.known(requests.map((request) => request.guid));

  const desktop: Desktop = {
    sim,
    simUrl,
    page,
    panel,
    pageUrl,
    requests,
    consoleErrors,
    pageErrors,
    cspViolations,
    knownGuids,
    async control<T>(route: string, body?: unknown): Promise<T> {
      const response = await fetch(`${simUrl}/__sim${route}`, body === undefined
        ? {}
        : { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
      const json = (await response.json()) as T;
      if (!response.ok) throw new Error(`Control ${route} answered ${response.status}: ${JSON.stringify(json)}`);
      return json;
    },
    async waitForPanel(attrs, timeout = 15_000) {
      const selector = [
        '[data-slot="call-info-view"]',
        ...Object.entries(attrs).map(([name, value]) => `[data-${name}="${value}"]`),
      ].join('');
      try {
        await page.locator(selector).waitFor({ state: 'attached', timeout });
      } catch (error) {
        const now = await panel
          .evaluate((el) => ({ status: el.dataset.status, phase: el.dataset.phase, freshness: el.dataset.freshness }))
          .catch(() => 'no panel');
        throw new Error(`The panel never matched ${selector} within ${timeout} ms; it is ${JSON.stringify(now)}.`, { cause: error });
      }
    },
    async assertClean() {
      const problems: string[] = [];
      if (cspViolations.length > 0) problems.push(`CSP violations: ${JSON.stringify(cspViolations)}`);
      if (pageErrors.length > 0) problems.push(`page errors: ${pageErrors.join(' | ')}`);
      const allowed = options.allowConsoleErrors ?? [];
      const unexpected = consoleErrors.filter((text) => !allowed.some((pattern) => pattern.test(text)));
      if (unexpected.length > 0) problems.push(`console errors: ${unexpected.join(' | ')}`);
      for (const guid of knownGuids()) {
        const inUrl = requests.filter((request) => request.url.includes(guid)).map((request) => request.url);
        if (inUrl.length > 0) problems.push(`a Guid is in request URLs: ${inUrl.join(', ')}`);
        const inLog = sim.requests.list.filter((entry) => entry.path.includes(guid));
        if (inLog.length > 0) problems.push('a Guid is in a path the simulator received');
        if (page.url().includes(guid)) problems.push('a Guid is in the page URL');
      }
      if (!page.isClosed()) {
        const surface = await page.evaluate(() => ({
          html: document.documentElement.outerHTML,
          text: document.body.innerText,
          title: document.title,
          storage: JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }),
          cookies: document.cookie,
        }));
        for (const guid of knownGuids()) {
          for (const [where, value] of Object.entries(surface)) {
            if (value.includes(guid)) problems.push(`a Guid is in the page's ${where}`);
          }
        }
      }
      if (problems.length > 0) throw new Error(problems.join('\n'));
    },
    async close() {
      await context.close();
      await simServer?.close();
      simServer = null;
    },
  };
  return desktop;
}

/**
 * What test/e2e/element.test.ts shares: `<cec-call-panel>` built once into a temporary directory,
 * the page server of ./pages, one Chromium; and per test, a page of its own (own simulator over
 * HTTP, own browser context) that records every request, console error, page error, CSP
 * violation and event the element fired, and is checked clean when the test ends.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { GatewaySimulator } from '../../../../src/simulator';
import { startSimulatorServer, type SimulatorServer } from '../../../../src/simulator/node';
import { buildElement } from '../../../../scripts/element-build.mjs';
import { launchChromium } from '../../../support/browser.mjs';
import { codeBlocks } from '../../../support/markdown';
import { trackGuids } from '../guids';
import { PAGES_DIR, startElementPageServer, type ElementPageServer } from './server';

export const AGENT_ID = '60015';

/** Bound of the element build (a fraction of a second here; a loaded runner is slower). */
export const ELEMENT_BUILD_TIMEOUT_MS = 60_000;

/** Builds the element into `outDir` as `npm run build` does (scripts/element-build.mjs), timed. */
export async function buildElementForTests(outDir: string): Promise<{ file: string; bytes: number; ms: number }> {
  const started = performance.now();
  const { file, bytes } = await buildElement(outDir);
  return { file, bytes, ms: Math.round(performance.now() - started) };
}

export interface ElementHarness {
  readonly browser: Browser;
  readonly pages: ElementPageServer;
  readonly build: { file: string; bytes: number; ms: number };
  close(): Promise<void>;
}

const README = fileURLToPath(new URL('../../../../README.md', import.meta.url));

/**
 * The README's plain-HTML example as the page server maps it: its HTML in a page of its own and
 * its desk.js, both as written; the element at the path the example names; `./session.js` the
 * stand-in of ./pages/readme-session.js.
 */
async function readmeExample(dir: string, elementFile: string): Promise<Record<string, string>> {
  const readme = await readFile(README, 'utf8');
  const from = readme.split('\n').findIndex((line) => line.startsWith('**Plain HTML, no build step.**')) + 1;
  const after = codeBlocks(readme).filter((block) => from > 0 && block.line > from);
  const html = after.find((block) => block.lang === 'html')?.code;
  const js = after.find((block) => block.lang === 'js')?.code;
  if (!html || !js) throw new Error('README.md: no ```html then ```js block after "**Plain HTML, no build step.**"');
  const page = join(dir, 'readme-plain.html');
  await writeFile(
    page,
    `<!doctype html>\n<html lang="en">\n<head><meta charset="utf-8" /><title>README: plain HTML</title><link rel="icon" href="data:," />` +
      `<script src="/csp-report.js"></script></head>\n<body>\n${html}\n</body>\n</html>\n`,
  );
  await writeFile(join(dir, 'desk.js'), js);
  return {
    '/readme-plain.html': page,
    '/desk.js': join(dir, 'desk.js'),
    '/session.js': join(PAGES_DIR, 'readme-session.js'),
    '/node_modules/cec-call-panel/dist/element.js': elementFile,
  };
}

async function startElementHarness(): Promise<ElementHarness> {
  const tmp = await mkdtemp(join(tmpdir(), 'cec-element-e2e-'));
  try {
    const build = await buildElementForTests(tmp);
    const pages = await startElementPageServer({ elementFile: build.file, files: await readmeExample(tmp, build.file) });
    const browser = await launchChromium();
    return {
      browser,
      pages,
      build,
      close: async () => {
        await browser.close();
        await pages.close();
        await rm(tmp, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(tmp, { recursive: true, force: true });
    throw error;
  }
}

export interface CspViolation {
  readonly directive: string;
  readonly blocked: string;
  readonly sample: string;
}

/** What the pages' scripts record (pages/common.js). */
export interface PageEvent {
  readonly type: 'callchange' | 'reauthenticate' | 'guid-set' | 'vue-callchange';
  /** `callchange`: `detail?.callId`; otherwise null. */
  readonly callId: string | null;
  readonly bubbles: boolean;
  readonly composed: boolean;
  /** The listener that saw it: `element` or `document` (bubbled and composed up to the page). */
  readonly at: string;
}

export interface ElementPage {
  readonly sim: GatewaySimulator;
  readonly simUrl: string;
  readonly page: Page;
  /** The first `<cec-call-panel>`. */
  readonly host: Locator;
  /** The panel's root inside the element's shadow root (Playwright's CSS pierces open shadow roots). */
  readonly panel: Locator;
  /** Every request the page made. */
  readonly requests: Array<{ url: string; guid: string | null }>;
  readonly consoleErrors: string[];
  readonly pageErrors: string[];
  /** Violations the page's own csp-report.js recorded (read at the end), and Chromium's console reports. */
  cspViolations(): Promise<CspViolation[]>;
  events(): Promise<PageEvent[]>;
  /** Forgets the violations (and their console errors) a test provoked on purpose. */
  forgetCspViolations(): Promise<void>;
  waitForPanel(attrs: { status?: string; phase?: string; freshness?: string }, timeout?: number): Promise<void>;
  /** Every Guid the simulator issued during the test and every one the page sent. */
  knownGuids(): Set<string>;
  assertClean(): Promise<void>;
  close(): Promise<void>;
}

export interface OpenPageOptions {
  /** Called with the fresh simulator before the page loads. */
  before?: (sim: GatewaySimulator) => void;
  /** Query parameters the page script reads (besides `sim` and `agent`). */
  query?: Record<string, string>;
  /** Console errors this test provokes on purpose. */
  allowConsoleErrors?: readonly RegExp[];
}

async function openElementPage(
  harness: ElementHarness,
  pageName: string,
  options: OpenPageOptions,
  register: (page: ElementPage) => void,
): Promise<ElementPage> {
  const sim = new GatewaySimulator({ agents: [{ agentId: AGENT_ID }] });
  options.before?.(sim);
  const guids = trackGuids(sim, AGENT_ID);
  let simServer: SimulatorServer | null = await startSimulatorServer({ simulator: sim, port: 0, host: '127.0.0.1' });
  const simUrl = simServer.url;
  const context: BrowserContext = await harness.browser.newContext({ locale: 'en-GB', timezoneId: 'UTC' });
  const page = await context.newPage();
  const requests: Array<{ url: string; guid: string | null }> = [];
  const consoleErrors: string[] = [];
  const consoleCsp: string[] = [];
  const pageErrors: string[] = [];
  page.on('request', (request) => requests.push({ url: request.url(), guid: request.headers()['guid'] ?? null }));
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
    if (/Content[- ]Security[- ]Policy/i.test(message.text())) consoleCsp.push(message.text());
  });
  page.on('pageerror', (error) => pageErrors.push(String(error)));

  const knownGuids = () => guids.known(requests.map((request) => request.guid));
  const panel = page.locator('cec-call-panel [data-slot="call-info-view"]').first();
  const cspViolations = async (): Promise<CspViolation[]> => {
    const recorded = page.isClosed()
      ? []
      : await page.evaluate(() => (window as unknown as { __cspViolations?: CspViolation[] }).__cspViolations ?? []).catch(() => []);
    return [...recorded, ...consoleCsp.map((text) => ({ directive: 'console', blocked: '', sample: text }))];
  };

  const query = new URLSearchParams({ sim: simUrl, agent: AGENT_ID, ...options.query });
  const url = `${harness.pages.url}/${pageName}?${query}`;

  const elementPage: ElementPage = {
    sim,
    simUrl,
    page,
    host: page.locator('cec-call-panel').first(),
    panel,
    requests,
    consoleErrors,
    pageErrors,
    cspViolations,
    knownGuids,
    async forgetCspViolations() {
      await page.evaluate(() => {
        (window as unknown as { __cspViolations: unknown[] }).__cspViolations.length = 0;
      });
      consoleCsp.length = 0;
      consoleErrors.splice(0, consoleErrors.length, ...consoleErrors.filter((text) => !/Content[- ]Security[- ]Policy/i.test(text)));
    },
    events: () => page.evaluate(() => (window as unknown as { __events: PageEvent[] }).__events ?? []),
    async waitForPanel(attrs, timeout = 15_000) {
      const selector = [
        'cec-call-panel [data-slot="call-info-view"]',
        ...Object.entries(attrs).map(([name, value]) => `[data-${name}="${value}"]`),
      ].join('');
      try {
        await page.locator(selector).first().waitFor({ state: 'attached', timeout });
      } catch (error) {
        const now = await panel
          .evaluate((el: HTMLElement) => ({ status: el.dataset.status, phase: el.dataset.phase, freshness: el.dataset.freshness }))
          .catch(() => 'no panel');
        throw new Error(`The element's panel never matched ${selector} within ${timeout} ms; it is ${JSON.stringify(now)}.`, { cause: error });
      }
    },
    async assertClean() {
      const problems: string[] = [];
      const violations = await cspViolations();
      if (violations.length > 0) problems.push(`CSP violations: ${JSON.stringify(violations)}`);
      if (pageErrors.length > 0) problems.push(`page errors: ${pageErrors.join(' | ')}`);
      const allowed = options.allowConsoleErrors ?? [];
      const unexpected = consoleErrors.filter((text) => !allowed.some((pattern) => pattern.test(text)));
      if (unexpected.length > 0) problems.push(`console errors: ${unexpected.join(' | ')}`);
      const guids = knownGuids();
      for (const guid of guids) {
        const inUrl = requests.filter((request) => request.url.includes(guid)).map((request) => request.url);
        if (inUrl.length > 0) problems.push(`a Guid is in request URLs: ${inUrl.join(', ')}`);
        if (sim.requests.list.some((entry) => entry.path.includes(guid))) problems.push('a Guid is in a path the simulator received');
        if (harness.pages.requested.some((path) => path.includes(guid))) problems.push('a Guid is in a path the page server received');
      }
      if (!page.isClosed()) {
        const surface = await pageSurface(page);
        for (const guid of guids) {
          for (const [where, value] of Object.entries(surface)) if (value.includes(guid)) problems.push(`a Guid is in the page's ${where}`);
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
  // Registered before it loads: a page that fails to load is still closed after the test.
  register(elementPage);
  const response = await page.goto(url);
  if (response?.status() !== 200) throw new Error(`${url} answered ${response?.status()}`);
  return elementPage;
}

/** The page as a reader could find it: its HTML, every open shadow root's HTML, its text, URL, storage and cookies. */
export function pageSurface(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => {
    const shadows: string[] = [];
    const walk = (root: Document | ShadowRoot) => {
      for (const element of root.querySelectorAll('*')) {
        if (element.shadowRoot) {
          shadows.push(element.shadowRoot.innerHTML);
          walk(element.shadowRoot);
        }
      }
    };
    walk(document);
    return {
      html: document.documentElement.outerHTML,
      shadowRoots: shadows.join('\n'),
      text: document.body.innerText,
      url: location.href,
      title: document.title,
      storage: JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }),
      cookies: document.cookie,
    };
  });
}

/**
 * The life of the file: the harness in `beforeAll` (the build, bounded), every page checked clean
 * and closed after its test. Tests run concurrently, so pages are kept by test ID.
 */
export function elementSuite() {
  let harness: ElementHarness | undefined;
  const open = new Map<string, ElementPage[]>();
  const started = performance.now();

  beforeAll(async () => {
    harness = await startElementHarness();
  }, ELEMENT_BUILD_TIMEOUT_MS + 30_000);

  afterAll(async () => {
    await harness?.close();
    const build = harness ? `element.js ${harness.build.bytes} bytes, built in ${harness.build.ms} ms` : 'no build';
    console.info(`e2e element: ${build}; ${Math.round(performance.now() - started)} ms in all`);
  });

  afterEach(async ({ task }) => {
    const pages = open.get(task.id) ?? [];
    open.delete(task.id);
    const failures: unknown[] = [];
    for (const page of pages) {
      try {
        await page.assertClean();
      } catch (error) {
        failures.push(error);
      } finally {
        await page.close();
      }
    }
    if (failures.length > 0) throw failures[0];
  });

  return {
    harness: (): ElementHarness => {
      if (!harness) throw new Error('elementSuite: the harness starts in beforeAll');
      return harness;
    },
    /** Opens `pageName` (a file of ./pages) for the test `taskId`; checked clean and closed after it. */
    async open(taskId: string, pageName: string, options?: OpenPageOptions): Promise<ElementPage> {
      if (!harness) throw new Error('elementSuite: the harness starts in beforeAll');
      return openElementPage(harness, pageName, options ?? {}, (page) => {
        open.set(taskId, [...(open.get(taskId) ?? []), page]);
      });
    },
  };
}

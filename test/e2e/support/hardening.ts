/**
 * What the hardening end-to-end tests add around `openDesktop`: every dialog and console message
 * the page produces, the time of every gateway request the page sends, and a simulator server
 * of the test's own (on the desktop's simulator) that can be stopped and started again on the
 * same port, as a gateway going down and coming back.
 */
import type { Dialog } from 'playwright-core';
import { startSimulatorServer, type SimulatorServer } from '../../../src/simulator/node';
import { openDesktop, type Desktop, type Harness, type OpenOptions } from './desktop';

/** One `fetch` of the page to the gateway. */
export interface GatewayFetch {
  readonly at: number;
  readonly ok: boolean | null;
  /** Path and query (never the Guid: it travels in a header). */
  readonly path: string;
}

export interface WatchedDesktop extends Desktop {
  /** Every dialog the page tried to open (each is dismissed). */
  readonly dialogs: string[];
  /** Every console message, whatever its level. */
  readonly consoleMessages: string[];
  /**
   * Each `fetch` the page's code made to the gateway's interfaces, as the code made it (Chromium's
   * own silent retries of a dropped keep-alive connection are not separate calls here): when
   * (the page's `performance.now()`), whether it resolved (`null` while on its way), and its path.
   */
  gatewayFetches(): Promise<GatewayFetch[]>;
  /** The page's `performance.now()`, the clock of `gatewayFetches`. */
  pageNow(): Promise<number>;
  /** Loads the page, optionally against another simulator URL than the desktop's own. */
  load(simUrl?: string): Promise<void>;
}

/** `openDesktop`, watched; the page is not loaded yet (call `load`). */
export async function openWatchedDesktop(harness: Harness, options: OpenOptions = {}): Promise<WatchedDesktop> {
  const desktop = await openDesktop(harness, options);
  const dialogs: string[] = [];
  const consoleMessages: string[] = [];
  // Wraps the page's fetch before any of its scripts run (init scripts are outside the page's CSP).
  await desktop.page.addInitScript(() => {
    const log: Array<{ at: number; ok: boolean | null; path: string }> = [];
    const original = window.fetch.bind(window);
    (window as unknown as { __gatewayFetches: typeof log }).__gatewayFetches = log;
    window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      if (!url.includes('/agentgateway/')) return original(input, init);
      const { pathname, search } = new URL(url, location.href);
      const entry: { at: number; ok: boolean | null; path: string } = { at: performance.now(), ok: null, path: pathname + search };
      log.push(entry);
      return original(input, init).then(
        (response) => {
          entry.ok = true;
          return response;
        },
        (error: unknown) => {
          entry.ok = false;
          throw error;
        },
      );
    };
  });
  desktop.page.on('dialog', (dialog: Dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss().catch(() => {});
  });
  desktop.page.on('console', (message) => consoleMessages.push(`${message.type()}: ${message.text()}`));
  return Object.assign(desktop, {
    dialogs,
    consoleMessages,
    gatewayFetches: () =>
      desktop.page.evaluate(() => [...(window as unknown as { __gatewayFetches: GatewayFetch[] }).__gatewayFetches]),
    pageNow: () => desktop.page.evaluate(() => performance.now()),
    async load(simUrl?: string) {
      const url = new URL(desktop.pageUrl);
      if (simUrl !== undefined) url.searchParams.set('sim', simUrl);
      const response = await desktop.page.goto(url.toString());
      if (response?.status() !== 200) throw new Error(`The desktop page answered ${response?.status()}.`);
    },
  });
}

/** A simulator server of the test's own on `desktop.sim`, which it can stop and start again on the same port. */
export async function restartableGateway(desktop: Desktop) {
  let server: SimulatorServer | null = await startSimulatorServer({ simulator: desktop.sim, port: 0, host: '127.0.0.1' });
  const { port, url } = server;
  return {
    url,
    port,
    get running() {
      return server !== null;
    },
    async stop() {
      await server?.close();
      server = null;
    },
    async start() {
      if (server) return;
      server = await startSimulatorServer({ simulator: desktop.sim, port, host: '127.0.0.1' });
    },
  };
}

/** Whether `text` contains any of `secrets`. */
export function containsAny(text: string, secrets: Iterable<string>): boolean {
  for (const secret of secrets) if (secret && text.includes(secret)) return true;
  return false;
}

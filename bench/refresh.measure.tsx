// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { afterAll, beforeAll, it } from 'vitest';
import { CallInfoPanel } from '../src/components/CallInfoPanel/CallInfoPanel';
import { refreshCallInfo } from '../src/query/refreshCallInfo';
import { GatewaySimulator } from '../src/simulator';
import { startSimulatorServer, type SimulatorServer } from '../src/simulator/node';
import { AGENT, callInfoCount } from './harness';
import { record } from './record';

// Real time and real HTTP: the panel polls a simulator server on 127.0.0.1 at the default 3 s.
const REFRESH_TRIALS = 20;
const POLL_TRIALS = 6;

let server: SimulatorServer;
const sim = new GatewaySimulator();

beforeAll(async () => {
  server = await startSimulatorServer({ simulator: sim, port: 0, host: '127.0.0.1' });
});
afterAll(async () => {
  await server.close();
});

/** Resolves with the time at which `text` appears in `root` (bounded by `timeoutMs`). */
function whenShown(root: HTMLElement, text: string, timeoutMs = 10_000): Promise<number> {
  return new Promise((resolve, reject) => {
    const check = () => {
      if (!root.textContent?.includes(text)) return false;
      observer.disconnect();
      clearTimeout(timer);
      resolve(performance.now());
      return true;
    };
    const observer = new MutationObserver(check);
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(new Error(`${text} did not appear within ${timeoutMs} ms`));
    }, timeoutMs);
    observer.observe(root, { subtree: true, childList: true, characterData: true });
    check();
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

it('time from "refresh now" to the new call on screen, against plain polling', async () => {
  const client = new QueryClient();
  const { container, unmount } = render(
    <QueryClientProvider client={client}>
      <CallInfoPanel agentId={AGENT} baseUrl={server.url} guid={() => sim.getGuid(AGENT)} />
    </QueryClientProvider>,
  );
  await whenShown(container, 'No call', 10_000).catch(() => undefined);

  const refreshed: number[] = [];
  const requestsPerRefresh: number[] = [];
  for (let i = 0; i < REFRESH_TRIALS; i += 1) {
    const caller = `71${String(i).padStart(4, '0')}`;
    sim.startCall(AGENT, { state: 'talking', fields: { caller } });
    const requestsBefore = callInfoCount(sim);
    const start = performance.now();
    void refreshCallInfo(client, AGENT);
    refreshed.push((await whenShown(container, caller)) - start);
    requestsPerRefresh.push(callInfoCount(sim) - requestsBefore);
    sim.release(AGENT);
  }

  const polled: number[] = [];
  for (let i = 0; i < POLL_TRIALS; i += 1) {
    await pause(Math.random() * 3_000); // land anywhere in the poll cycle
    const caller = `72${String(i).padStart(4, '0')}`;
    sim.startCall(AGENT, { state: 'talking', fields: { caller } });
    const start = performance.now();
    polled.push((await whenShown(container, caller)) - start);
    sim.release(AGENT);
  }
  unmount();

  record({ measure: 'Refresh now -> new call in the DOM (median)', value: Math.round(median(refreshed)), unit: 'ms', goal: 'one request', note: `${REFRESH_TRIALS} trials over HTTP to the local simulator (jsdom render included); requests for the call per refresh: max ${Math.max(...requestsPerRefresh)}` });
  record({
    measure: 'Plain polling at 3 s -> new call in the DOM (mean)',
    value: Math.round(polled.reduce((a, b) => a + b, 0) / polled.length),
    unit: 'ms',
    goal: '~1500 expected',
    note: `${POLL_TRIALS} trials at random points of the poll cycle`,
  });
});

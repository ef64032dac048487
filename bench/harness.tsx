import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { Profiler, type ReactNode } from 'react';
import { CallInfoPanel, type CallInfoPanelProps } from '../src/components/CallInfoPanel/CallInfoPanel';
import { GatewaySimulator } from '../src/simulator';
import { isCallInfoUrl } from '../test/fixtures/wire';

export const AGENT = '60015';

/** Mounts a panel against a fresh simulator (on fake time), counting React commits. */
export function mountPanel(props: Partial<CallInfoPanelProps> = {}, wrap: (node: ReactNode) => ReactNode = (n) => n) {
  const sim = new GatewaySimulator();
  const client = new QueryClient();
  const stats = { commits: 0 };
  const utils = render(
    <QueryClientProvider client={client}>
      <Profiler id="panel" onRender={() => void (stats.commits += 1)}>
        {wrap(<CallInfoPanel agentId={AGENT} guid={() => sim.getGuid(AGENT)} fetch={sim.fetch} {...props} />)}
      </Profiler>
    </QueryClientProvider>,
  );
  return { sim, client, stats, ...utils };
}

/**
 * The requests "query call information" has had (the panel asks its sibling interfaces too), from
 * the simulator's log: it keeps the last 1,000 requests, enough for every measure that counts.
 */
export function callInfoCount(sim: { requests: { list: readonly { path: string }[] } }): number {
  return sim.requests.list.filter((entry) => isCallInfoUrl(entry.path)).length;
}

export { advance, setDocumentVisibility as setVisibility } from '../test/query/renderWithClient';

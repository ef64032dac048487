// One tab of an agent desktop for the gateway-load bench: the panels of the agents this tab
// shows, on one QueryClient (as one app has), polling a gateway over HTTP at the default policy.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createRoot } from 'react-dom/client';
import '../../src/styles.css';
import { CallInfoPanel } from '../../src/components/CallInfoPanel/CallInfoPanel';
import type { LoadTab, ShownCall } from './model';

declare global {
  interface Window {
    startTab(tab: LoadTab): void;
    /** What each panel shows, in the tab's order: the view's status and call ID. */
    shownCalls(): ShownCall[];
  }
}

window.startTab = ({ baseUrl, refetchInterval, agents }) => {
  const queryClient = new QueryClient();
  createRoot(document.getElementById('root')!).render(
    <QueryClientProvider client={queryClient}>
      {agents.flatMap(({ agentId, guid, panels }) =>
        Array.from({ length: panels }, (_, i) => (
          <section key={`${agentId}-${i}`} data-agent={agentId}>
            <CallInfoPanel agentId={agentId} guid={guid} baseUrl={baseUrl} refetchInterval={refetchInterval} />
          </section>
        )),
      )}
    </QueryClientProvider>,
  );
};

window.shownCalls = () =>
  [...document.querySelectorAll<HTMLElement>('section[data-agent]')].map((section) => {
    const view = section.querySelector<HTMLElement>('[data-slot="call-info-view"]');
    return {
      agentId: section.dataset.agent!,
      status: view?.dataset.status ?? 'none',
      callId: view?.querySelector('[data-entry="callId"] dd')?.textContent ?? null,
    };
  });

// An integrator's page: the connected panel, its stylesheet, and the package's gateway simulator
// standing in for the CC-Gateway. Only the package's public entry points, as an app writes them.
// (Plain JSX here, so the repo's typecheck leaves it alone; smoke.mjs copies it as .tsx and
// typechecks it against the packed declarations.)
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { CallInfoPanel } from 'cec-call-panel';
import { GatewaySimulator } from 'cec-call-panel/simulator';
import 'cec-call-panel/styles.css';
import { StrictMode, version } from 'react';
import { createRoot } from 'react-dom/client';

const AGENT_ID = '60015';
const CALLER = '13800138000';

const sim = new GatewaySimulator();
sim.startCall(AGENT_ID, { fields: { caller: CALLER } });

const container = document.getElementById('root');
if (!container) throw new Error('#root is missing');
document.documentElement.dataset.reactVersion = version;

createRoot(container).render(
  <StrictMode>
    <QueryClientProvider client={new QueryClient()}>
      <CallInfoPanel agentId={AGENT_ID} guid={() => sim.getGuid(AGENT_ID)} fetch={sim.fetch} />
    </QueryClientProvider>
  </StrictMode>,
);

import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../src/styles.css';
import { App } from './App';
import { readDemoConfig } from './config';
import './demo.css';
import { createSession } from './session';
import { SimControl } from './simControl';

const config = readDemoConfig(window.location.search, import.meta.env);
const control = new SimControl(config.simUrl, config.agentId);
const session = createSession(control);
const queryClient = new QueryClient();

document.documentElement.dataset.colorScheme = config.scheme;

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <App config={config} control={control} session={session} />
    </QueryClientProvider>
  </StrictMode>,
);

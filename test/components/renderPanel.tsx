import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { Profiler, type ComponentProps } from 'react';
import { vi } from 'vitest';
import { CallInfoPanel } from '../../src/components';

/** The Guid every panel test signs in with: it must never show up on screen or in an error. */
export const PANEL_GUID = 'guid-SECRET';

/** `CallInfoPanel` for agent 60015 polling every second, in a fresh QueryClient, with a render counter. */
export function renderPanel(props: Partial<ComponentProps<typeof CallInfoPanel>> & { fetch: typeof globalThis.fetch }) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false, gcTime: Infinity } } });
  const onRender = vi.fn();
  const utils = render(
    <QueryClientProvider client={client}>
      <Profiler id="panel" onRender={onRender}>
        <CallInfoPanel agentId="60015" guid={PANEL_GUID} refetchInterval={1000} {...props} />
      </Profiler>
    </QueryClientProvider>,
  );
  return { ...utils, onRender, client };
}

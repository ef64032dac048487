/** Mounting the connected panel against a simulator on fake time, and reading what it shows. */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import type { ComponentProps } from 'react';
import { CallInfoPanel } from '../../../src/components';
import { GatewaySimulator, type GatewaySimulatorOptions } from '../../../src/simulator';

export const AGENT = '60015';

export function mountPanel(
  props: Partial<ComponentProps<typeof CallInfoPanel>> = {},
  simOptions: GatewaySimulatorOptions = {},
  /** Stands between the panel and the simulator, e.g. as a proxy that changes answers. */
  wrapFetch: (fetch: typeof globalThis.fetch) => typeof globalThis.fetch = (fetch) => fetch,
) {
  const sim = new GatewaySimulator(simOptions);
  const client = new QueryClient();
  const fetch = props.fetch ?? wrapFetch(sim.fetch);
  const utils = render(
    <QueryClientProvider client={client}>
      <CallInfoPanel agentId={AGENT} guid={() => sim.getGuid(AGENT)} fetch={fetch} {...props} />
    </QueryClientProvider>,
  );
  return { sim, client, ...utils };
}

export const region = () => screen.getByRole('region');

/** The panel's state attributes. */
export function panelState(root: Element = region()) {
  return {
    status: root.getAttribute('data-status'),
    freshness: root.getAttribute('data-freshness'),
    phase: root.getAttribute('data-phase'),
  };
}

/** The call fields the panel shows, read from their parts (null: not shown). */
export function shownCall(root: Element = region()) {
  const text = (selector: string) => root.querySelector(selector)?.textContent ?? null;
  return {
    callId: text('.cip-CallDetails-callId'),
    caller: text('[data-party="caller"] .cip-CallParties-number'),
    called: text('[data-party="called"] .cip-CallParties-number'),
    skill: text('.cip-SkillTag-name'),
    media: root.querySelector('[data-slot="media-badge"]')?.getAttribute('data-media') ?? null,
    callData: text('[data-slot="call-data-view"]'),
    timers: [...root.querySelectorAll('[data-slot="call-timer"]')].map((el) => el.textContent ?? ''),
  };
}

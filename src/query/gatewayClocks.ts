import type { QueryClient } from '@tanstack/react-query';
import { createGatewayClock, type GatewayClock } from '../gateway/gatewayClock';

const clocks = new WeakMap<QueryClient, Map<string, GatewayClock>>();

/** The one estimate of a gateway's clock per QueryClient: every hook polling that gateway feeds and reads it. */
export function gatewayClockFor(client: QueryClient, baseUrl: string): GatewayClock {
  let byGateway = clocks.get(client);
  if (!byGateway) clocks.set(client, (byGateway = new Map()));
  let clock = byGateway.get(baseUrl);
  if (!clock) byGateway.set(baseUrl, (clock = createGatewayClock()));
  return clock;
}

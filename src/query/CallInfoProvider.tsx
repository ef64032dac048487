import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { GuidSource } from '../gateway/requestGateway';

/** Gateway settings shared by every `useCallInfo` and `<CallInfoPanel>` below the provider. */
export interface CallInfoDefaults {
  /** Default `''`: same origin, e.g. behind the app's reverse proxy. */
  baseUrl?: string;
  guid?: GuidSource;
  fetch?: typeof globalThis.fetch;
  timeoutMs?: number;
}

const CallInfoContext = createContext<CallInfoDefaults>({});

export interface CallInfoProviderProps extends CallInfoDefaults {
  children?: ReactNode;
}

/**
 * Sets the gateway's base URL, Guid and `fetch` once for every panel below it; a hook's or
 * panel's own props override it. Optional: without it, pass `guid` (and `baseUrl`) to each.
 *
 * @example
 * <CallInfoProvider baseUrl="/cc" guid={() => session.guid}>
 *   <CallInfoPanel agentId="60015" />
 * </CallInfoProvider>
 */
export function CallInfoProvider({ baseUrl, guid, fetch, timeoutMs, children }: CallInfoProviderProps) {
  const value = useMemo(() => ({ baseUrl, guid, fetch, timeoutMs }), [baseUrl, guid, fetch, timeoutMs]);
  return <CallInfoContext.Provider value={value}>{children}</CallInfoContext.Provider>;
}

/** The nearest `CallInfoProvider`'s settings (`{}` without one). */
export function useCallInfoDefaults(): CallInfoDefaults {
  return useContext(CallInfoContext);
}

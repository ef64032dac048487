/**
 * What the demo page needs to know, from its URL's query string first, then from the launcher's
 * `VITE_CEC_*` variables, then defaults. The Guid is never among them: the page gets it from
 * the simulator's sign-in (`POST /__sim/signin`) and keeps it in memory only.
 *
 *   ?sim=http://127.0.0.1:8043   the simulator server (a loopback http URL)
 *   &agent=60015                 the agent's work number
 *   &poll=3000                   the panel's refetchInterval in ms (0: no polling)
 *   &events=1                    refresh the panel after each call-control action, as a host
 *                                reacting to the gateway's agent events would (0: off)
 *   &lang=en|zh-CN|ar            the panel's locale
 *   &scheme=light|dark|auto      the colour scheme
 */

export const LOCALES = ['en', 'zh-CN', 'ar'] as const;
export type DemoLocale = (typeof LOCALES)[number];

export const SCHEMES = ['light', 'dark', 'auto'] as const;
export type DemoScheme = (typeof SCHEMES)[number];

export interface DemoConfig {
  readonly simUrl: string;
  readonly agentId: string;
  /** `false`: no polling (refresh only). */
  readonly pollMs: number | false;
  readonly refreshOnEvents: boolean;
  readonly locale: DemoLocale;
  readonly scheme: DemoScheme;
}

const DEFAULT_SIM_URL = 'http://127.0.0.1:8043';
const DEFAULT_POLL_MS = 3_000;

/** Only a loopback http(s) origin: the demo talks to a local simulator, nothing else. */
function loopbackOrigin(value: string | null | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    const host = url.hostname.replace(/^\[|\]$/g, '');
    const loopback = host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
    return loopback && (url.protocol === 'http:' || url.protocol === 'https:') ? url.origin : null;
  } catch {
    return null;
  }
}

function oneOf<T extends string>(options: readonly T[], value: string | null, fallback: T): T {
  return (options as readonly string[]).includes(value ?? '') ? (value as T) : fallback;
}

export function readDemoConfig(search: string, env: ImportMetaEnv): DemoConfig {
  const params = new URLSearchParams(search);
  const poll = params.get('poll');
  const pollMs = poll === null || poll === '' || !Number.isFinite(Number(poll)) ? DEFAULT_POLL_MS : Math.max(0, Number(poll));
  const agentId = params.get('agent') ?? env.VITE_CEC_AGENT_ID ?? '60015';
  return {
    simUrl: loopbackOrigin(params.get('sim')) ?? loopbackOrigin(env.VITE_CEC_SIM_URL) ?? DEFAULT_SIM_URL,
    agentId,
    pollMs: pollMs === 0 ? false : pollMs,
    refreshOnEvents: params.get('events') !== '0',
    locale: oneOf(LOCALES, params.get('lang'), 'en'),
    scheme: oneOf(SCHEMES, params.get('scheme'), 'light'),
  };
}

import type { ActiveFault, Fault } from '../src/simulator';

/** The faults the desktop's "Faults" box can inject, by option value. */
export const FAULT_CHOICES = [
  { id: 'not-signed-in', label: '100-006 · agent not signed in', fault: { kind: 'retcode', retcode: '100-006' } },
  { id: 'auth-expired', label: '000-003 · no permission (Guid expired)', fault: { kind: 'retcode', retcode: '000-003' } },
  { id: 'rate-limited', label: '000-007 · invoked repeatedly', fault: { kind: 'retcode', retcode: '000-007' } },
  { id: 'http-502', label: 'HTTP 502 · proxy error page', fault: { kind: 'html', status: 502 } },
  { id: 'html-200', label: 'HTML body · HTTP 200 portal page', fault: { kind: 'html', status: 200 } },
  { id: 'empty-body', label: 'Empty body', fault: { kind: 'empty-body' } },
  { id: 'truncated-json', label: 'Truncated JSON', fault: { kind: 'truncated-json' } },
  { id: 'delay', label: 'Delay 2.5 s', fault: { kind: 'delay', ms: 2_500 } },
  { id: 'timeout', label: 'Delay 12 s · client times out', fault: { kind: 'delay', ms: 12_000 } },
  { id: 'network', label: 'Network failure · connection dropped (Chromium retries a single drop)', fault: { kind: 'network' } },
] as const satisfies readonly { id: string; label: string; fault: Fault }[];

export type FaultChoiceId = (typeof FAULT_CHOICES)[number]['id'];

/** How many requests an injected fault affects: `undefined` until cleared. */
export const FAULT_TIMES = [
  { id: 'always', label: 'Until cleared', times: undefined },
  { id: 'once', label: 'Next request only', times: 1 },
  { id: 'thrice', label: 'Next 3 requests', times: 3 },
] as const;

export type FaultTimesId = (typeof FAULT_TIMES)[number]['id'];

/** Where the "Gateway clock" box can set the gateway's clock, against this desktop's. */
export const CLOCK_CHOICES = [
  { id: 'in-step', label: 'In step with this desktop', offsetMs: 0 },
  { id: 'ahead-2min', label: '2 minutes ahead', offsetMs: 2 * 60_000 },
  { id: 'behind-30s', label: '30 seconds behind', offsetMs: -30_000 },
  { id: 'behind-2h', label: '2 hours behind', offsetMs: -2 * 3_600_000 },
] as const;

/** Words for an active fault, from the simulator's list. */
export function describeFault({ fault, remaining }: ActiveFault): string {
  let what: string;
  switch (fault.kind) {
    case 'retcode':
      what = `retcode ${fault.retcode}${fault.status ? ` (HTTP ${fault.status})` : ''}`;
      break;
    case 'html':
      what = `HTML page, HTTP ${fault.status ?? 200}`;
      break;
    case 'empty-body':
      what = `empty body, HTTP ${fault.status ?? 200}`;
      break;
    case 'truncated-json':
      what = `truncated JSON, HTTP ${fault.status ?? 200}`;
      break;
    case 'delay':
      what = `delay ${fault.ms} ms`;
      break;
    case 'network':
      what = 'network failure';
      break;
    case 'rotate-guid':
      what = 'Guid rotation';
      break;
  }
  return `${what} · ${remaining === null ? 'until cleared' : `${remaining} left`}`;
}

// What every page's script shares: the simulator and agent from the page's query, sign-in at the
// simulator's control endpoint (the page's only way to a Guid; it is kept in memory, never in the
// DOM, a URL or storage), and a record of the element's events in `window.__events`.
export const params = new URLSearchParams(location.search);
export const simUrl = params.get('sim');
export const agentId = params.get('agent');

/** @type {Array<{ type: string, callId: string | null, bubbles: boolean, composed: boolean, at: string }>} */
const events = [];
window.__events = events;

export function record(type, event, at) {
  const detail = event && 'detail' in event ? event.detail : null;
  events.push({
    type,
    callId: type.endsWith('callchange') ? (detail?.callId ?? null) : null,
    bubbles: Boolean(event?.bubbles),
    composed: Boolean(event?.composed),
    at,
  });
}

/** Signs the agent in at the simulator: resolves to the Guid, as a desktop's sign-in would. */
export async function signIn() {
  const response = await fetch(`${simUrl}/__sim/signin`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ agentId }),
  });
  if (!response.ok) throw new Error(`sign-in answered ${response.status}`);
  return (await response.json()).guid;
}

/** Records the element's events, on the element and (bubbled, composed) on the document. */
export function watch(panel) {
  for (const type of ['callchange', 'reauthenticate']) {
    panel.addEventListener(type, (event) => record(type, event, 'element'));
  }
  if (!window.__watchingDocument) {
    window.__watchingDocument = true;
    for (const type of ['callchange', 'reauthenticate']) {
      document.addEventListener(type, (event) => record(type, event, 'document'));
    }
  }
}

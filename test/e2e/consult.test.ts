/**
 * A consultation in real Chromium over HTTP (issue 12): the customer's call is held while the
 * agent consults a colleague, the consultation ends, the customer is back. Every DOM state the
 * panel went through is recorded in the page (a MutationObserver set up before the app runs) and
 * checked: no wrong call shown at any poll, never a held customer read as talking while the
 * consultation goes on, never the consultation read as held.
 */
import { describe, it } from 'vitest';
import { AGENT_ID, openDesktop, type Desktop } from './support/desktop';
import { desktopSuite } from './support/desktopSuite';

const suite = desktopSuite<Desktop>(() => 'e2e consult');
const CUSTOMER = '+8613800000077';
const WAIT = { timeout: 15_000 } as const;

/** What the panel showed at one moment: its state, the call in its body, and the strip of calls. */
interface Snapshot {
  readonly status: string | undefined;
  readonly phase: string | undefined;
  readonly shown: string | null;
  readonly legs: ReadonlyArray<{ id: string; phase: string; selected: boolean; current: boolean }>;
}

/** Installed before the app's scripts: records a snapshot of the panel after every DOM change. */
function recordPanelStates() {
  const snapshots: unknown[] = [];
  (window as unknown as { __panelStates: unknown[] }).__panelStates = snapshots;
  const take = () => {
    const root = document.querySelector<HTMLElement>('[data-slot="call-info-view"]');
    if (!root) return;
    const snapshot = JSON.stringify({
      status: root.dataset.status,
      phase: root.dataset.phase,
      shown: root.querySelector('[data-entry="callId"] .cip-CallDetails-callId')?.textContent ?? null,
      legs: [...root.querySelectorAll<HTMLElement>('[role="tab"][data-call-id]')].map((tab) => ({
        id: tab.dataset.callId,
        phase: tab.dataset.phase,
        selected: tab.getAttribute('aria-selected') === 'true',
        current: tab.hasAttribute('data-current'),
      })),
    });
    if (snapshots.at(-1) !== snapshot) snapshots.push(snapshot);
  };
  new MutationObserver(take).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
}

describe('a consultation in Chromium', () => {
  it('holds the customer, shows both calls, and gives the customer back: no wrong call at any poll', async ({ expect, task }) => {
    const d = suite.track(
      task.id,
      await openDesktop(suite.harness(), {
        poll: 300,
        before: (sim) => sim.startCall(AGENT_ID, { like: 'inbound-voice', state: 'talking', fields: { caller: CUSTOMER } }),
      }),
    );
    await d.page.addInitScript(recordPanelStates);
    expect((await d.page.goto(d.pageUrl))?.status()).toBe(200);
    const button = (name: string) => d.page.getByRole('button', { name, exact: true });
    const current = () => d.sim.state().agents.find((agent) => agent.agentId === AGENT_ID)!.callid!;
    const strip = d.panel.getByRole('tablist', { name: 'Calls' });

    await d.waitForPanel({ status: 'live', phase: 'talking' });
    const customer = current();
    await expect.poll(() => d.panel.locator('[data-entry="callId"]').textContent(), WAIT).toContain(customer);

    // The consultation: the customer held, the colleague rings, then answers.
    await button('Consult').click();
    await strip.waitFor(WAIT);
    const consult = current();
    expect(consult).not.toBe(customer);
    await d.panel.locator(`[role="tab"][data-call-id="${customer}"][data-phase="held"]`).waitFor(WAIT);
    await d.panel.locator(`[role="tab"][data-call-id="${consult}"][aria-selected="true"]`).waitFor(WAIT);
    await button('Answer').click();
    await d.panel.locator(`[role="tab"][data-call-id="${consult}"][data-phase="talking"]`).waitFor(WAIT);
    await expect.poll(() => d.panel.locator('[data-entry="callId"]').textContent(), WAIT).toContain(consult);
    expect(await d.panel.locator(`[role="tab"][data-call-id="${customer}"]`).textContent()).toContain(CUSTOMER);
    // The agent placed the consultation: its tab names the colleague, not the agent.
    expect(await d.panel.locator(`[role="tab"][data-call-id="${consult}"] .cip-CallLegs-number`).textContent()).toBe('2006');

    // The consultation ends: one call again, the customer on hold, then taken back.
    await button('Release').click();
    await strip.waitFor({ state: 'detached', ...WAIT });
    await d.waitForPanel({ status: 'live', phase: 'held' });
    await button('Unhold').click();
    await d.waitForPanel({ status: 'live', phase: 'talking' });
    await expect.poll(() => d.panel.locator('[data-entry="callId"]').textContent(), WAIT).toContain(customer);

    const states = (await d.page.evaluate(() => (window as unknown as { __panelStates: string[] }).__panelStates)).map(
      (json) => JSON.parse(json) as Snapshot,
    );
    const wrong = states.filter((s) => {
      const live = s.status === 'live';
      const selected = s.legs.filter((leg) => leg.selected);
      const currents = s.legs.filter((leg) => leg.current);
      const consultLive = s.legs.some((leg) => leg.id === consult && leg.phase !== 'ended');
      return (
        (live && s.shown !== null && s.shown !== customer && s.shown !== consult) ||
        (s.legs.length !== 0 && s.legs.length !== 2) ||
        s.legs.some((leg) => leg.id !== customer && leg.id !== consult) ||
        currents.length > 1 ||
        (s.legs.length > 0 && (selected.length !== 1 || !selected[0]!.current || (s.shown !== null && selected[0]!.id !== s.shown))) ||
        s.legs.some((leg) => leg.id === consult && leg.phase === 'held') ||
        (s.shown === consult && s.phase === 'held') ||
        (consultLive && s.legs.some((leg) => leg.id === customer && leg.phase !== 'held'))
      );
    });
    expect(wrong, JSON.stringify(wrong.slice(0, 3))).toEqual([]);
    // The record saw the whole story: the strip, the consultation in the body, the customer back.
    expect(states.some((s) => s.legs.length === 2 && s.shown === consult)).toBe(true);
    expect(states.at(-1)).toMatchObject({ status: 'live', phase: 'talking', shown: customer, legs: [] });
    // Both sibling interfaces were asked over HTTP, the Guid in a header as for callinfo.
    const paths = d.sim.requests.list.map((entry) => entry.path);
    expect(paths.some((path) => path.endsWith('/allcallid'))).toBe(true);
    expect(paths.some((path) => path.endsWith(`/callinfobycallid/${encodeURIComponent(customer)}`))).toBe(true);
  });
});

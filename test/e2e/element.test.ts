/**
 * `cec-call-panel/element` (issue 13) in real (Debian) Chromium: `<cec-call-panel>` built once
 * for the file (scripts/element-build.mjs, into a temporary directory), on hand-written pages
 * with no build step (test/e2e/support/element/pages), served under a strict
 * Content-Security-Policy, against the gateway simulator over real HTTP on 127.0.0.1. Each test
 * gets its own simulator and browser context, so the tests run concurrently; every page is
 * checked clean after its test (no CSP violation, page error or console error; no Guid in a
 * request URL, the DOM or any shadow root). Every wait is bounded; nothing sleeps.
 */
import { describe, it } from 'vitest';
import { AGENT_ID, elementSuite, pageSurface, type ElementPage } from './support/element/harness';
import { strictCsp } from './support/element/server';
import { faults } from '../../src/simulator';

const suite = elementSuite();
const WAIT = { timeout: 10_000 } as const;
/** Far beyond every bounded wait below: what shows within one came from an ask, not a poll. */
const NO_POLL = '60000';
const CALLER = '+8613800000077';
const SECOND_CALLER = '+8613900000088';

const callIdOf = (p: ElementPage) => p.sim.state().agents.find((agent) => agent.agentId === AGENT_ID)?.callid ?? null;
const callInfoAsks = (p: ElementPage) => p.sim.requests.list.filter((entry) => entry.path.includes('/callinfo')).length;
/** The caller's number as the panel shows it, inside the element's shadow root. */
const callerNumber = (p: ElementPage) => p.panel.locator('[data-party="caller"] .cip-CallParties-number').textContent();
const digits = (text: string | null) => (text ?? '').replace(/\D/g, '');
/** A computed style of the first element matching `selector` inside the first element's shadow root. */
const shadowStyle = (p: ElementPage, selector: string, property: string) =>
  p.page.evaluate(
    ([sel, prop]) => {
      const found = document.querySelector('cec-call-panel')?.shadowRoot?.querySelector(sel);
      return found ? getComputedStyle(found).getPropertyValue(prop) : null;
    },
    [selector, property] as const,
  );
const callchanges = async (p: ElementPage, at = 'element') =>
  (await p.events()).filter((event) => event.type === 'callchange' && event.at === at).map((event) => event.callId);

describe.concurrent('<cec-call-panel> in Chromium', () => {
  it('(a) plain HTML: the live call, callchange, page tokens and ::part(), the actions slot, refresh(), no Guid anywhere', async ({ expect, task }) => {
    const p = await suite.open(task.id, 'plain.html', {
      before: (sim) => sim.startCall(AGENT_ID, { like: 'inbound-voice', state: 'talking', fields: { caller: CALLER } }),
    });
    // The page was served with the strict policy, naming this test's simulator only.
    const csp = await p.page.evaluate(async () => (await fetch(location.href)).headers.get('Content-Security-Policy'));
    expect(csp).toBe(strictCsp(p.simUrl));

    await p.waitForPanel({ status: 'live', phase: 'talking', freshness: 'fresh' });
    const first = callIdOf(p)!;
    expect(first).toMatch(/^\d+-\d+$/);
    await expect.poll(async () => digits(await callerNumber(p)), WAIT).toContain(digits(CALLER));

    // The element's structure: an open shadow root, the stylesheet adopted, nothing inline.
    const shape = await p.page.evaluate(() => {
      const host = document.querySelector('cec-call-panel')!;
      const root = host.shadowRoot;
      return {
        open: root?.mode,
        adopted: root?.adoptedStyleSheets.length ?? 0,
        rules: root?.adoptedStyleSheets.reduce((n, sheet) => n + sheet.cssRules.length, 0) ?? 0,
        styleElements: root?.querySelectorAll('style, link').length ?? -1,
        inlineStyles: root?.querySelectorAll('[style]').length ?? -1,
        parts: [...(root?.querySelectorAll('[part]') ?? [])].flatMap((el) => [...el.part]),
      };
    });
    expect(shape).toMatchObject({ open: 'open', styleElements: 0, inlineStyles: 0 });
    expect(shape.adopted).toBeGreaterThanOrEqual(1);
    expect(shape.rules).toBeGreaterThan(50);
    expect(shape.parts).toEqual(expect.arrayContaining(['panel', 'header', 'body', 'actions', 'call-parties', 'status-band', 'trace']));

    // callchange: the call's ID in `detail`, a bubbling, composed CustomEvent (the document saw it too).
    await expect.poll(() => callchanges(p), WAIT).toEqual([first]);
    await expect.poll(() => callchanges(p, 'document'), WAIT).toEqual([first]);
    expect((await p.events()).find((event) => event.type === 'callchange')).toMatchObject({ bubbles: true, composed: true });

    // The page's ::part(panel) rule and its token on the element reach into the shadow root.
    expect(await shadowStyle(p, '[data-slot="call-info-view"]', 'outline-color')).toBe('rgb(4, 5, 6)');
    expect(await shadowStyle(p, '[data-slot="call-info-view"]', 'outline-width')).toBe('3px');
    expect(await shadowStyle(p, '[data-slot="call-info-view"]', 'border-top-color')).toBe('rgb(7, 8, 9)');
    expect(await shadowStyle(p, '.cip-CallInfoView-header', 'letter-spacing')).toBe('1px');

    // The actions slot: the page's button shows in the panel's header.
    const crm = p.page.getByRole('button', { name: 'Open in CRM', exact: true });
    await crm.waitFor({ state: 'visible', ...WAIT });
    const slotted = await p.page.evaluate(() => {
      const root = document.querySelector('cec-call-panel')!.shadowRoot!;
      const slot = root.querySelector<HTMLSlotElement>('slot[name="actions"]');
      return {
        inHeader: Boolean(slot?.closest('.cip-CallInfoView-header')),
        assigned: slot?.assignedElements().map((el) => el.textContent) ?? [],
      };
    });
    expect(slotted).toEqual({ inHeader: true, assigned: ['Open in CRM'] });

    // refresh(): a new call shows at once (the poll interval is a minute).
    expect(await p.host.getAttribute('refetch-interval')).toBe(NO_POLL);
    p.sim.release(AGENT_ID);
    p.sim.startCall(AGENT_ID, { like: 'inbound-voice', state: 'talking', fields: { caller: SECOND_CALLER } });
    const second = callIdOf(p)!;
    expect(second).not.toBe(first);
    await p.host.evaluate((host) => (host as HTMLElement & { refresh(): Promise<void> }).refresh());
    await expect.poll(async () => digits(await callerNumber(p)), WAIT).toContain(digits(SECOND_CALLER));
    await expect.poll(() => callchanges(p), WAIT).toEqual([first, second]);

    // The page's :root token themes the shadow tree: a consultation's selected tab has the accent.
    p.sim.consult(AGENT_ID);
    const consult = callIdOf(p)!;
    await p.host.evaluate((host) => (host as HTMLElement & { refresh(): Promise<void> }).refresh());
    await p.panel.locator(`[role="tab"][data-call-id="${consult}"][aria-selected="true"]`).waitFor(WAIT);
    expect(await shadowStyle(p, '[role="tab"][aria-selected="true"]', 'border-top-color')).toBe('rgb(1, 2, 3)');

    // The Guid: only ever in the `Guid` header, never in a URL, the DOM or a shadow root.
    const asked = p.requests.filter((request) => request.url.includes('/agentgateway/'));
    expect(asked.length).toBeGreaterThan(0);
    expect(asked.every((request) => request.guid !== null && p.knownGuids().has(request.guid))).toBe(true);
    const surface = await pageSurface(p.page);
    expect(surface.shadowRoots).toContain('cip-CallParties-number');
    for (const guid of p.knownGuids()) {
      expect(Object.values(surface).some((value) => value.includes(guid))).toBe(false);
      expect(p.requests.some((request) => request.url.includes(guid))).toBe(false);
      expect(p.sim.requests.list.some((entry) => entry.path.includes(guid))).toBe(false);
    }

    // The detector works: an inline style is refused and recorded (then forgiven).
    await p.page.evaluate(() => {
      const style = document.createElement('style');
      style.textContent = 'body { outline: 1px solid red; }';
      document.head.append(style);
    });
    await expect.poll(async () => (await p.cspViolations()).map((v) => v.directive), WAIT).toContain('style-src-elem');
    await p.forgetCspViolations();
  });

  it('(b) session: the Guid expires, "Sign in again" fires reauthenticate, the new guid brings the call back at once', async ({ expect, task }) => {
    const p = await suite.open(task.id, 'plain.html', {
      before: (sim) => sim.startCall(AGENT_ID, { like: 'inbound-voice', state: 'talking', fields: { caller: CALLER } }),
    });
    await p.waitForPanel({ status: 'live', phase: 'talking', freshness: 'fresh' });
    const call = callIdOf(p)!;
    const firstGuid = p.sim.getGuid(AGENT_ID);

    // The gateway expires the Guid; the next ask (the host's refresh()) is refused.
    p.sim.rotateGuid(AGENT_ID);
    await p.host.evaluate((host) => (host as HTMLElement & { refresh(): Promise<void> }).refresh());
    await p.waitForPanel({ status: 'auth-expired' });
    const reauth = p.panel.getByRole('button', { name: 'Sign in again' });
    await reauth.waitFor(WAIT);
    const asksBefore = callInfoAsks(p);

    // The button is inside the shadow root; the event reaches the page, which sets a new `guid`.
    await reauth.click();
    await expect.poll(async () => (await p.events()).map((event) => event.type).filter((type) => type !== 'callchange'), WAIT).toEqual([
      'reauthenticate',
      'reauthenticate',
      'guid-set',
    ]);
    const reauthEvent = (await p.events()).find((event) => event.type === 'reauthenticate')!;
    expect(reauthEvent).toMatchObject({ bubbles: true, composed: true });
    // Back without a poll (the interval is a minute): the new Guid was sent at once.
    await p.waitForPanel({ status: 'live', phase: 'talking', freshness: 'fresh' }, WAIT.timeout);
    expect(callInfoAsks(p)).toBeGreaterThan(asksBefore);
    const secondGuid = p.sim.getGuid(AGENT_ID);
    expect(secondGuid).not.toBe(firstGuid);
    expect(p.requests.filter((request) => request.url.includes('/agentgateway/')).some((request) => request.guid === secondGuid)).toBe(true);
    await expect.poll(async () => digits(await callerNumber(p)), WAIT).toContain(digits(CALLER));
    // The same call all along: one callchange.
    expect(await callchanges(p)).toEqual([call]);
  });

  it('(c) Vue 3, render functions, same CSP: renders the call, a reactive prop reaches the element, Vue gets callchange', async ({ expect, task }) => {
    const p = await suite.open(task.id, 'vue.html', {
      before: (sim) => sim.startCall(AGENT_ID, { like: 'inbound-voice', state: 'talking', fields: { caller: CALLER } }),
    });
    await p.waitForPanel({ status: 'live', phase: 'talking', freshness: 'fresh' });
    const call = callIdOf(p)!;
    await expect.poll(async () => digits(await callerNumber(p)), WAIT).toContain(digits(CALLER));
    // Vue's listener got the event: the app renders the call ID from it.
    await expect.poll(() => p.page.locator('#vue-call').textContent(), WAIT).toBe(`Call ${call}`);
    // The Guid went in as a property, not an attribute.
    expect(await p.host.evaluate((host) => host.getAttributeNames().sort())).toEqual(
      ['agent-id', 'base-url', 'color-scheme', 'include-last-call', 'locale'],
    );
    expect(await p.host.getAttribute('locale')).toBe('en-GB');
    expect(await p.panel.getAttribute('data-color-scheme')).toBe('light');
    const lightSurface = await shadowStyle(p, '[data-slot="call-info-view"]', 'background-color');

    // A Vue state change: the element's attributes follow, and the panel with them.
    await p.page.locator('#vue-switch').click();
    await expect.poll(() => p.host.getAttribute('locale'), WAIT).toBe('zh-CN');
    await expect.poll(() => p.panel.getAttribute('data-color-scheme'), WAIT).toBe('dark');
    await expect.poll(() => shadowStyle(p, '[data-slot="call-info-view"]', 'background-color'), WAIT).toBe('rgb(22, 25, 31)');
    expect(lightSurface).not.toBe('rgb(22, 25, 31)');
    await expect.poll(() => p.panel.getAttribute('lang'), WAIT).toBe('zh-CN');
    // Still the same call, shown once to Vue.
    await p.waitForPanel({ status: 'live', phase: 'talking' });
    expect((await p.events()).filter((event) => event.type === 'vue-callchange').map((event) => event.callId)).toEqual([call]);
  });

  it('(d) a second and a third import of the module neither throw nor redefine the element', async ({ expect, task }) => {
    const p = await suite.open(task.id, 'twice.html', {
      before: (sim) => sim.startCall(AGENT_ID, { like: 'inbound-voice', state: 'talking', fields: { caller: CALLER } }),
    });
    await expect.poll(() => p.page.evaluate(() => (window as unknown as { __secondImport?: string }).__secondImport), WAIT).toBe('ok');
    // All three module instances were loaded.
    const loaded = p.requests.map((request) => new URL(request.url).pathname + new URL(request.url).search);
    expect(loaded).toEqual(expect.arrayContaining(['/element.js', '/element.js?second', '/element-copy.js']));
    await p.waitForPanel({ status: 'live', phase: 'talking', freshness: 'fresh' });
    await expect.poll(async () => digits(await callerNumber(p)), WAIT).toContain(digits(CALLER));
    // One element, one panel, rendered once.
    expect(await p.page.locator('cec-call-panel [data-slot="call-info-view"]').count()).toBe(1);
    expect(p.pageErrors).toEqual([]);
  });

  it('(e) a consultation: both calls as tabs inside the shadow root, the customer held', async ({ expect, task }) => {
    const p = await suite.open(task.id, 'plain.html', {
      // A POSIX locale name, as Java back ends give it: read as zh-CN.
      query: { poll: '300', locale: 'zh_CN' },
      before: (sim) => sim.startCall(AGENT_ID, { like: 'inbound-voice', state: 'talking', fields: { caller: CALLER } }),
    });
    await p.waitForPanel({ status: 'live', phase: 'talking', freshness: 'fresh' });
    expect(await p.panel.getAttribute('lang')).toBe('zh-CN');
    const customer = callIdOf(p)!;
    expect(await p.panel.locator('[role="tab"][data-call-id]').count()).toBe(0);

    p.sim.consult(AGENT_ID);
    const consult = callIdOf(p)!;
    expect(consult).not.toBe(customer);
    // Polling (300 ms) brings both calls: a strip of tabs, the consultation selected.
    await p.panel.getByRole('tablist', { name: 'Calls' }).waitFor(WAIT);
    await p.panel.locator(`[role="tab"][data-call-id="${customer}"][data-phase="held"]`).waitFor(WAIT);
    await p.panel.locator(`[role="tab"][data-call-id="${consult}"][aria-selected="true"]`).waitFor(WAIT);
    expect(await p.panel.locator('[role="tab"][data-call-id]').count()).toBe(2);
    expect(await p.panel.locator(`[role="tab"][data-call-id="${customer}"]`).textContent()).toContain(CALLER);
    // The strip is in the shadow root (not the light DOM), and exposed as ::part(calls).
    const where = await p.page.evaluate(() => ({
      light: document.querySelectorAll('[role="tab"]').length,
      shadow: document.querySelector('cec-call-panel')!.shadowRoot!.querySelectorAll('[role="tab"][data-call-id]').length,
      calls: Boolean(document.querySelector('cec-call-panel')!.shadowRoot!.querySelector('[part~="calls"] [role="tab"]')),
    }));
    expect(where).toEqual({ light: 0, shadow: 2, calls: true });
    await expect.poll(() => callchanges(p), WAIT).toEqual([customer, consult]);
  });

  it('(f) a second tab that shows every call leads, rather than follow a tab that shows the current call alone', async ({ expect, task }) => {
    const p = await suite.open(task.id, 'plain.html', {
      query: { poll: '300', allCalls: 'false' },
      before: (sim) => sim.startCall(AGENT_ID, { like: 'inbound-voice', state: 'talking', fields: { caller: CALLER } }),
    });
    await p.waitForPanel({ status: 'live', phase: 'talking', freshness: 'fresh' });
    const customer = callIdOf(p)!;
    p.sim.consult(AGENT_ID);
    const consult = callIdOf(p)!;
    await p.panel.locator('[data-entry="callId"]', { hasText: consult }).waitFor(WAIT);

    // The same origin and browser context: the tabs share Web Locks and BroadcastChannel.
    const second = await p.page.context().newPage();
    const asked: string[] = [];
    second.on('request', (request) => asked.push(new URL(request.url()).pathname));
    await second.goto(p.page.url().replace('allCalls=false', 'allCalls=true'));
    const strip = second.locator('cec-call-panel [data-slot="call-info-view"]').getByRole('tablist', { name: 'Calls' });
    await strip.locator(`[role="tab"][data-call-id="${customer}"][data-phase="held"]`).waitFor(WAIT);
    await strip.locator(`[role="tab"][data-call-id="${consult}"][aria-selected="true"]`).waitFor(WAIT);
    // It took the lead: the first tab stops asking, and still shows the current call.
    const firstAsks = () => p.requests.filter((request) => request.url.includes('/callinfo')).length;
    await expect.poll(() => asked.filter((path) => path.endsWith('/callinfo')).length, WAIT).toBeGreaterThan(0);
    const before = firstAsks();
    await expect.poll(() => asked.filter((path) => path.endsWith('/callinfo')).length, WAIT).toBeGreaterThan(2);
    expect(firstAsks()).toBe(before);
    expect(asked.some((path) => path.endsWith('/allcallid'))).toBe(true);
    await p.panel.locator('[data-entry="callId"]', { hasText: consult }).waitFor(WAIT);
    expect(await p.panel.locator('[role="tab"][data-call-id]').count()).toBe(0);
    await second.close();
  });

  it("(g) the README's plain-HTML example as written: signs in, shows the call, answers reauthenticate", async ({ expect, task }) => {
    const p = await suite.open(task.id, 'readme-plain.html', {
      before: (sim) => sim.startCall(AGENT_ID, { like: 'inbound-voice', state: 'talking', fields: { caller: CALLER } }),
    });
    await p.waitForPanel({ status: 'live', phase: 'talking', freshness: 'fresh' });
    await expect.poll(async () => digits(await callerNumber(p)), WAIT).toContain(digits(CALLER));
    // Nothing was asked before the sign-in: every request to the gateway carried the Guid.
    const asked = p.requests.filter((request) => request.url.includes('/agentgateway/'));
    expect(asked.length).toBeGreaterThan(0);
    expect(asked.every((request) => request.guid === p.sim.getGuid(AGENT_ID))).toBe(true);

    // The Guid expires: "Sign in again" fires reauthenticate, and the example's handler brings the call back.
    p.sim.rotateGuid(AGENT_ID);
    await p.waitForPanel({ status: 'auth-expired' });
    await p.panel.getByRole('button', { name: 'Sign in again' }).click();
    await p.waitForPanel({ status: 'live', phase: 'talking', freshness: 'fresh' }, WAIT.timeout);
    expect(p.requests.some((request) => request.guid === p.sim.getGuid(AGENT_ID) && request.url.includes('/callinfo'))).toBe(true);
    // The example's own export, the host's refresh: one more ask at once.
    const before = callInfoAsks(p);
    // A string: Vitest would rewrite an import() in a function it ships to the page.
    await p.page.evaluate("import('/desk.js').then((desk) => desk.onIncomingCall())");
    await expect.poll(() => callInfoAsks(p), WAIT).toBeGreaterThan(before);
  });

  it("(h) the README's plain-HTML example in two tabs through a shift: late sign-in, odd answers, expiry, sign-in again, 100-006", async ({ expect, task }) => {
    const p = await suite.open(task.id, 'readme-plain.html', {
      query: { signInAfter: '1500' },
      // The injected HTML error page: Chromium logs the 502 itself.
      allowConsoleErrors: [/status of 502/],
      before: (sim) => sim.startCall(AGENT_ID, { like: 'inbound-voice', state: 'talking', fields: { caller: CALLER }, wire: { numbersAsStrings: true, callIdFormat: 'digits' } }),
    });
    // The same origin and context: the second tab elects with the first (Web Locks, BroadcastChannel).
    const second = await p.page.context().newPage();
    const secondErrors: string[] = [];
    const secondGuids: string[] = [];
    second.on('pageerror', (error) => secondErrors.push(String(error)));
    second.on('request', (request) => secondGuids.push(request.headers()['guid'] ?? ''));
    await second.goto(p.page.url());
    const tabs = [p.page, second];
    const shows = (attrs: Record<string, string>) =>
      Promise.all(
        tabs.map((page) =>
          page
            .locator(['cec-call-panel [data-slot="call-info-view"]', ...Object.entries(attrs).map(([k, v]) => `[data-${k}="${v}"]`)].join(''))
            .waitFor({ state: 'attached', timeout: 15_000 }),
        ),
      );
    const gatewayAsks = () => p.sim.requests.list.filter((entry) => entry.path.includes('/callinfo')).length;

    // Signing in late: no panel and no request until the page has its Guid.
    expect(await p.page.locator('cec-call-panel [data-slot="call-info-view"]').count()).toBe(0);
    expect(gatewayAsks()).toBe(0);
    await shows({ status: 'live', phase: 'talking', freshness: 'fresh' });
    await expect.poll(async () => digits(await callerNumber(p)), WAIT).toContain(digits(CALLER));

    // Odd answers (numbers as strings and digits-only call IDs above; now an HTML error page and a
    // proxy's login page): the call stays, marked stale, in both tabs, and comes back fresh.
    const outage = p.sim.injectFault(faults.serverError(502), { times: 1 });
    await shows({ status: 'live', freshness: 'stale' });
    p.sim.removeFault(outage);
    await shows({ status: 'live', freshness: 'fresh' });
    p.sim.injectFault(faults.htmlPage(200), { times: 1 });
    await shows({ status: 'live', freshness: 'stale' });
    await shows({ status: 'live', freshness: 'fresh' });

    // The Guid expires: both tabs say so; "Sign in again" in the second tab signs in there, and that
    // tab's new Guid brings the call back to both.
    p.sim.rotateGuid(AGENT_ID);
    await shows({ status: 'auth-expired', freshness: 'stale' });
    await second.locator('cec-call-panel').getByRole('button', { name: 'Sign in again' }).click();
    await shows({ status: 'live', phase: 'talking', freshness: 'fresh' });
    // The second tab took the lead: it asked with the Guid it signed in with.
    expect(secondGuids).toContain(p.sim.getGuid(AGENT_ID));

    // Signed out at the gateway (100-006): both tabs say so; "Sign in" in the first signs in again.
    p.sim.signOut(AGENT_ID);
    await shows({ status: 'signed-out' });
    await p.panel.getByRole('button', { name: 'Sign in' }).click();
    await shows({ status: 'no-call', freshness: 'fresh' });
    p.sim.startCall(AGENT_ID, { like: 'inbound-voice', state: 'talking', fields: { caller: SECOND_CALLER } });
    await shows({ status: 'live', phase: 'talking', freshness: 'fresh' });

    // One poll per interval (3 s) between the two tabs, now that they have settled: a measured window.
    const before = gatewayAsks();
    await new Promise((resolve) => setTimeout(resolve, 9_000));
    expect(gatewayAsks() - before).toBeGreaterThanOrEqual(2);
    expect(gatewayAsks() - before).toBeLessThanOrEqual(4);
    expect(secondErrors).toEqual([]);
    await second.close();
  }, 90_000);
});

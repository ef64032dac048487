/**
 * Hostile text from the gateway, in real Chromium under the demo's strict CSP: XSS payloads in
 * the call data (plain text, JSON keys and values, key=value pairs), the skill name, the caller,
 * called and original called numbers, the gateway's reason texts and an unknown direct mode. For
 * each: nothing runs (`window.__xss` stays undefined, no dialog), nothing becomes markup (no
 * element, handler or URL of the payload's in the panel, no request for `x`), every payload reads
 * as text, and the CSP reports nothing. And the Guid: never in the DOM, storage, a URL or any
 * console message (the desktop helper checks the first three after every test).
 */
import { describe, it, type TestContext } from 'vitest';
import type { GatewaySimulator } from '../../src/simulator';
import { AGENT_ID, STRICT_CSP } from './support/desktop';
import { desktopSuite } from './support/desktopSuite';
import { containsAny, openWatchedDesktop, type WatchedDesktop } from './support/hardening';

const tried = { payloads: 0, placements: 0, calls: 0 };

const suite = desktopSuite<WatchedDesktop>(
  () => `e2e security: ${tried.payloads} payloads in ${tried.calls} calls (3 shapes of call data), ${tried.placements} placements checked`,
);

/** Each sets `window.__xss` if it ever runs; most also try to open a dialog. */
const PAYLOADS = [
  '<script>window.__xss=1</script>',
  '<img src=x onerror="window.__xss=1;alert(1)">',
  'javascript:window.__xss=1;alert(2)',
  '"><svg onload="window.__xss=1;alert(3)">',
  "{{constructor.constructor('window.__xss=1;alert(4)')()}}",
  '<a href="javascript:window.__xss=1">x</a><iframe srcdoc="<script>parent.__xss=1</script>"></iframe>',
] as const;

type CallDataFormat = 'text' | 'json' | 'pairs';

/** A payload as one key=value value: `;` separates pairs, so it becomes `,` (still valid script). */
const pairsSafe = (payload: string) => payload.replaceAll(';', ',');

/** The call data carrying `payload` in each shape the panel reads. */
function callDataOf(payload: string, format: CallDataFormat): string {
  if (format === 'text') return payload;
  if (format === 'json') return JSON.stringify({ [payload]: payload, nested: { [payload]: payload }, link: 'javascript:window.__xss=1' });
  return `note=${pairsSafe(payload)}|link=javascript:window.__xss=1`;
}

/** Starts a talking call whose every free-text field carries `payload`. */
function startHostileCall(sim: GatewaySimulator, payload: string, format: CallDataFormat): void {
  const now = Date.now();
  sim.startCall(AGENT_ID, {
    like: 'inbound-voice',
    state: 'talking',
    fields: {
      caller: payload,
      called: `${payload} (called, ${format})`,
      orgicallednum: `${payload} (original)`,
      callskill: payload,
      calldata: callDataOf(payload, format),
      // Newer gateways' extra fields are sent as they are: here a whole trace with hostile texts,
      // of a call that has left the queue (its wait ended, nothing after it yet), so that the
      // leave reason is shown too.
      extra: {
        trace: {
          waitBeginTime: now - 20_000,
          waitEndTime: now - 15_000,
          answerBeginTime: 0,
          answerEndTime: 0,
          talkBeginTime: 0,
          talkEndTime: 0,
          deviceNo: 2005,
          deviceType: 2,
          callDirectMode: payload,
          enterReason: 0,
          enterReasonDesc: payload,
          leaveReason: 15,
          leaveReasonDesc: `${payload} (leave)`,
          vdnId: 214,
        },
      },
    },
  });
}

const POLL = { timeout: 10_000 } as const;

async function open(ctx: TestContext, payload: string, format: CallDataFormat): Promise<WatchedDesktop> {
  const desktop = await openWatchedDesktop(suite.harness(), {
    poll: 1_000,
    before: (sim) => startHostileCall(sim, payload, format),
  });
  suite.track(ctx.task.id, desktop);
  await desktop.load();
  return desktop;
}

/** Text of every element matching `selector` in the panel. */
const texts = (d: WatchedDesktop, selector: string) => d.panel.locator(selector).allTextContents();

async function checkCall({ expect }: TestContext, d: WatchedDesktop, payload: string, format: CallDataFormat): Promise<void> {
  // Live, between the queue it has left and an agent (see the trace in `startHostileCall`).
  await d.waitForPanel({ status: 'live', phase: 'in-progress' });
  // The panel shows this call (not the previous one of the test).
  await expect.poll(() => texts(d, '[data-party="called"] .cip-CallParties-number'), POLL).toEqual([`${payload} (called, ${format})`]);

  // Every placement reads as the payload's text, visibly.
  const caller = d.panel.locator('[data-party="caller"] .cip-CallParties-number');
  expect(await caller.textContent()).toBe(payload);
  expect(await caller.isVisible()).toBe(true);
  expect(await texts(d, '[data-party="originalCalled"] .cip-CallParties-number')).toEqual([`${payload} (original)`]);
  expect(await texts(d, '.cip-SkillTag-name')).toEqual([payload]);
  expect(await d.panel.locator('.cip-SkillTag-name').isVisible()).toBe(true);
  // The gateway's own words, behind their disclosure.
  const gatewayTexts = await texts(d, '.cip-TraceTimeline-gatewayText > span');
  expect(gatewayTexts).toEqual([payload, `${payload} (leave)`]);
  expect(await texts(d, '[data-slot="trace-timeline"] dd')).toContain(`unknown (code ${payload})`);
  expect(await d.panel.getAttribute('data-status')).toBe('live');
  tried.placements += 8;

  const data = d.panel.locator('[data-slot="call-data-view"]');
  expect(await data.getAttribute('data-format')).toBe(format);
  if ((await data.getAttribute('data-state')) === 'collapsed') await data.getByRole('button').click();
  if (format === 'text') {
    expect(await texts(d, '.cip-CallDataView-text')).toEqual([payload]);
  } else if (format === 'json') {
    const keys = await texts(d, '.cip-CallDataView-key');
    const values = await texts(d, '.cip-CallDataView-value');
    // The nested object is a list of its own inside its value (document order: its key, then its entries).
    expect(keys).toEqual([payload, 'nested', payload, 'link']);
    expect(values).toEqual([payload, `${payload}${payload}`, payload, 'javascript:window.__xss=1']);
    expect(await texts(d, '[data-kind="object"] .cip-CallDataView-value')).toEqual([payload]);
  } else {
    expect(await texts(d, '.cip-CallDataView-key')).toEqual(['note', 'link']);
    expect(await texts(d, '.cip-CallDataView-value')).toEqual([pairsSafe(payload), 'javascript:window.__xss=1']);
  }
  expect(await d.panel.locator('.cip-CallDataView-value, .cip-CallDataView-text').first().isVisible()).toBe(true);
  tried.placements += format === 'json' ? 3 : format === 'pairs' ? 2 : 1;

  // Handlers that touch the payload: the copy buttons (clipboard may be refused headless; either way text).
  await d.panel.getByRole('button', { name: `Copy caller number ${payload}`, exact: true }).click();
  await expect.poll(() => d.panel.locator('[data-party="caller"] .cip-CopyButton-status').textContent(), POLL).toMatch(/^(Copied|Copy failed)$/);

  // Nothing ran and nothing became markup.
  expect(await d.page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
  expect(d.dialogs).toEqual([]);
  const injected = await d.panel.evaluate((root) =>
    [...root.querySelectorAll('script, img, iframe, object, embed, a, form, [src], [href], [srcdoc], [style]')]
      .concat([...root.querySelectorAll('*')].filter((el) => [...el.attributes].some((a) => /^on/i.test(a.name) || /javascript:/i.test(a.value) && a.name !== 'aria-label')))
      .map((el) => el.outerHTML.slice(0, 120)),
  );
  expect(injected).toEqual([]);
  // The whole page, too: the demo's event log and anything else outside the panel.
  expect(await d.page.evaluate(() => document.querySelectorAll('script:not([src]), iframe, [onerror], [onload]').length)).toBe(0);
  expect(d.requests.filter((r) => /\/x(\?|$)/.test(new URL(r.url).pathname + new URL(r.url).search))).toEqual([]);
  expect(d.cspViolations).toEqual([]);
  expect(d.pageErrors).toEqual([]);
}

describe.concurrent('hostile gateway text in Chromium under the strict CSP', () => {
  // One page per shape of call data; each plays one call per payload (the next call is asked
  // for at once with the desktop's "Refresh now", as a host does on a gateway event).
  it.for(['text', 'json', 'pairs'] as const)(`call data as %s, and every other text field, for ${PAYLOADS.length} payloads`, async (format, ctx) => {
    const { expect } = ctx;
    const d = await open(ctx, PAYLOADS[0], format);
    for (const [index, payload] of PAYLOADS.entries()) {
      if (index > 0) {
        d.sim.release(AGENT_ID);
        startHostileCall(d.sim, payload, format);
        await d.page.getByRole('button', { name: 'Refresh now', exact: true }).click();
      }
      tried.calls += 1;
      await checkCall(ctx, d, payload, format);
    }
    tried.payloads = PAYLOADS.length;
    // The policy really was in force on this page.
    const response = await d.page.request.get(d.pageUrl);
    expect(response.headers()['content-security-policy']).toBe(STRICT_CSP);
    // No Guid in any console message, whatever its level.
    expect(d.consoleMessages.filter((text) => containsAny(text, d.knownGuids()))).toEqual([]);
  });

  it('the detectors work: a payload parsed as HTML on this page is blocked by the CSP and reported', async (ctx) => {
    const { expect } = ctx;
    const d = await open(ctx, 'plain', 'text');
    await d.waitForPanel({ status: 'live' });
    // What a panel using innerHTML would do: the inline handler is refused, and reported.
    await d.page.evaluate(() => {
      const div = document.createElement('div');
      div.innerHTML = '<img src="data:," onerror="window.__xss=1">';
      document.body.append(div);
    });
    await expect.poll(() => d.cspViolations.map((v) => v.directive), POLL).toContain('script-src-attr');
    expect(await d.page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
    // Reset what this test provoked on purpose, so the after-each check judges the rest.
    d.cspViolations.length = 0;
    d.consoleErrors.splice(0, d.consoleErrors.length, ...d.consoleErrors.filter((text) => !/Content Security Policy/.test(text)));
    await d.page.evaluate(() => document.querySelector('body > div:last-child')?.remove());
  });
});

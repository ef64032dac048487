/**
 * Visual regression of the whole panel, `<CallInfoView>` from plain props, in Debian's Chromium
 * (the `visual` project of vite.config.ts). Every key state at 320 px and 800 px, light and dark;
 * a handful of them again in Simplified Chinese and Arabic at 320 px, light. Each screenshot is
 * compared with its committed PNG in test/visual/__screenshots__/ (`npm run test:visual:update`
 * rewrites them); a failing one leaves the actual and the diff in test/visual/__diff__/.
 *
 * What keeps a screenshot the same from run to run: a frozen clock (`Date` is faked at `NOW`, so
 * every timer and countdown reads the same), one font stack of installed Noto fonts (not
 * `system-ui`), no animation, transition or caret, and `document.fonts.ready` before each shot.
 */
import type { ReactElement } from 'react';
import { flushSync } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { CallInfoView, type CallInfoViewProps } from '../../src/components/CallInfoView/CallInfoView';
import type { GatewayErrorKind } from '../../src/gateway/codes';
import { GatewayError } from '../../src/gateway/GatewayError';
import type { CallInfo } from '../../src/gateway/model';
import { I18nProvider } from '../../src/i18n/I18nProvider';
import type { Messages } from '../../src/i18n/Messages';
import { ar } from '../../src/i18n/messages/ar';
import { zhCN } from '../../src/i18n/messages/zh-CN';
import '../../src/styles.css';
import {
  NOW,
  T0,
  consultLeg,
  endedLastCall,
  heldCustomerLeg,
  longJsonCall,
  makeCall,
  olderGatewayCall,
  outgoingCall,
  unknownCodesCall,
  videoRingingCall,
  voiceLiveCall,
  webChatQueuedCall,
} from '../fixtures/callInfos';


/** One font stack for every baseline: the Noto fonts .ci/run installs, never `system-ui`. */
const FONT_STACK = "'Noto Sans', 'Noto Sans CJK SC', 'Noto Sans Arabic', 'Noto Color Emoji', sans-serif";

/** Nothing moves while a screenshot is taken. */
const STILL_CSS = `
*, *::before, *::after {
  animation: none !important;
  transition: none !important;
  caret-color: transparent !important;
  scroll-behavior: auto !important;
}
html, body { margin: 0; padding: 0; background: #ffffff; }
`;

// The calls

/** A 400-character value with no break opportunity. */
const unbroken = (seed: string) => seed.repeat(Math.ceil(400 / seed.length)).slice(0, 400);

const longDataCall: CallInfo = makeCall({
  callId: `1764000000-${unbroken('7')}`,
  caller: unbroken('8613800138000'),
  called: unbroken('4008001234'),
  originalCalled: unbroken('95555'),
  skill: { id: 20011, name: unbroken('premium-support-') },
  callData: `orderId=${unbroken('A1001B')};note=${unbroken('x')}`,
});

/** A web chat an agent is answering (talking), rather than queued. */
const webChatTalkingCall: CallInfo = makeCall({
  callId: '1764000000-111',
  caller: 'visitor-8f2a',
  media: { code: 51, kind: 'web-chat' },
  ability: null,
  skill: { id: 30001, name: 'web support' },
});

const heldCall: CallInfo = makeCall({
  callId: '1764000000-109',
  trace: {
    ...voiceLiveCall.trace!,
    directMode: { raw: 'KEEP_DIRECT', kind: 'held' },
    leaveReason: { code: 18, kind: 'held', gatewayText: 'Call held' },
  },
  phase: 'held',
});

const gatewayError = (kind: GatewayErrorKind, message: string, details?: ConstructorParameters<typeof GatewayError>[2]) =>
  new GatewayError(kind, message, details);

/** Props every state shares: handlers that do nothing (the buttons show). */
const noop = () => {};

const errorState = (error: GatewayError, extra: Partial<CallInfoViewProps> = {}): CallInfoViewProps => ({
  callInfo: undefined,
  status: 'error',
  error,
  onRetry: noop,
  ...(error.retryable ? { nextRetryAt: NOW + 8_000 } : {}),
  ...extra,
});

/** Two calls of the agent, the consultation the one it is on. */
const consultation = {
  status: 'live',
  calls: [heldCustomerLeg, consultLeg],
  currentCallId: consultLeg.callId,
  onSelectCall: noop,
} as const;

/** The key states: name (the screenshot's file name) and props. */
const STATES: ReadonlyArray<readonly [string, CallInfoViewProps]> = [
  ['loading', { callInfo: undefined, status: 'loading' }],
  ['no-call', { callInfo: null, status: 'no-call' }],
  ['live-talking', { callInfo: voiceLiveCall, status: 'live' }],
  ['live-held', { callInfo: heldCall, status: 'live' }],
  ['live-ringing', { callInfo: videoRingingCall, status: 'live' }],
  ['live-queued', { callInfo: webChatQueuedCall, status: 'live' }],
  ['live-web-chat', { callInfo: webChatTalkingCall, status: 'live' }],
  ['live-outgoing', { callInfo: outgoingCall, status: 'live' }],
  ['live-json-call-data', { callInfo: longJsonCall, status: 'live' }],
  ['live-long-data', { callInfo: longDataCall, status: 'live' }],
  ['live-unknown-codes', { callInfo: unknownCodesCall, status: 'live' }],
  ['live-older-gateway', { callInfo: olderGatewayCall, status: 'live' }],
  [
    'live-stale',
    {
      callInfo: voiceLiveCall,
      status: 'live',
      freshness: 'stale',
      lastUpdatedAt: NOW - 30_000,
      nextRetryAt: NOW + 8_000,
      error: gatewayError('http', 'The gateway answered HTTP 502.', { status: 502 }),
      onRetry: noop,
    },
  ],
  ['last-call', { callInfo: endedLastCall, status: 'last-call' }],
  [
    'last-call-stale',
    {
      callInfo: endedLastCall,
      status: 'last-call',
      freshness: 'stale',
      lastUpdatedAt: NOW - 30_000,
      nextRetryAt: NOW + 8_000,
      error: gatewayError('network', 'fetch failed'),
    },
  ],
  ['signed-out', { callInfo: undefined, status: 'signed-out' }],
  ['signed-out-with-sign-in', { callInfo: undefined, status: 'signed-out', onReauthenticate: noop }],
  ['auth-expired', { callInfo: undefined, status: 'auth-expired', onReauthenticate: noop }],
  [
    'auth-expired-mid-call',
    { callInfo: voiceLiveCall, status: 'auth-expired', freshness: 'stale', lastUpdatedAt: NOW - 12_000, onReauthenticate: noop },
  ],
  ['error-network', errorState(gatewayError('network', 'fetch failed'))],
  ['error-timeout', errorState(gatewayError('timeout', 'No answer in 10 s.'))],
  ['error-rate-limited', errorState(gatewayError('rate-limited', 'Too many requests.', { retcode: '100-002' }), { nextRetryAt: NOW + 23_000 })],
  [
    'error-bad-response',
    errorState(
      gatewayError('bad-response', 'The answer did not match the schema.', {
        issues: ['result.trace.talkBeginTime: expected a number', 'result.caller: expected text'],
      }),
    ),
  ],
  ['error-not-signed-in', errorState(gatewayError('not-signed-in', 'Agent not signed in.', { retcode: '100-006' }))],
  ['error-invalid-agent-id', errorState(gatewayError('invalid-agent-id', 'Agent ID is not valid.', { retcode: '100-001' }))],
  ['error-http', errorState(gatewayError('http', 'The gateway answered HTTP 502.', { status: 502 }), { nextRetryAt: NOW + 30_000 })],
  ['error-gateway', errorState(gatewayError('gateway', 'Gateway failure.', { retcode: '000-002' }))],
  ['error-switching-over', errorState(gatewayError('switching-over', 'The gateway is switching over.'))],
  // Every call of the agent: a consultation, the customer held; then the customer's tab picked.
  ['live-consult', { ...consultation, callInfo: consultLeg, selectedCallId: consultLeg.callId }],
  ['live-consult-customer', { ...consultation, callInfo: heldCustomerLeg, selectedCallId: heldCustomerLeg.callId }],
  [
    'live-host-room',
    {
      callInfo: outgoingCall,
      status: 'live',
      renderActions: () => <button type="button">Transfer</button>,
      formatNumber: (number: string) => `•••• ${number.slice(-4)}`,
      extraSections: [{ id: 'crm', title: 'Customer', group: 'glance', render: () => <p>Gold tier since 2019</p> }],
    },
  ],
];

/** The states shown again in Simplified Chinese and Arabic (320 px, light). */
const LOCALISED_STATES = ['live-talking', 'live-stale', 'last-call', 'auth-expired-mid-call', 'error-rate-limited', 'live-unknown-codes', 'live-consult'];

const WIDTHS = [320, 800] as const;
const SCHEMES = ['light', 'dark'] as const;

type Locale = { locale: string; messages: Partial<Messages> | undefined; dir: 'ltr' | 'rtl' };
const LOCALES: Record<'en' | 'zh-CN' | 'ar', Locale> = {
  en: { locale: 'en', messages: undefined, dir: 'ltr' },
  'zh-CN': { locale: 'zh-CN', messages: zhCN, dir: 'ltr' },
  ar: { locale: 'ar', messages: ar, dir: 'rtl' },
};

// The page: one, reused for every screenshot

let host: HTMLDivElement;
let root: Root | undefined;

beforeAll(() => {
  const style = document.createElement('style');
  style.textContent = STILL_CSS;
  document.head.append(style);
  host = document.createElement('div');
  document.body.append(host);
  // Every panel timer and countdown counts from Date.now(): frozen, they read the same each run.
  vi.useFakeTimers({ toFake: ['Date'], now: NOW });
});

afterEach(() => {
  root?.unmount();
  root = undefined;
});

afterAll(() => {
  vi.useRealTimers();
  host.remove();
});

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

/** Renders `element` in a wrapper of `width` px and the scheme's surface; resolves to the wrapper. */
async function renderInWrapper(element: ReactElement, width: number, scheme: 'light' | 'dark', dir: 'ltr' | 'rtl'): Promise<HTMLElement> {
  const wrapper = document.createElement('div');
  wrapper.setAttribute('data-testid', 'visual-wrapper');
  wrapper.setAttribute('data-color-scheme', scheme);
  wrapper.dir = dir;
  wrapper.style.cssText = `width: ${width}px; padding: 8px; box-sizing: content-box; background: var(--cip-surface); --cip-font-family: ${FONT_STACK}; font-family: var(--cip-font-family);`;
  host.replaceChildren(wrapper);
  // A panel that throws leaves an empty wrapper: fail with its error, not with a 16 px screenshot.
  const errors: unknown[] = [];
  root = createRoot(wrapper, { onUncaughtError: (error) => errors.push(error), onCaughtError: (error) => errors.push(error) });
  flushSync(() => root!.render(element));
  await document.fonts.ready;
  await nextFrame();
  await nextFrame();
  if (errors.length > 0) throw errors[0];
  expect(wrapper.querySelector('[data-status]'), 'the panel rendered').not.toBeNull();
  return wrapper;
}

function panel(props: CallInfoViewProps, scheme: 'light' | 'dark', { locale, messages }: Locale): ReactElement {
  return (
    <I18nProvider locale={locale} messages={messages}>
      <CallInfoView {...props} colorScheme={scheme} />
    </I18nProvider>
  );
}

describe('CallInfoView screenshots', () => {
  for (const [name, props] of STATES) {
    for (const width of WIDTHS) {
      for (const scheme of SCHEMES) {
        const shot = `${name}-${width}-${scheme}`;
        test(shot, async () => {
          const wrapper = await renderInWrapper(panel(props, scheme, LOCALES.en), width, scheme, 'ltr');
          await expect(wrapper).toMatchScreenshot(shot);
        });
      }
    }
  }

  for (const key of ['zh-CN', 'ar'] as const) {
    for (const name of LOCALISED_STATES) {
      const props = STATES.find(([state]) => state === name)![1];
      const shot = `${name}-320-light-${key}`;
      test(shot, async () => {
        const locale = LOCALES[key];
        const wrapper = await renderInWrapper(panel(props, 'light', locale), 320, 'light', locale.dir);
        if (key === 'ar') expect(wrapper.querySelector('[dir="rtl"]')).not.toBeNull();
        await expect(wrapper).toMatchScreenshot(shot);
      });
    }
  }
});

test('the page is not scaled: a screenshot has a pixel per CSS pixel', () => {
  // Vitest scales the test iframe down when the window is smaller than `browser.viewport`.
  expect(window.frameElement?.parentElement?.getAttribute('data-scale')).toBe('1');
  expect(window.devicePixelRatio).toBe(1);
  expect(matchMedia('(prefers-reduced-motion: reduce)').matches).toBe(true);
});

test('the clock is frozen at the fixtures’ NOW', () => {
  expect(Date.now()).toBe(NOW);
  expect(NOW - T0).toBe(65_000);
});

/** What the screenshots cannot say in numbers: the layout's rules, measured in Chromium. */
describe('CallInfoView layout', () => {
  const propsOf = (name: string) => STATES.find(([state]) => state === name)![1];
  const box = (el: Element | null) => el!.getBoundingClientRect();
  const px = (el: Element) => Number.parseFloat(getComputedStyle(el).fontSize);

  test.each([320, 800])("the other party's number is the largest text, at least 1.25 times the heading (%i px)", async (width) => {
    for (const name of ['live-talking', 'live-outgoing']) {
      const wrapper = await renderInWrapper(panel(propsOf(name), 'light', LOCALES.en), width, 'light', 'ltr');
      const number = wrapper.querySelector('[data-role="other"] .cip-CallParties-number')!;
      expect(number.textContent).toBe(name === 'live-outgoing' ? outgoingCall.called : voiceLiveCall.caller);
      expect(px(number)).toBeGreaterThanOrEqual(1.25 * px(wrapper.querySelector('h2')!));
      const texts = [...wrapper.querySelectorAll('*')].filter(
        (el) => el !== number && [...el.childNodes].some((node) => node.nodeType === Node.TEXT_NODE && node.textContent!.trim()),
      );
      for (const el of texts) expect(px(el), el.className).toBeLessThan(px(number));
    }
  });

  test.each(WIDTHS)('nothing overflows the panel sideways, in any state (%i px)', async (width) => {
    for (const [name, props] of STATES) {
      const wrapper = await renderInWrapper(panel(props, 'light', LOCALES.en), width, 'light', 'ltr');
      const root = wrapper.querySelector('[data-slot="call-info-view"]')!;
      expect(root.scrollWidth, name).toBeLessThanOrEqual(root.clientWidth);
      const { right } = box(root);
      for (const el of root.querySelectorAll('*')) expect(box(el).right, `${name}: ${el.className}`).toBeLessThanOrEqual(right + 0.5);
    }
  });

  test('one column in a side rail, two from about 720 px', async () => {
    const columns = async (width: number) => {
      const wrapper = await renderInWrapper(panel(propsOf('live-talking'), 'light', LOCALES.en), width, 'light', 'ltr');
      const [glance, more] = [...wrapper.querySelectorAll('.cip-CallInfoView-group')].map(box);
      return glance!.top === more!.top && more!.left > glance!.right ? 2 : more!.top >= glance!.bottom ? 1 : NaN;
    };
    expect(await columns(320)).toBe(1);
    expect(await columns(480)).toBe(1);
    expect(await columns(800)).toBe(2);
    expect(await columns(1200)).toBe(2);
  });

  test.each(WIDTHS)('one label column: every list puts its values at one offset (%i px)', async (width) => {
    const wrapper = await renderInWrapper(panel(propsOf('live-talking'), 'light', LOCALES.en), width, 'light', 'ltr');
    const offset = (selector: string) => {
      const el = wrapper.querySelector(selector)!;
      return box(el).left - box(el.closest('.cip-CallInfoView-section')).left;
    };
    const parties = offset('[data-party]:not([data-role]) .cip-CallParties-value');
    expect(offset('.cip-CallDetails-value')).toBeCloseTo(parties, 0);
    expect(offset('.cip-CallDataView-value')).toBeCloseTo(parties, 0);
  });

  test('copy feedback does not move the layout', async () => {
    const wrapper = await renderInWrapper(panel(propsOf('live-talking'), 'light', LOCALES.en), 320, 'light', 'ltr');
    const called = wrapper.querySelector('[data-party="called"]')!;
    const before = [box(called), box(wrapper.querySelector('.cip-CallInfoView-group'))].map((r) => [r.left, r.top, r.width, r.height]);
    const button = called.querySelector('button')!;
    button.click();
    await vi.waitFor(() => expect(button.getAttribute('data-state')).not.toBe('idle'));
    expect(called.querySelector('[role="status"]')!.textContent).not.toBe('');
    const after = [box(called), box(wrapper.querySelector('.cip-CallInfoView-group'))].map((r) => [r.left, r.top, r.width, r.height]);
    expect(after).toEqual(before);
  });

  test('in a fixed-height container the content starts at the top, rows unstretched', async () => {
    const tall = (
      <I18nProvider locale="en">
        <CallInfoView callInfo={null} status="no-call" colorScheme="light" style={{ blockSize: '900px' }} />
      </I18nProvider>
    );
    const wrapper = await renderInWrapper(tall, 320, 'light', 'ltr');
    const root = box(wrapper.querySelector('[data-slot="call-info-view"]'));
    expect(root.height).toBeGreaterThanOrEqual(900);
    const header = box(wrapper.querySelector('header'));
    const body = box(wrapper.querySelector('.cip-CallInfoView-body'));
    expect(header.top - root.top).toBeLessThan(24);
    expect(body.top - header.bottom).toBeLessThan(24);
    expect(body.height).toBeLessThan(100);
  });
});

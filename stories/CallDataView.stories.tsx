import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, within } from 'storybook/test';
import { ARABIC, DARK } from '../.storybook/globals';
import { CallDataView } from '../src/components/CallDataView/CallDataView';
import { longJsonCallData, voiceLiveCall, xssCall, xssPairsCallData, xssPayloads } from '../test/fixtures/callInfos';
import { storyI18n } from './support/i18n';
import { inSideRail } from './support/sideRail';

/**
 * Call-associated data: free, untrusted text set by the IVR or other agents. Base64 first when
 * `callDataEncoding="base64"`; a JSON object (objects and arrays in it as nested lists, 4 deep at
 * most), positional values named by `callDataFields`, or `key=value` pairs read as a key/value
 * list, anything else as wrapped text; always inert text, never markup. `callDataLabels` names
 * keys, `callDataLinks` makes values http(s), tel or mailto links. Long data starts collapsed
 * behind "Show all (N)" / Show less.
 */
/** Base64 of UTF-8 text, as `appdata?isEncodeResult=true` sends call data. */
const base64 = (text: string) => btoa(String.fromCharCode(...new TextEncoder().encode(text)));
const rootOf = (canvasElement: HTMLElement) => canvasElement.querySelector('[data-slot="call-data-view"]');

const meta = {
  title: 'Parts/CallDataView',
  component: CallDataView,
  args: { data: voiceLiveCall.callData },
} satisfies Meta<typeof CallDataView>;

export default meta;
type Story = StoryObj<typeof meta>;

/** `orderId=A-1001;tier=gold`, as the fixtures' live call: a key/value list. */
export const KeyValuePairs: Story = {
  play: async ({ canvas, canvasElement }) => {
    await expect(canvasElement.querySelector('[data-slot="call-data-view"]')).toHaveAttribute('data-format', 'pairs');
    await expect(canvas.getByText('orderId')).toBeVisible();
    await expect(canvas.getByText('A-1001')).toBeVisible();
  },
};

/** A short JSON object: a key/value list; nested objects and arrays as nested lists. */
export const Json: Story = {
  args: {
    data: JSON.stringify({
      orderId: 'A-1001',
      verified: true,
      openTickets: [4411, 4412],
      shipping: { city: 'Shenzhen', address: { line1: '1 Keji Rd', geo: { lat: 22.5, lng: 113.9 } } },
    }),
  },
  play: async ({ canvas, canvasElement }) => {
    await expect(canvasElement.querySelector('[data-slot="call-data-view"]')).toHaveAttribute('data-format', 'json');
    const tickets = canvasElement.querySelector('dl[data-kind="array"]');
    await expect(tickets).not.toBeNull();
    await expect(canvas.getByText('4412')).toBeVisible();
    await expect(canvas.queryByText('[4411,4412]')).toBeNull();
    // Four lists deep at most: `geo` is the fourth, its values are text.
    await expect(canvasElement.querySelector('dl dl dl dl')).not.toBeNull();
    await expect(canvasElement.querySelector('dl dl dl dl dl')).toBeNull();
  },
};

/** A 400-character value without a space, at 320 px: it wraps inside its cell, nothing overflows. */
export const LongUnbrokenValue: Story = {
  args: { data: `token=${'A1b2C3d4'.repeat(50)};tier=gold`, defaultExpanded: true },
  decorators: [inSideRail],
  play: async ({ canvasElement }) => {
    const root = canvasElement.querySelector<HTMLElement>('[data-slot="call-data-view"]')!;
    await expect(root.scrollWidth).toBeLessThanOrEqual(root.clientWidth);
    const value = root.querySelector<HTMLElement>('dd')!;
    await expect(value.getBoundingClientRect().right).toBeLessThanOrEqual(root.getBoundingClientRect().right + 0.5);
  },
};

/**
 * Arabic (RTL): Latin keys and values are isolated in `<bdi>`, so every cell starts at the
 * panel's start (right) edge while each text keeps its own direction.
 */
export const RightToLeft: Story = {
  args: { data: JSON.stringify({ orderId: 'A-1001', 'ملاحظة': 'اتصل بعد الساعة 5', tier: 'gold' }) },
  globals: ARABIC,
  play: async ({ canvasElement }) => {
    const root = canvasElement.querySelector<HTMLElement>('[data-slot="call-data-view"]')!;
    for (const cell of root.querySelectorAll('dt, dd')) {
      await expect(cell).not.toHaveAttribute('dir');
      await expect(cell.firstElementChild?.tagName).toBe('BDI');
    }
    // Keys hug the right edge: each key's text ends where its cell does.
    for (const key of root.querySelectorAll<HTMLElement>('dt')) {
      const cell = key.getBoundingClientRect();
      const text = key.querySelector('bdi')!.getBoundingClientRect();
      await expect(Math.abs(cell.right - text.right)).toBeLessThan(1);
    }
  },
};

/** Prose: wrapped text. */
export const PlainText: Story = {
  args: { data: 'Customer called about the duplicate charge; prefers a call back after 6 pm.' },
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelector('[data-slot="call-data-view"]')).toHaveAttribute('data-format', 'text');
  },
};

/** Nothing set: "No call data" (the panel hides the section instead). */
export const Empty: Story = { args: { data: '' } };

/**
 * Long JSON (10 keys, over 200 characters) starts collapsed; "Show all (10)" expands it and Show
 * less collapses it again (`aria-expanded` flips, `aria-controls` names the list).
 */
export const LongCollapsed: Story = {
  args: { data: longJsonCallData },
  play: async ({ canvas, canvasElement, globals }) => {
    const { t, tMatch } = storyI18n(globals);
    const root = canvasElement.querySelector('[data-slot="call-data-view"]');
    // The count in the locale's digits: any number matches.
    const toggle = canvas.getByRole('button', { name: tMatch('callData.expand') });
    await expect(root).toHaveAttribute('data-state', 'collapsed');
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await expect(canvasElement.querySelector(`#${CSS.escape(toggle.getAttribute('aria-controls') ?? '')}`)).not.toBeNull();
    await expect(canvas.queryByText('region')).toBeNull();

    await userEvent.click(toggle);
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await expect(toggle).toHaveAccessibleName(t('callData.collapse'));
    await expect(root).toHaveAttribute('data-state', 'expanded');
    await expect(canvas.getByText('region')).toBeVisible();

    await userEvent.click(toggle);
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await expect(root).toHaveAttribute('data-state', 'collapsed');
  },
};

/** Long data can start expanded. */
export const LongExpanded: Story = { args: { data: longJsonCallData, defaultExpanded: true } };

/** Long prose collapses too. */
export const LongText: Story = { args: { data: `${'A note from the IVR. '.repeat(20)}End.` } };

/** Markup from a hostile IVR or agent is shown as text: no element is created, no script runs. */
export const MarkupIsText: Story = {
  args: { data: xssCall.callData },
  play: async ({ canvas, canvasElement }) => {
    await expect(canvas.getByText(`${xssPayloads.script}${xssPayloads.img}`)).toBeVisible();
    await expect(canvasElement.querySelector('script, img')).toBeNull();
    await expect((window as { __pwned?: unknown }).__pwned).toBeUndefined();
  },
};

/** The same payloads as key/value pairs: still text. */
export const MarkupInPairs: Story = {
  args: { data: xssPairsCallData },
  play: async ({ canvas, canvasElement }) => {
    await expect(canvas.getByText(xssPayloads.img)).toBeVisible();
    await expect(canvasElement.querySelector('img')).toBeNull();
  },
};

export const LongCollapsedDark: Story = { ...LongCollapsed, globals: DARK };

/** `callDataEncoding="base64"`: Base64 of UTF-8 JSON is decoded, then read as JSON (`data-encoding="base64"`). */
export const Base64: Story = {
  args: { data: base64(JSON.stringify({ orderId: 'A-1001', city: '深圳', note: '请在 18:00 后回电' })), callDataEncoding: 'base64' },
  play: async ({ canvas, canvasElement }) => {
    await expect(rootOf(canvasElement)).toHaveAttribute('data-encoding', 'base64');
    await expect(rootOf(canvasElement)).toHaveAttribute('data-format', 'json');
    await expect(canvas.getByText('深圳')).toBeVisible();
  },
};

/** Base64 asked for, but the text is not Base64 of UTF-8 text: shown as it came (`data-encoding="invalid"`). */
export const Base64Invalid: Story = {
  args: { data: '//79/A==', callDataEncoding: 'base64' },
  play: async ({ canvas, canvasElement }) => {
    await expect(rootOf(canvasElement)).toHaveAttribute('data-encoding', 'invalid');
    await expect(rootOf(canvasElement)).toHaveAttribute('data-format', 'text');
    await expect(canvas.getByText('//79/A==')).toBeVisible();
  },
};

/**
 * `callDataFields`: comma-separated values named by position. Empty values are left out (their
 * positions still count); values beyond the names are "Field N".
 */
export const PositionalFields: Story = {
  args: { data: '70004, A-1001 ,gold,,callback-requested', callDataFields: ['caller', 'orderId', 'tier', 'queue'] },
  play: async ({ canvas, canvasElement, globals }) => {
    const { tMatch } = storyI18n(globals);
    await expect(rootOf(canvasElement)).toHaveAttribute('data-format', 'fields');
    await expect(canvasElement.querySelectorAll('dt')).toHaveLength(4);
    await expect(canvas.queryByText('queue')).toBeNull();
    await expect(canvas.getByText(tMatch('callData.field'))).toBeVisible();
    await expect(canvas.getByText('callback-requested')).toBeVisible();
  },
};

/** `callDataLabels`: labels instead of keys; nested JSON keys by dotted path first (`order.id`), then by bare key. */
export const Labels: Story = {
  args: {
    data: JSON.stringify({ acct: '88-1024', order: { id: 'A-1001', items: ['SIM card'] }, id: 'T-9' }),
    callDataLabels: { acct: 'Account number', 'order.id': 'Order number', 'order.items.1': 'First item', id: 'Ticket number' },
  },
  play: async ({ canvasElement }) => {
    const keys = [...canvasElement.querySelectorAll('dt')].map((dt) => dt.textContent);
    await expect(keys).toEqual(['Account number', 'order', 'Order number', 'items', 'First item', 'Ticket number']);
  },
};

/**
 * `callDataLinks`: a builder per key turns a value into a link. http(s) links open in a new tab
 * and say so to assistive technology; tel and mailto stay in the tab; anything else (here a
 * `javascript:` URL from a careless builder) stays plain text.
 */
export const Links: Story = {
  args: {
    data: 'orderId=A-1001;phone=+8613800138000;email=li.lei@example.com;ticket=T-9;notes=see CRM',
    callDataLinks: {
      orderId: (value) => `https://crm.example/orders/${encodeURIComponent(value)}`,
      phone: (value) => `tel:${value}`,
      email: (value) => `mailto:${value}`,
      ticket: (value) => `/tickets/${value}`,
      notes: () => ' JAVASCRIPT:window.__pwned=true',
    },
  },
  play: async ({ canvas, canvasElement, globals }) => {
    const { t } = storyI18n(globals);
    const order = canvas.getByRole('link', { name: `A-1001 ${t('callData.newTab')}` });
    await expect(order).toHaveAttribute('href', 'https://crm.example/orders/A-1001');
    await expect(order).toHaveAttribute('target', '_blank');
    await expect(order).toHaveAttribute('rel', 'noopener noreferrer');
    const phone = canvas.getByRole('link', { name: '+8613800138000' });
    await expect(phone).not.toHaveAttribute('target');
    await expect(canvas.getByRole('link', { name: 'li.lei@example.com' })).toHaveAttribute('href', 'mailto:li.lei@example.com');
    const ticket = canvas.getByRole('link', { name: `T-9 ${t('callData.newTab')}` });
    await expect(ticket).toHaveAttribute('href', new URL('/tickets/T-9', document.baseURI).href);
    // The hidden words take no room: the link is as wide as its value.
    await expect(within(order).getByText(t('callData.newTab')).getBoundingClientRect().width).toBeLessThanOrEqual(1);
    const value = order.querySelector('bdi')!.getBoundingClientRect();
    await expect(order.getBoundingClientRect().right - value.right).toBeLessThan(1);
    await expect(canvas.getByText('see CRM').closest('a')).toBeNull();
    await expect(canvasElement.querySelectorAll('a')).toHaveLength(4);
  },
};

export const LinksDark: Story = { ...Links, globals: DARK };


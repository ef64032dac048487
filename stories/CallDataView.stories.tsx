import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent } from 'storybook/test';
import { ARABIC, DARK } from '../.storybook/globals';
import { CallDataView } from '../src/components/CallDataView/CallDataView';
import { longJsonCallData, voiceLiveCall, xssCall, xssPairsCallData, xssPayloads } from '../test/fixtures/callInfos';
import { storyI18n } from './support/i18n';
import { inSideRail } from './support/sideRail';

/**
 * Call-associated data: free, untrusted text set by the IVR or other agents. A JSON object (objects
 * and arrays in it as nested lists, 4 deep at most) or `key=value` pairs read as a key/value list,
 * anything else as wrapped text; always inert text, never markup. Long data starts collapsed
 * behind "Show all (N)" / Show less.
 */
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

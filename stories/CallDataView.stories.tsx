import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent } from 'storybook/test';
import { DARK } from '../.storybook/globals';
import { CallDataView } from '../src/components/CallDataView/CallDataView';
import { en } from '../src/i18n/messages/en';
import { longJsonCallData, voiceLiveCall, xssCall, xssPairsCallData, xssPayloads } from '../test/fixtures/callInfos';

/**
 * Call-associated data: free, untrusted text set by the IVR or other agents. A JSON object or
 * `key=value` pairs read as a key/value list, anything else as wrapped text; always inert text,
 * never markup. Long data starts collapsed behind Show all / Show less.
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

/** A short JSON object: a key/value list; nested values as JSON text. */
export const Json: Story = {
  args: { data: JSON.stringify({ orderId: 'A-1001', verified: true, openTickets: [4411, 4412] }) },
  play: async ({ canvas, canvasElement }) => {
    await expect(canvasElement.querySelector('[data-slot="call-data-view"]')).toHaveAttribute('data-format', 'json');
    await expect(canvas.getByText('[4411,4412]')).toBeVisible();
  },
};

/** Prose: wrapped text. */
export const PlainText: Story = {
  args: { data: 'Customer called about the duplicate charge; prefers a call back after 6 pm.' },
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelector('[data-slot="call-data-view"]')).toHaveAttribute('data-format', 'text');
  },
};

/** Nothing set: "No call data". */
export const Empty: Story = { args: { data: '' } };

/**
 * Long JSON (10 keys, over 200 characters) starts collapsed; Show all expands it and Show less
 * collapses it again (`aria-expanded` flips, `aria-controls` names the list).
 */
export const LongCollapsed: Story = {
  args: { data: longJsonCallData },
  play: async ({ canvas, canvasElement }) => {
    const root = canvasElement.querySelector('[data-slot="call-data-view"]');
    const toggle = canvas.getByRole('button', { name: en['callData.expand'] });
    await expect(root).toHaveAttribute('data-state', 'collapsed');
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await expect(canvasElement.querySelector(`#${CSS.escape(toggle.getAttribute('aria-controls') ?? '')}`)).not.toBeNull();
    await expect(canvas.queryByText('region')).toBeNull();

    await userEvent.click(toggle);
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await expect(toggle).toHaveAccessibleName(en['callData.collapse']);
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

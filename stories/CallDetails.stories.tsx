import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent } from 'storybook/test';
import { ARABIC, DARK } from '../.storybook/globals';
import { CallDetails } from '../src/components/CallDetails/CallDetails';
import { olderGatewayCall, voiceLiveCall } from '../test/fixtures/callInfos';
import { stubClipboard } from './support/clipboard';
import { storyI18n } from './support/i18n';
import { inSideRail } from './support/sideRail';

/**
 * The call's facts: call ID (copyable), customer priority, trunk, VDN, begin time, waiting time and
 * call duration. Fields with no value (no trunk, priority 0, VDN 0) are hidden unless `showEmptyFields`.
 */
const meta = {
  title: 'Parts/CallDetails',
  component: CallDetails,
  args: {
    callId: voiceLiveCall.callId,
    priority: voiceLiveCall.priority,
    trunkNo: voiceLiveCall.trunkNo,
    vdnId: voiceLiveCall.vdnId,
    beginTime: voiceLiveCall.beginTime,
    waitSeconds: voiceLiveCall.waitSeconds,
  },
} satisfies Meta<typeof CallDetails>;

export default meta;
type Story = StoryObj<typeof meta>;

const entries = (canvasElement: HTMLElement) =>
  [...canvasElement.querySelectorAll('[data-entry]')].map((entry) => entry.getAttribute('data-entry'));

/** Every fact, as the fixtures' live voice call has them. */
export const Full: Story = {
  play: async ({ canvasElement, canvas }) => {
    await expect(entries(canvasElement)).toEqual(['callId', 'priority', 'trunk', 'vdn', 'beginTime', 'waitTime']);
    await expect(canvas.getByText('0:12')).toHaveAttribute('datetime', 'PT12S');
  },
};

/** An older gateway: no trunk (the wire's 65535), no VDN, no waiting time: those rows are hidden. */
export const OlderGateway: Story = {
  args: {
    callId: olderGatewayCall.callId,
    trunkNo: olderGatewayCall.trunkNo,
    vdnId: olderGatewayCall.vdnId,
    waitSeconds: olderGatewayCall.waitSeconds,
  },
  play: async ({ canvasElement, canvas, globals }) => {
    await expect(entries(canvasElement)).toEqual(['callId', 'priority', 'beginTime']);
    await expect(canvas.queryByText(storyI18n(globals).t('value.none'))).toBeNull();
  },
};

/** `showEmptyFields`: no trunk reads "None", priority 0 and VDN 0 are shown. */
export const EmptyFieldsShown: Story = {
  args: { trunkNo: null, priority: 0, vdnId: 0, showEmptyFields: true },
  play: async ({ canvasElement, globals }) => {
    await expect(entries(canvasElement)).toEqual(['callId', 'priority', 'trunk', 'vdn', 'beginTime', 'waitTime']);
    const trunk = canvasElement.querySelector('[data-entry="trunk"] dd');
    await expect(trunk).toHaveTextContent(storyI18n(globals).t('value.none'));
  },
};

/** With `showDuration`: a ticking call duration row. */
export const WithDuration: Story = {
  args: { showDuration: true },
  render: (args, { loaded }) => (
    <CallDetails {...args} beginTime={typeof loaded?.now === 'number' ? loaded.now - 65_000 : Date.now() - 65_000} />
  ),
  play: async ({ canvasElement }) => {
    await expect(entries(canvasElement)).toContain('duration');
    await expect(canvasElement.querySelector('[data-entry="duration"] [data-timer="call"]')).toHaveAttribute('data-state', 'running');
  },
};

/** A 400-character call ID without a space, at 320 px: it wraps, nothing overflows. */
export const LongCallIdNarrow: Story = {
  args: { callId: 'X7'.repeat(200) },
  decorators: [inSideRail],
  play: async ({ canvasElement }) => {
    const root = canvasElement.querySelector<HTMLElement>('[data-slot="call-details"]')!;
    await expect(root.scrollWidth).toBeLessThanOrEqual(root.clientWidth);
  },
};

/** Only the call ID. */
export const CallIdOnly: Story = {
  args: { priority: null, vdnId: null, beginTime: null, waitSeconds: null },
};

/** Copying the call ID: the icon turns to a check and "Copied" floats over the row; nothing moves. */
export const CopyCallId: Story = {
  beforeEach: stubClipboard(),
  play: async ({ canvas, canvasElement, globals }) => {
    const { t } = storyI18n(globals);
    const button = canvas.getByRole('button', { name: t('copy.callId', { value: voiceLiveCall.callId }) });
    const id = canvasElement.querySelector('.cip-CallDetails-callId')!;
    const before = id.getBoundingClientRect();
    const rows = canvasElement.querySelector('[data-slot="call-details"]')!.getBoundingClientRect();
    await userEvent.click(button);
    await expect(navigator.clipboard.writeText).toHaveBeenCalledWith(voiceLiveCall.callId);
    const status = await canvas.findByRole('status');
    await expect(status).toHaveTextContent(t('copy.done'));
    await expect(status).toBeVisible();
    await expect(getComputedStyle(status).position).toBe('absolute');
    await expect(button.querySelector('[data-icon="check"]')).not.toBeNull();
    // No reflow: the call ID and the list keep their boxes.
    await expect(id.getBoundingClientRect().toJSON()).toEqual(before.toJSON());
    await expect(canvasElement.querySelector('[data-slot="call-details"]')!.getBoundingClientRect().height).toBe(rows.height);
  },
};

/** Arabic (RTL): one label column, terms at the right edge. */
export const RightToLeft: Story = {
  globals: ARABIC,
};

/** Simplified Chinese: labels and the date in the locale's format. */
export const Chinese: Story = { globals: { locale: 'zh-CN' } };

export const Dark: Story = { globals: DARK };

import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent } from 'storybook/test';
import { DARK } from '../.storybook/globals';
import { CallDetails } from '../src/components/CallDetails/CallDetails';
import { en } from '../src/i18n/messages/en';
import { olderGatewayCall, voiceLiveCall } from '../test/fixtures/callInfos';
import { stubClipboard } from './support/clipboard';

/** The call's facts: call ID (copyable), customer priority, trunk, VDN, begin time and waiting time. */
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

/** An older gateway: no trunk ("None", the wire's 65535), no VDN, no waiting time. */
export const OlderGateway: Story = {
  args: {
    callId: olderGatewayCall.callId,
    trunkNo: olderGatewayCall.trunkNo,
    vdnId: olderGatewayCall.vdnId,
    waitSeconds: olderGatewayCall.waitSeconds,
  },
  play: async ({ canvasElement, canvas }) => {
    await expect(entries(canvasElement)).toEqual(['callId', 'priority', 'trunk', 'beginTime']);
    await expect(canvas.getByText(en['value.none'])).toBeVisible();
  },
};

/** Only the call ID. */
export const CallIdOnly: Story = {
  args: { priority: null, vdnId: null, beginTime: null, waitSeconds: null },
};

/** Copying the call ID. */
export const CopyCallId: Story = {
  beforeEach: stubClipboard(),
  play: async ({ canvas }) => {
    const button = canvas.getByRole('button', { name: `Copy call ID ${voiceLiveCall.callId}` });
    await userEvent.click(button);
    await expect(navigator.clipboard.writeText).toHaveBeenCalledWith(voiceLiveCall.callId);
    await expect(await canvas.findByText(en['copy.done'])).toBeVisible();
  },
};

/** Simplified Chinese: labels and the date in the locale's format. */
export const Chinese: Story = { globals: { locale: 'zh-CN' } };

export const Dark: Story = { globals: DARK };

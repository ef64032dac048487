import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { DARK } from '../.storybook/globals';
import { TraceTimeline } from '../src/components/TraceTimeline/TraceTimeline';
import type { CallInfo } from '../src/gateway/model';
import {
  endedLastCall,
  olderGatewayCall,
  unknownCodesCall,
  videoRingingCall,
  voiceLiveCall,
  webChatQueuedCall,
} from '../test/fixtures/callInfos';
import { heldCall, overflowQueuedCall } from './support/calls';
import { rebaseTime, rebaseTrace } from './support/rebase';
import { storyNow } from './support/storyContext';

const fromCall = (call: CallInfo) => ({ trace: call.trace, phase: call.phase, endTime: call.endTime });

/**
 * The call's track on the current device: queue wait, ringing and talk (the open segment ticks),
 * then the device, how the call left it and why it entered and left, in words with the gateway's
 * own text. The stories move the fixtures' moments to the story's clock, so open segments tick
 * from the same durations the tests see.
 */
const meta = {
  title: 'Parts/TraceTimeline',
  component: TraceTimeline,
  args: fromCall(voiceLiveCall),
  render: (args, { loaded }) => {
    const now = storyNow(loaded);
    return <TraceTimeline {...args} trace={rebaseTrace(args.trace, now)} endTime={rebaseTime(args.endTime ?? null, now)} />;
  },
} satisfies Meta<typeof TraceTimeline>;

export default meta;
type Story = StoryObj<typeof meta>;

const segmentStates = (canvasElement: HTMLElement) =>
  [...canvasElement.querySelectorAll('[data-segment]')].map((li) => `${li.getAttribute('data-segment')}:${li.getAttribute('data-state')}`);

/** Waiting in a queue: the wait is open, ringing and talk not reached. */
export const Queued: Story = {
  args: fromCall(webChatQueuedCall),
  play: async ({ canvasElement }) => {
    await expect(segmentStates(canvasElement)).toEqual(['wait:active', 'answer:not-reached', 'talk:not-reached']);
  },
};

/** Offered to the agent: the wait is done, ringing is open. */
export const Ringing: Story = {
  args: fromCall(videoRingingCall),
  play: async ({ canvasElement }) => {
    await expect(segmentStates(canvasElement)).toEqual(['wait:done', 'answer:active', 'talk:not-reached']);
  },
};

/** In conversation. */
export const Talking: Story = {
  play: async ({ canvasElement }) => {
    await expect(segmentStates(canvasElement)).toEqual(['wait:done', 'answer:done', 'talk:active']);
  },
};

/** Held: "Left the device: Held", "Left because: Call held". */
export const Held: Story = {
  args: fromCall(heldCall),
  play: async ({ canvas }) => {
    await expect(canvas.getByText('Held')).toBeVisible();
    await expect(canvas.getByText('Call held')).toBeVisible();
  },
};

/**
 * The agent's previous call: the gateway sends no segment ends for a last call, so each segment
 * closes at the next one's start and the last at the call's end.
 */
export const Ended: Story = {
  args: fromCall(endedLastCall),
  play: async ({ canvasElement, canvas }) => {
    await expect(segmentStates(canvasElement)).toEqual(['wait:done', 'answer:done', 'talk:done']);
    await expect(canvas.getByText('The customer hung up after the agent answered')).toBeVisible();
  },
};

/** Codes no table knows (device type 42, reason 77, `SIDEWAYS_DIRECT`): "unknown (code N)", the gateway's text kept. */
export const UnknownCodes: Story = {
  args: fromCall(unknownCodesCall),
  play: async ({ canvas }) => {
    await expect(canvas.getByText('unknown (code 77)')).toBeVisible();
    await expect(canvas.getByText('Gateway: Vendor reason 77')).toBeVisible();
    await expect(canvas.getByText('unknown (code SIDEWAYS_DIRECT)')).toBeVisible();
  },
};

/** Transferred here on overflow, waiting again. */
export const TransferredOnOverflow: Story = { args: fromCall(overflowQueuedCall) };

/** An older gateway sends no trace. */
export const NoTrace: Story = {
  args: fromCall(olderGatewayCall),
  play: async ({ canvas }) => {
    await expect(canvas.getByText('No call track reported')).toBeVisible();
  },
};

export const TalkingDark: Story = { ...Talking, globals: DARK };
export const EndedDark: Story = { ...Ended, globals: DARK };

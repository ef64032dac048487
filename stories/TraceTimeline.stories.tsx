import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { DARK, readStoryGlobals } from '../.storybook/globals';
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
import { storyI18n } from './support/i18n';
import { storyNow } from './support/storyContext';
import { NOW, T0 } from '../test/fixtures/callInfos';
import { inSideRail } from './support/sideRail';

const fromCall = (call: CallInfo) => ({ trace: call.trace, phase: call.phase, endTime: call.endTime });

/** Every step as `segment:state`. */
const segmentStates = (canvasElement: HTMLElement) =>
  [...canvasElement.querySelectorAll('[data-segment]')].map((li) => `${li.getAttribute('data-segment')}:${li.getAttribute('data-state')}`);
/** The step marked current. */
const currentSteps = (canvasElement: HTMLElement) => [...canvasElement.querySelectorAll('[aria-current="step"]')];

/**
 * The call's track on the current device as a timeline: queue wait, ringing and talk, then each
 * hold, on one axis with the current step marked; label, times and duration in aligned columns
 * (two lines per step in a panel under 22rem). The device and enter reason sit under the first
 * step, how the call left and why under the last once it has left; the gateway's own text only in
 * a disclosure. The stories move the fixtures' moments (and the holds) to the story's clock, so
 * open steps tick from the same durations the tests see.
 */
const meta = {
  title: 'Parts/TraceTimeline',
  component: TraceTimeline,
  args: fromCall(voiceLiveCall),
  render: (args, { loaded }) => {
    const now = storyNow(loaded);
    const holds = args.holds?.map((hold) => ({ begin: hold.begin + (now - NOW), end: rebaseTime(hold.end, now) }));
    return (
      <TraceTimeline
        {...args}
        trace={rebaseTrace(args.trace, now)}
        endTime={rebaseTime(args.endTime ?? null, now)}
        holds={holds}
      />
    );
  },
} satisfies Meta<typeof TraceTimeline>;

export default meta;
type Story = StoryObj<typeof meta>;

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

/** Held for 25 s: the open hold is the current step and ticks; the talk is paused at the hold; how it left and why under the hold. */
export const Held: Story = {
  args: { ...fromCall(heldCall), holds: [{ begin: T0 + 40_000, end: null }] },
  play: async ({ canvasElement, globals }) => {
    const { t } = storyI18n(globals);
    await expect(segmentStates(canvasElement)).toEqual(['wait:done', 'answer:done', 'talk:paused', 'hold:active']);
    const [current] = currentSteps(canvasElement);
    await expect(current?.getAttribute('data-segment')).toBe('hold');
    await expect(current?.querySelector('[data-timer="hold"]')?.getAttribute('data-state')).toBe('running');
    await expect(current).toHaveTextContent(t('directMode.held'));
    await expect(current).toHaveTextContent(t('reason.held'));
  },
};

/** Held, used on its own without the panel's hold periods: an open "On hold" step with no time. */
export const HeldWithoutPeriods: Story = {
  args: fromCall(heldCall),
  play: async ({ canvasElement }) => {
    await expect(segmentStates(canvasElement)).toEqual(['wait:done', 'answer:done', 'talk:paused', 'hold:active']);
    await expect(currentSteps(canvasElement)[0]?.querySelector('time')).toBeNull();
  },
};

/** Talking again after a 10 s hold: talk is current and ticks, the hold is done with its range. */
export const ResumedAfterHold: Story = {
  args: { ...fromCall(voiceLiveCall), holds: [{ begin: T0 + 30_000, end: T0 + 40_000 }] },
  play: async ({ canvasElement }) => {
    await expect(segmentStates(canvasElement)).toEqual(['wait:done', 'answer:done', 'talk:active', 'hold:done']);
    await expect(currentSteps(canvasElement)[0]?.getAttribute('data-segment')).toBe('talk');
    const hold = canvasElement.querySelector('[data-segment="hold"] [data-timer="hold"]');
    await expect(hold?.getAttribute('dateTime')).toBe('PT10S');
  },
};

/** A web chat: "Offered" and "Chat", not "Ringing" and "Talk". */
export const Chat: Story = {
  args: { ...fromCall(voiceLiveCall), medium: 'chat' },
  play: async ({ canvasElement, globals }) => {
    const { t } = storyI18n(globals);
    const labels = [...canvasElement.querySelectorAll('.cip-TraceTimeline-segmentLabel')].map((el) => el.textContent);
    await expect(labels).toEqual([t('trace.wait'), t('trace.answerChat'), t('trace.talkChat')]);
  },
};

/**
 * The agent's previous call: the gateway sends no segment ends for a last call, so each segment
 * closes at the next one's start and the last at the call's end.
 */
export const Ended: Story = {
  args: fromCall(endedLastCall),
  play: async ({ canvasElement, canvas, globals }) => {
    const { t } = storyI18n(globals);
    await expect(segmentStates(canvasElement)).toEqual(['wait:done', 'answer:done', 'talk:done']);
    await expect(currentSteps(canvasElement)).toEqual([]);
    await expect(canvas.getByText(t('reason.user-hung-up'))).toBeVisible();
    // The gateway's words only on demand.
    const words = canvas.getByText('User hang up');
    const summary = words.closest('details')!.querySelector('summary')!;
    await expect(summary).toHaveTextContent(t('trace.gatewayTextShow'));
    await expect(words).not.toBeVisible();
    summary.click();
    await expect(words).toBeVisible();
  },
};

/** Codes no table knows (device type 42, reason 77, `SIDEWAYS_DIRECT`), once ended: "unknown (code N)", the gateway's text kept on demand. */
export const UnknownCodes: Story = {
  args: { ...fromCall(unknownCodesCall), phase: 'ended', endTime: NOW },
  play: async ({ canvas, globals }) => {
    const { t } = storyI18n(globals);
    await expect(canvas.getAllByText(t('unknownCode', { code: 77 }))[0]).toBeVisible();
    await expect(canvas.getByText(t('unknownCode', { code: 'SIDEWAYS_DIRECT' }))).toBeVisible();
    for (const text of canvas.getAllByText('Vendor reason 77')) await expect(text).not.toBeVisible();
  },
};

/** In a 320 px panel: two-line steps (label and duration, then the times). */
export const Narrow: Story = {
  args: { ...fromCall(voiceLiveCall), holds: [{ begin: T0 + 30_000, end: T0 + 40_000 }] },
  decorators: [inSideRail],
  play: async ({ canvasElement, globals }) => {
    // Unstyled, there is no layout to check.
    if (readStoryGlobals(globals).unstyled) return;
    const talk = canvasElement.querySelector('[data-segment="talk"]')!;
    const label = talk.querySelector('.cip-TraceTimeline-segmentLabel')!.getBoundingClientRect();
    const times = talk.querySelector('.cip-TraceTimeline-times')!.getBoundingClientRect();
    const duration = talk.querySelector('[data-timer="talk"]')!.getBoundingClientRect();
    await expect(times.top).toBeGreaterThanOrEqual(label.bottom - 1);
    await expect(Math.abs(duration.top - label.top)).toBeLessThan(4);
  },
};

/** Transferred here on overflow, waiting again. */
export const TransferredOnOverflow: Story = { args: fromCall(overflowQueuedCall) };

/** An older gateway sends no trace. */
export const NoTrace: Story = {
  args: fromCall(olderGatewayCall),
  play: async ({ canvas, globals }) => {
    await expect(canvas.getByText(storyI18n(globals).t('trace.none'))).toBeVisible();
  },
};

export const TalkingDark: Story = { ...Talking, globals: DARK };
export const EndedDark: Story = { ...Ended, globals: DARK };
export const HeldDark: Story = { ...Held, globals: DARK };

import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, waitFor } from 'storybook/test';
import { DARK } from '../.storybook/globals';
import { CallTimer } from '../src/components/CallTimer/CallTimer';
import { NOW, T0 } from '../test/fixtures/callInfos';
import { storyI18n } from './support/i18n';
import { storyNow } from './support/storyContext';

/**
 * A live duration in `<time dateTime>`. The running stories start their timer a fixed time before
 * the story rendered (the preview's loader records that moment), so the first frame is the same
 * every time and the timer ticks from there.
 */
const meta = {
  title: 'Parts/CallTimer',
  component: CallTimer,
  args: { start: T0, end: NOW },
} satisfies Meta<typeof CallTimer>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Started 1:05 before the story rendered, still going: it ticks every second. */
export const Running: Story = {
  args: { end: null },
  argTypes: { start: { control: false } },
  render: (args, { loaded }) => <CallTimer {...args} start={storyNow(loaded) - 65_000} />,
  play: async ({ canvasElement }) => {
    const timer = canvasElement.querySelector('time') as HTMLTimeElement;
    await expect(timer).toHaveAttribute('data-state', 'running');
    await expect(timer.textContent).toMatch(/^1:0\d$/);
    const first = timer.getAttribute('datetime');
    // It ticks: the next second arrives within the shared one-second clock.
    await waitFor(() => expect(timer.getAttribute('datetime')).not.toBe(first), { timeout: 2_500 });
  },
};

/** A span with an end: fixed, `1:05`, `PT1M5S`. */
export const Stopped: Story = {
  play: async ({ canvasElement }) => {
    const timer = canvasElement.querySelector('time') as HTMLTimeElement;
    await expect(timer).toHaveAttribute('data-state', 'stopped');
    await expect(timer).toHaveTextContent('1:05');
    await expect(timer).toHaveAttribute('datetime', 'PT1M5S');
  },
};

/** An hour or more reads `h:mm:ss`. */
export const OverAnHour: Story = {
  args: { end: T0 + 3_723_000 },
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelector('time')).toHaveTextContent('1:02:03');
  },
};

/**
 * A start a minute in the future of the gateway's clock as the panel knows it (a gateway ahead
 * that sends no `Date` header, or a bad answer) reads "Not reported" (`data-state="unknown"`),
 * never a negative or a `0:00` that means nothing; a start up to 2 s ahead reads `0:00`.
 */
export const ClockSkew: Story = {
  args: { end: null },
  argTypes: { start: { control: false } },
  render: (args, { loaded }) => <CallTimer {...args} start={storyNow(loaded) + 60_000} />,
  play: async ({ globals, canvasElement }) => {
    const timer = canvasElement.querySelector('time') as HTMLTimeElement;
    await expect(timer).toHaveTextContent(storyI18n(globals).messages['value.notReported']);
    await expect(timer).toHaveAttribute('data-state', 'unknown');
    await expect(timer).not.toHaveAttribute('datetime');
  },
};

/** A closed span that ends before it began (a bad answer) reads "Not reported", never "-0:03". */
export const NegativeSpan: Story = {
  args: { start: T0 + 3_000, end: T0 },
  play: async ({ globals, canvasElement }) => {
    await expect(canvasElement.querySelector('time')).toHaveTextContent(storyI18n(globals).messages['value.notReported']);
  },
};

/** A span ending a year ahead of the gateway's clock (a bad answer) reads "Not reported", never `8760:00:31`. */
export const YearAhead: Story = {
  args: { start: T0, end: null },
  argTypes: { start: { control: false } },
  render: (args, { loaded }) => <CallTimer {...args} end={storyNow(loaded) + 365 * 24 * 3_600_000 + 31_000} />,
  play: async ({ globals, canvasElement }) => {
    await expect(canvasElement.querySelector('time')).toHaveTextContent(storyI18n(globals).messages['value.notReported']);
  },
};

/** Arabic: the locale's digits. */
export const ArabicDigits: Story = { args: { end: T0 + 3_723_000 }, globals: { locale: 'ar' } };

export const RunningDark: Story = { ...Running, globals: DARK, play: undefined };

import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, userEvent, within } from 'storybook/test';
import { CallLegs, type CallLegsProps } from '../src/components/CallLegs/CallLegs';
import type { CallInfo } from '../src/gateway/model';
import { consultLeg, heldCustomerLeg, makeCall } from '../test/fixtures/callInfos';
import { storyI18n } from './support/i18n';
import { inSideRail } from './support/sideRail';
import { storyNow } from './support/storyContext';

/** The calls with begin times moved to just before the story rendered, so their timers read minutes, not years. */
function recent(calls: readonly CallInfo[], now: number): CallInfo[] {
  const first = calls[0]!.beginTime!;
  return calls.map((call) => ({ ...call, beginTime: call.beginTime && now - 125_000 + (call.beginTime - first) }));
}

/** The strip with its own selection, as `CallInfoPanel` keeps it. */
function Selectable({ calls, currentCallId, ...rest }: Omit<CallLegsProps, 'selectedCallId' | 'onSelectCall'>) {
  const [selected, setSelected] = useState(currentCallId);
  return <CallLegs {...rest} calls={calls} currentCallId={currentCallId} selectedCallId={selected} onSelectCall={setSelected} />;
}

const third = makeCall({ callId: '1764000090-103', caller: '013912345678', beginTime: consultLeg.beginTime! + 60_000, trace: null, phase: 'held' });

/**
 * The agent's calls as tabs, shown by `CallInfoPanel` above the call when the agent has two or
 * more (a consultation, a conference, a new call while one is held). Each tab has the other
 * party's number, the state in words (held is said, not only coloured) and a timer from the
 * call's begin; the call the agent is on is selected at first. Arrow keys, Home and End move.
 */
const meta = {
  title: 'Parts/CallLegs',
  component: CallLegs,
  decorators: [inSideRail],
  args: { calls: [heldCustomerLeg, consultLeg], currentCallId: consultLeg.callId, selectedCallId: consultLeg.callId, onSelectCall: () => {} },
  render: (args, { loaded }) => <Selectable {...args} calls={recent(args.calls, storyNow(loaded))} />,
} satisfies Meta<typeof CallLegs>;

export default meta;
type Story = StoryObj<typeof meta>;

/** A consultation: the customer on hold, the colleague being consulted (selected: the call the agent is on). */
export const Consultation: Story = {
  play: async ({ canvasElement, globals }) => {
    const { t } = storyI18n(globals);
    const canvas = within(canvasElement);
    const [customer, consult] = canvas.getAllByRole('tab');
    await expect(canvas.getByRole('tablist', { name: t('calls.label') })).toBeInTheDocument();
    await expect(customer).toHaveTextContent(t('phase.held'));
    await expect(customer).toHaveAttribute('aria-selected', 'false');
    await expect(consult).toHaveAttribute('aria-selected', 'true');
    await expect(consult).toHaveAttribute('data-current');
  },
};

/** Three calls; the keyboard moves between them, and focus shows where it is. */
export const ThreeCallsByKeyboard: Story = {
  args: { calls: [heldCustomerLeg, consultLeg, third] },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const tabs = canvas.getAllByRole('tab');
    await userEvent.tab();
    await expect(tabs[1]).toHaveFocus();
    await userEvent.keyboard('{ArrowRight}');
    await expect(tabs[2]).toHaveFocus();
    await expect(tabs[2]).toHaveAttribute('aria-selected', 'true');
    await userEvent.keyboard('{Home}');
    await expect(tabs[0]).toHaveAttribute('aria-selected', 'true');
  },
};

/** The consultation over, its leg still listed until the gateway drops it: "Ended", dashed, its timer stopped. */
export const OneEnded: Story = {
  render: (args, { loaded }) => {
    const now = storyNow(loaded);
    const [customer, consult] = recent(args.calls, now);
    return <Selectable {...args} calls={[{ ...customer!, phase: 'talking' }, { ...consult!, phase: 'ended', endTime: now - 5_000 }]} currentCallId={customer!.callId} />;
  },
  play: async ({ canvasElement, globals }) => {
    const { t } = storyI18n(globals);
    const ended = canvasElement.querySelector('[data-phase="ended"]');
    await expect(ended).toHaveTextContent(t('phase.ended'));
    await expect(ended!.querySelector('time')).toHaveAttribute('data-state', 'stopped');
  },
};

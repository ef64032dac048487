import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, within } from 'storybook/test';
import { ARABIC, DARK } from '../.storybook/globals';
import { CallParties } from '../src/components/CallParties/CallParties';
import { CALL_TYPES, lookupCode } from '../src/gateway/codes';
import { outgoingCall, unknownCodesCall, videoRingingCall, voiceLiveCall, xssCall } from '../test/fixtures/callInfos';
import { storyI18n } from './support/i18n';
import { stubClipboard } from './support/clipboard';

/** Who is on the call: the direction, caller, called and (when it differs) the original called number, each copyable. */
const meta = {
  title: 'Parts/CallParties',
  component: CallParties,
  args: {
    caller: voiceLiveCall.caller,
    called: voiceLiveCall.called,
    originalCalled: voiceLiveCall.originalCalled,
    callType: voiceLiveCall.callType,
  },
} satisfies Meta<typeof CallParties>;

export default meta;
type Story = StoryObj<typeof meta>;

/** An incoming call: caller and called, no original called number. */
export const Incoming: Story = {
  play: async ({ canvasElement }) => {
    const parties = canvasElement.querySelector('[data-slot="call-parties"]');
    await expect(parties).toHaveAttribute('data-direction', 'incoming');
    await expect(canvasElement.querySelector('[data-party="originalCalled"]')).toBeNull();
  },
};

/** The number the customer dialled differs from the called number: it is shown too. */
export const WithOriginalCalled: Story = {
  args: { called: videoRingingCall.called, originalCalled: videoRingingCall.originalCalled },
  play: async ({ globals, canvas }) => {
    await expect(canvas.getByText('4008001234')).toBeVisible();
    await expect(canvas.getByRole('button', { name: storyI18n(globals).t('copy.originalCalled', { value: '4008001234' }) })).toBeVisible();
  },
};

/** The original called number equals the called number: shown once. */
export const OriginalCalledSameAsCalled: Story = { args: { originalCalled: voiceLiveCall.called } };

/** An outgoing (previewed) call to an international number. */
export const Outgoing: Story = {
  args: { caller: outgoingCall.caller, called: outgoingCall.called, callType: outgoingCall.callType },
};

export const Internal: Story = { args: { caller: '60016', called: '60015', callType: lookupCode(CALL_TYPES, 6) } };
export const Consultation: Story = { args: { caller: '60016', called: '60015', callType: lookupCode(CALL_TYPES, 51) } };
export const Conference: Story = { args: { caller: '60016', called: '9001', callType: lookupCode(CALL_TYPES, 53) } };

/** An unknown call type: the direction is unknown, the numbers are still shown. */
export const UnknownDirection: Story = { args: { callType: unknownCodesCall.callType } };

/** No call type at all. */
export const NoCallType: Story = { args: { callType: null } };

/** An empty number: "Not reported", and nothing to copy. */
export const NumberNotReported: Story = {
  args: { caller: '' },
  play: async ({ globals, canvas }) => {
    await expect(canvas.getByText(storyI18n(globals).t('value.notReported'))).toBeVisible();
    await expect(canvas.queryByRole('button', { name: storyI18n(globals).tMatch('copy.caller', {}, { exact: false }) })).toBeNull();
  },
};

/** Markup in a number is text. */
export const MarkupIsText: Story = {
  args: { caller: xssCall.caller },
  play: async ({ canvas, canvasElement }) => {
    await expect(canvas.getByText('<b>70004</b>')).toBeVisible();
    await expect(canvasElement.querySelector('.cip-CallParties-number b')).toBeNull();
  },
};

/** Copying a number: the clipboard gets the number and "Copied" is announced next to the button. */
export const CopyNumber: Story = {
  beforeEach: stubClipboard(),
  play: async ({ globals, canvas }) => {
    const button = canvas.getByRole('button', { name: storyI18n(globals).t('copy.caller', { value: '70004' }) });
    await userEvent.click(button);
    await expect(navigator.clipboard.writeText).toHaveBeenCalledWith('70004');
    const caller = button.closest('[data-party="caller"]') as HTMLElement;
    await expect(await within(caller).findByRole('status')).toHaveTextContent(storyI18n(globals).messages['copy.done']);
    await expect(button).toHaveAttribute('data-state', 'copied');
  },
};

/** The browser refuses the clipboard: "Could not copy". */
export const CopyFailed: Story = {
  beforeEach: stubClipboard('reject'),
  play: async ({ globals, canvas }) => {
    const button = canvas.getByRole('button', { name: storyI18n(globals).t('copy.called', { value: '60015' }) });
    await userEvent.click(button);
    await expect(await canvas.findByText(storyI18n(globals).messages['copy.failed'])).toBeVisible();
    await expect(button).toHaveAttribute('data-state', 'failed');
  },
};

/**
 * `formatNumber`: the host's display of each number (here masked to its last four digits, told
 * the number's role). The copy button is named with and copies what is shown: a masked number
 * never reaches the clipboard.
 */
export const MaskedNumbers: Story = {
  args: {
    originalCalled: '4008001234',
    formatNumber: (number, { role }) => (role === 'original' ? number : `••••${number.slice(-4)}`),
  },
  beforeEach: stubClipboard(),
  play: async ({ globals, canvas, canvasElement }) => {
    const shown = [...canvasElement.querySelectorAll('.cip-CallParties-number')].map((number) => number.textContent);
    await expect(shown).toEqual(['••••0004', '••••0015', '4008001234']);
    await userEvent.click(canvas.getByRole('button', { name: storyI18n(globals).t('copy.caller', { value: '••••0004' }) }));
    await expect(navigator.clipboard.writeText).toHaveBeenCalledWith('••••0004');
  },
};

/**
 * `dialPrefix`: the outside-line prefix the agent's desktop dials ("9") is dropped from the called
 * number of an outgoing call, shown and copied; the agent's own number and incoming calls keep theirs.
 */
export const DialPrefix: Story = {
  args: { caller: '960015', called: '913800138000', callType: outgoingCall.callType, dialPrefix: ['0', '9'] },
  beforeEach: stubClipboard(),
  play: async ({ globals, canvas, canvasElement }) => {
    await expect(canvasElement.querySelector('[data-role="other"] .cip-CallParties-number')).toHaveTextContent('13800138000');
    await expect(canvas.getByText('960015')).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: storyI18n(globals).t('copy.called', { value: '13800138000' }) }));
    await expect(navigator.clipboard.writeText).toHaveBeenCalledWith('13800138000');
  },
};

/** Right to left: the words mirror, the numbers stay left to right. */
export const RightToLeft: Story = {
  args: { caller: outgoingCall.called, originalCalled: '4008001234' },
  globals: ARABIC,
  play: async ({ canvas }) => {
    await expect(canvas.getByText('+8613800138000')).toHaveAttribute('dir', 'ltr');
  },
};

export const Dark: Story = { ...WithOriginalCalled, globals: DARK };

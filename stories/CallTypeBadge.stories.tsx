import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { DARK } from '../.storybook/globals';
import { CallTypeBadge } from '../src/components/CallTypeBadge/CallTypeBadge';
import { CALL_TYPES, lookupCode } from '../src/gateway/codes';
import { outgoingCall, unknownCodesCall, voiceLiveCall } from '../test/fixtures/callInfos';
import { storyI18n } from './support/i18n';

/** The call type (`callfeature`) with its direction's icon. */
const meta = {
  title: 'Parts/CallTypeBadge',
  component: CallTypeBadge,
  args: { callType: voiceLiveCall.callType },
} satisfies Meta<typeof CallTypeBadge>;

export default meta;
type Story = StoryObj<typeof meta>;

/** `callfeature` 0, as the fixtures' live voice call. */
export const Incoming: Story = {
  play: async ({ canvasElement }) => {
    const badge = canvasElement.querySelector('[data-slot="call-type-badge"]');
    await expect(badge).toBeVisible();
    await expect(badge).toHaveAttribute('data-call-type', 'incoming');
    await expect(badge).toHaveAttribute('data-direction', 'incoming');
  },
};
/** `callfeature` 6. */
export const Internal: Story = { args: { callType: lookupCode(CALL_TYPES, 6) } };
/** `callfeature` 7. */
export const Outgoing: Story = { args: { callType: lookupCode(CALL_TYPES, 7) } };
/** `callfeature` 40. */
export const ReservedOutbound: Story = { args: { callType: lookupCode(CALL_TYPES, 40) } };
/** `callfeature` 41. */
export const PresoldOutbound: Story = { args: { callType: lookupCode(CALL_TYPES, 41) } };
/** `callfeature` 43. */
export const PredictedOutbound: Story = { args: { callType: lookupCode(CALL_TYPES, 43) } };
/** `callfeature` 44, as the fixtures' outgoing call. */
export const PreviewOutbound: Story = { args: { callType: outgoingCall.callType } };
/** `callfeature` 45. */
export const ReservedCallback: Story = { args: { callType: lookupCode(CALL_TYPES, 45) } };
/** `callfeature` 51. */
export const TwoPartyConsultation: Story = { args: { callType: lookupCode(CALL_TYPES, 51) } };
/** `callfeature` 52. */
export const ThreePartyConsultation: Story = { args: { callType: lookupCode(CALL_TYPES, 52) } };
/** `callfeature` 53. */
export const Conference: Story = { args: { callType: lookupCode(CALL_TYPES, 53) } };

/** A call type no table knows (99): "unknown (code 99)", dashed, direction unknown. */
export const Unknown: Story = {
  args: { callType: unknownCodesCall.callType },
  play: async ({ globals, canvasElement }) => {
    const badge = canvasElement.querySelector('[data-slot="call-type-badge"]');
    await expect(badge).toHaveTextContent(storyI18n(globals).t('unknownCode', { code: 99 }));
    await expect(badge).toHaveAttribute('data-call-type', 'unknown');
    await expect(badge).toHaveAttribute('data-direction', 'unknown');
  },
};

/** The gateway sent no call type. */
export const NotReported: Story = { args: { callType: null } };

const EVERY_TYPE = [...Object.keys(CALL_TYPES).map(Number), 99].map((code) => lookupCode(CALL_TYPES, code));

/** Every documented call type, an unknown one and none, side by side. */
export const AllKinds: Story = {
  render: (args) => (
    <ul className="cip-story-gallery">
      {EVERY_TYPE.map((callType) => (
        <li key={callType.code}>
          <CallTypeBadge {...args} callType={callType} />
        </li>
      ))}
      <li>
        <CallTypeBadge {...args} callType={null} />
      </li>
    </ul>
  ),
  play: async ({ canvasElement }) => {
    const badges = canvasElement.querySelectorAll('[data-slot="call-type-badge"]');
    await expect(badges).toHaveLength(EVERY_TYPE.length + 1);
  },
};

/** Every kind in the dark scheme. */
export const AllKindsDark: Story = { ...AllKinds, globals: DARK };

/** Right to left: the direction arrows mirror. */
export const RightToLeft: Story = { ...AllKinds, globals: { locale: 'ar' } };

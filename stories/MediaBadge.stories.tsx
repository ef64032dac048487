import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { DARK } from '../.storybook/globals';
import { MediaBadge } from '../src/components/MediaBadge/MediaBadge';
import { MEDIA_ABILITIES, MEDIA_TYPES, lookupCode } from '../src/gateway/codes';
import {
  olderGatewayCall,
  outgoingCall,
  unknownCodesCall,
  videoRingingCall,
  voiceLiveCall,
  webChatQueuedCall,
} from '../test/fixtures/callInfos';
import { storyI18n } from './support/i18n';

/** The call's medium (`mediaType`) and what it can carry (`mediaAbility`): an icon and words, never colour alone. */
const meta = {
  title: 'Parts/MediaBadge',
  component: MediaBadge,
  args: { media: voiceLiveCall.media, ability: voiceLiveCall.ability },
} satisfies Meta<typeof MediaBadge>;

export default meta;
type Story = StoryObj<typeof meta>;

/** `mediaType` 5 with ability 1, as the fixtures' live voice call. */
export const Voice: Story = {
  play: async ({ canvasElement }) => {
    const badge = canvasElement.querySelector('[data-slot="media-badge"]');
    await expect(badge).toBeVisible();
    await expect(badge).toHaveAttribute('data-media', 'voice');
    await expect(badge).toHaveAttribute('data-ability', 'voice');
  },
};
/** `mediaType` 19 (video), ability 2. */
export const Video: Story = { args: { media: videoRingingCall.media, ability: videoRingingCall.ability } };
/** `mediaType` 51 without an ability. */
export const WebChat: Story = { args: { media: webChatQueuedCall.media, ability: null } };
/** `mediaType` 16. */
export const PreviewOutbound: Story = { args: { media: outgoingCall.media, ability: outgoingCall.ability } };
/** `mediaType` 1. */
export const TextChat: Story = { args: { media: lookupCode(MEDIA_TYPES, 1), ability: null } };
/** `mediaType` 2. */
export const ClickToDial: Story = { args: { media: lookupCode(MEDIA_TYPES, 2), ability: lookupCode(MEDIA_ABILITIES, 1) } };
/** `mediaType` 4. */
export const CallbackRequest: Story = { args: { media: lookupCode(MEDIA_TYPES, 4), ability: null } };
/** `mediaType` 15. */
export const PredictedOutbound: Story = { args: { media: lookupCode(MEDIA_TYPES, 15), ability: lookupCode(MEDIA_ABILITIES, 1) } };
/** `mediaType` 17. */
export const Message: Story = { args: { media: lookupCode(MEDIA_TYPES, 17), ability: null } };
/** `mediaType` 53. */
export const SocialChat: Story = { args: { media: lookupCode(MEDIA_TYPES, 53), ability: null } };

/** A code no table knows (media 99, ability 9): "unknown (code N)", the rest of the call still shown. */
export const UnknownCodes: Story = {
  args: { media: unknownCodesCall.media, ability: unknownCodesCall.ability },
  play: async ({ globals, canvasElement }) => {
    const badge = canvasElement.querySelector('[data-slot="media-badge"]');
    await expect(badge).toHaveAttribute('data-media', 'unknown');
    await expect(badge).toHaveAttribute('data-ability', 'unknown');
    await expect(badge).toHaveTextContent(storyI18n(globals).t('unknownCode', { code: 99 }));
  },
};

/** An older gateway sends neither field: "Not reported". */
export const NotReported: Story = { args: { media: olderGatewayCall.media, ability: olderGatewayCall.ability } };

/** A common voice-or-video call (5) that can carry video (ability 2) takes the video icon and colours. */
export const VoiceCallWithVideoAbility: Story = { args: { media: lookupCode(MEDIA_TYPES, 5), ability: lookupCode(MEDIA_ABILITIES, 2) } };
/** Ability 3: voice and video. */
export const VoiceAndVideoAbility: Story = { args: { media: lookupCode(MEDIA_TYPES, 19), ability: lookupCode(MEDIA_ABILITIES, 3) } };
/** Only the ability is known. */
export const AbilityOnly: Story = { args: { media: null, ability: lookupCode(MEDIA_ABILITIES, 2) } };

const EVERY_MEDIA = [...Object.keys(MEDIA_TYPES).map(Number), 99].map((code) => lookupCode(MEDIA_TYPES, code));
const EVERY_ABILITY = [...Object.keys(MEDIA_ABILITIES).map(Number), 9].map((code) => lookupCode(MEDIA_ABILITIES, code));

/** Every documented media type and ability, plus unknown ones and none, side by side. */
export const AllKinds: Story = {
  render: (args) => (
    <ul className="cip-story-gallery">
      {EVERY_MEDIA.map((media) => (
        <li key={`m${media.code}`}>
          <MediaBadge {...args} media={media} ability={null} />
        </li>
      ))}
      {EVERY_ABILITY.map((ability) => (
        <li key={`a${ability.code}`}>
          <MediaBadge {...args} media={lookupCode(MEDIA_TYPES, 5)} ability={ability} />
        </li>
      ))}
      <li>
        <MediaBadge {...args} media={null} ability={null} />
      </li>
    </ul>
  ),
  play: async ({ canvasElement }) => {
    const badges = canvasElement.querySelectorAll('[data-slot="media-badge"]');
    await expect(badges).toHaveLength(EVERY_MEDIA.length + EVERY_ABILITY.length + 1);
    const kinds = new Set([...badges].map((badge) => badge.getAttribute('data-media')));
    for (const kind of [...Object.values(MEDIA_TYPES), 'unknown', 'none']) await expect(kinds).toContain(kind);
  },
};

/** Every kind in the dark scheme: each colour pair is checked by axe against the dark page. */
export const AllKindsDark: Story = { ...AllKinds, globals: DARK };

/** A kind in Simplified Chinese. */
export const ChineseLabels: Story = {
  ...AllKinds,
  globals: { locale: 'zh-CN' },
  play: async ({ globals, canvasElement }) => {
    // The catalogue is the story's (zh-CN): the badge's words are Chinese, whatever their length.
    const badge = canvasElement.querySelector('[data-slot="media-badge"][data-media="video"]');
    await expect(badge).toBeVisible();
    await expect(badge?.textContent).toMatch(/\p{Script=Han}/u);
    await expect(storyI18n(globals).locale).toBe('zh-CN');
  },
};

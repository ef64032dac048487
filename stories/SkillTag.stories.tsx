import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { DARK } from '../.storybook/globals';
import { SkillTag } from '../src/components/SkillTag/SkillTag';
import { voiceLiveCall, webChatQueuedCall, xssCall, xssPayloads } from '../test/fixtures/callInfos';
import { storyI18n } from './support/i18n';

/** The skill the call came in on: a visible "Skill" label, its name (as received) and its ID. */
const meta = {
  title: 'Parts/SkillTag',
  component: SkillTag,
  args: { name: voiceLiveCall.skill.name, skillId: voiceLiveCall.skill.id },
} satisfies Meta<typeof SkillTag>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Named: Story = {
  play: async ({ globals, canvas }) => {
    const tag = canvas.getByText('voice').closest('[data-slot="skill-tag"]');
    await expect(tag).toHaveAttribute('data-skill', 'named');
    await expect(canvas.getByText(storyI18n(globals).t('label.skillId', { id: 20011 }))).toBeVisible();
  },
};

/** A longer name, as the web chat fixture's. */
export const LongerName: Story = { args: { name: webChatQueuedCall.skill.name, skillId: webChatQueuedCall.skill.id } };

/** No skill ID: only the name. */
export const WithoutId: Story = { args: { skillId: null } };

/** The gateway sent an empty description (consultations do): "Not reported". */
export const Unnamed: Story = {
  args: { name: '', skillId: 0 },
  play: async ({ globals, canvas }) => {
    await expect(canvas.getByText(storyI18n(globals).t('value.notReported'))).toBeVisible();
  },
};

/** Markup in the skill name is shown as text, never rendered. */
export const MarkupIsText: Story = {
  args: { name: xssCall.skill.name, skillId: xssCall.skill.id },
  play: async ({ canvas, canvasElement }) => {
    await expect(canvas.getByText(xssPayloads.img)).toBeVisible();
    await expect(canvasElement.querySelector('img')).toBeNull();
  },
};

export const Dark: Story = { globals: DARK };

import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { CallInfoView } from '../src/components/CallInfoView/CallInfoView';
import { I18nProvider } from '../src/i18n/I18nProvider';
import type { Messages } from '../src/i18n/Messages';
import { voiceLiveCall } from '../test/fixtures/callInfos';
import { storyI18n } from './support/i18n';
import { rebaseCall } from './support/rebase';
import { storyNow } from './support/storyContext';

/** The widths the panel is shown at: a narrow side rail, a wide side rail, two columns, a wide page. */
const WIDTHS = [320, 480, 800, 1200] as const;

/**
 * Panels on one page need names of their own (axe: landmark-unique): each gets its width in its
 * title, in the story's language. Made once per locale, so the providers' memo holds.
 */
const TITLES = new Map<string, Record<number, Partial<Messages>>>();
function titlesFor(globals: Record<string, unknown>): Record<number, Partial<Messages>> {
  const { locale, t } = storyI18n(globals);
  let titles = TITLES.get(locale);
  if (!titles) {
    titles = Object.fromEntries(WIDTHS.map((width) => [width, { 'panel.title': `${t('panel.title')} (${width} px)` }]));
    TITLES.set(locale, titles);
  }
  return titles;
}

/**
 * The same live call (the CallInfoView stories' voice call, 1:05 old when the story renders) at
 * 320, 480, 800 and 1,200 px side by side. The panel sizes itself by container queries on its
 * root, so each box's width, not the window's, picks its layout. The row wraps; at 1,200 px the
 * page scrolls sideways.
 */
const meta = {
  title: 'Panel/Widths',
  component: CallInfoView,
  parameters: { layout: 'fullscreen' },
  args: { callInfo: voiceLiveCall, status: 'live' },
  render: (args, { loaded, globals }) => {
    const callInfo = rebaseCall(args.callInfo, storyNow(loaded));
    const titles = titlesFor(globals);
    return (
      <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'flex-start', gap: 24, padding: 16, minWidth: 'min-content' }}>
        {WIDTHS.map((width) => (
          <figure key={width} data-width={width} style={{ margin: 0, flex: 'none', width, maxWidth: 'none' }}>
            <figcaption style={{ font: '600 0.875rem/1.4 system-ui, sans-serif', marginBlockEnd: 8 }}>{width} px</figcaption>
            <I18nProvider messages={titles[width]}>
              <CallInfoView {...args} callInfo={callInfo} />
            </I18nProvider>
          </figure>
        ))}
      </div>
    );
  },
} satisfies Meta<typeof CallInfoView>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Every width at once: each box is exactly its width, and holds a live panel. */
export const SideBySide: Story = {
  play: async ({ canvasElement }) => {
    const boxes = [...canvasElement.querySelectorAll<HTMLElement>('figure[data-width]')];
    await expect(boxes.map((box) => Number(box.dataset.width))).toEqual([...WIDTHS]);
    for (const box of boxes) {
      await expect(Math.round(box.getBoundingClientRect().width)).toBe(Number(box.dataset.width));
      const panel = box.querySelector('[data-status]');
      await expect(panel).toHaveAttribute('data-status', 'live');
      await expect(panel).toHaveAttribute('data-phase', 'talking');
    }
  },
};

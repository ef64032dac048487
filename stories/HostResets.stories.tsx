import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn } from 'storybook/test';
import { CallInfoView } from '../src/components/CallInfoView/CallInfoView';
import { GatewayError } from '../src/gateway/GatewayError';
import { I18nProvider } from '../src/i18n/I18nProvider';
import type { Messages } from '../src/i18n/Messages';
import { en } from '../src/i18n/messages/en';

/** Two panels on one page: each its own name, so their landmarks stay apart. */
const TITLED = {
  error: { 'panel.title': `${en['panel.title']}: error` },
  authExpired: { 'panel.title': `${en['panel.title']}: session expired` },
} satisfies Record<string, Partial<Messages>>;

/**
 * The panel on a host page that resets elements: Tailwind's preflight, modern-normalize,
 * `button { all: unset }` and `button { color: inherit; font: inherit }`. Component rules are one
 * class each, so element resets (zero classes) leave the panel as designed, while one class of the
 * host's plus ours (`.my-host .cip-CallInfoView-action`) still overrides it.
 *
 * The play function measures the action buttons (Retry, Sign in again) first without host CSS,
 * then with it, and removes it again before the story's accessibility check.
 */
const meta = {
  title: 'Panel/Host resets',
  component: CallInfoView,
  args: {
    callInfo: undefined,
    status: 'error',
    error: new GatewayError('http', 'The gateway answered HTTP 502.', { status: 502 }),
    onRetry: fn(),
  },
  render: (args) => (
    <div className="my-host cip-story-stack">
      <I18nProvider messages={TITLED.error}>
        <CallInfoView {...args} />
      </I18nProvider>
      <I18nProvider messages={TITLED.authExpired}>
        <CallInfoView callInfo={undefined} status="auth-expired" onReauthenticate={fn()} />
      </I18nProvider>
    </div>
  ),
} satisfies Meta<typeof CallInfoView>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Short excerpts, written by hand, of what common host stylesheets put on elements. */
const HOST_RESETS = {
  // Tailwind CSS 3.4 preflight (unlayered, as `@tailwind base` emits it).
  tailwindPreflight: `
    *, ::before, ::after { box-sizing: border-box; border-width: 0; border-style: solid; border-color: #e5e7eb; }
    html { line-height: 1.5; font-family: ui-sans-serif, system-ui, sans-serif; }
    body { margin: 0; line-height: inherit; }
    h1, h2, h3, h4, h5, h6 { font-size: inherit; font-weight: inherit; }
    button, input, optgroup, select, textarea {
      font-family: inherit; font-size: 100%; font-weight: inherit; line-height: inherit;
      letter-spacing: inherit; color: inherit; margin: 0; padding: 0;
    }
    button, input:where([type='button']), input:where([type='reset']), input:where([type='submit']) {
      -webkit-appearance: button; background-color: transparent; background-image: none;
    }
    blockquote, dl, dd, h1, h2, h3, h4, h5, h6, hr, figure, p, pre { margin: 0; }
    ol, ul, menu { list-style: none; margin: 0; padding: 0; }
    button, [role='button'] { cursor: pointer; }
    img, svg, video { display: block; vertical-align: middle; }
  `,
  // modern-normalize 3.
  modernNormalize: `
    *, ::before, ::after { box-sizing: border-box; }
    html { font-family: system-ui, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif; line-height: 1.15; tab-size: 4; }
    body { margin: 0; }
    b, strong { font-weight: bolder; }
    button, input, optgroup, select, textarea { font-family: inherit; font-size: 100%; line-height: 1.15; margin: 0; }
    button, [type='button'], [type='reset'], [type='submit'] { -webkit-appearance: button; }
  `,
  unset: 'button { all: unset; }',
  inherit: 'button { color: inherit; font: inherit; }',
};

/** One class of the host's plus ours: this must still win. */
const HOST_OVERRIDE = '.my-host .cip-CallInfoView-action { background-color: rgb(255, 0, 0); }';

const MEASURED = ['color', 'background-color', 'font-weight', 'padding', 'border-radius'] as const;

function measure(buttons: HTMLElement[]): Array<Record<string, string>> {
  return buttons.map((button) => {
    const style = getComputedStyle(button);
    return Object.fromEntries(MEASURED.map((property) => [property, style.getPropertyValue(property)]));
  });
}

/** Adds host CSS to the page for the length of `run`, then takes it away. */
async function withHostCss(css: string, run: () => Promise<void>): Promise<void> {
  const style = document.createElement('style');
  style.dataset.hostResets = '';
  style.textContent = css;
  document.head.append(style);
  try {
    await run();
  } finally {
    style.remove();
  }
}

/** Retry (error) and Sign in again (auth expired) keep their colours, weight, padding and corners under host resets. */
export const UnderHostResets: Story = {
  // Measures the designed look, so never the unstyled toggle.
  globals: { unstyled: 'styled' },
  play: async ({ canvasElement, step }) => {
    const buttons = [...canvasElement.querySelectorAll<HTMLElement>('.cip-CallInfoView-action')];
    await expect(buttons).toHaveLength(2);
    await expect(buttons.map((button) => button.closest('[data-status]')?.getAttribute('data-status'))).toEqual([
      'error',
      'auth-expired',
    ]);
    const reference = measure(buttons);
    // The reference is the designed button, not a transparent one.
    await expect(reference[0]!['background-color']).not.toBe('rgba(0, 0, 0, 0)');

    for (const [name, css] of Object.entries(HOST_RESETS)) {
      await step(`${name} leaves the buttons as designed`, async () => {
        await withHostCss(css, async () => {
          await expect(measure(buttons)).toEqual(reference);
        });
      });
    }

    await step('every reset at once', async () => {
      await withHostCss(Object.values(HOST_RESETS).join('\n'), async () => {
        await expect(measure(buttons)).toEqual(reference);
      });
    });

    await step('one class of the host plus ours overrides', async () => {
      await withHostCss(`${Object.values(HOST_RESETS).join('\n')}\n${HOST_OVERRIDE}`, async () => {
        for (const button of buttons) {
          await expect(getComputedStyle(button).backgroundColor).toBe('rgb(255, 0, 0)');
        }
      });
    });
  },
};

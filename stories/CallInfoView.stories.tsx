import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { ARABIC, DARK, ZH_CN } from '../.storybook/globals';
import { CallInfoView } from '../src/components/CallInfoView/CallInfoView';
import { DEFAULT_SECTIONS, type CallInfoExtraSection, type CallInfoSection } from '../src/components/CallInfoView/types';
import type { FormatNumber } from '../src/components/internal/partyNumber';
import type { CallInfo } from '../src/gateway/model';
import { RETRYABLE_KINDS, type GatewayErrorKind } from '../src/gateway/codes';
import { GatewayError } from '../src/gateway/GatewayError';
import { I18nProvider } from '../src/i18n/I18nProvider';
import type { Messages } from '../src/i18n/Messages';
import { zhCN } from '../src/i18n/messages/zh-CN';
import {
  NOW,
  endedLastCall,
  longJsonCall,
  olderGatewayCall,
  outgoingCall,
  unknownCodesCall,
  videoRingingCall,
  voiceLiveCall,
  webChatQueuedCall,
  xssCall,
  xssPayloads,
} from '../test/fixtures/callInfos';
import { stubClipboard } from './support/clipboard';
import { storyI18n } from './support/i18n';
import { heldCall } from './support/calls';
import { rebaseCall, rebaseTime } from './support/rebase';
import { storyNow } from './support/storyContext';

/**
 * The whole panel from plain props: one designed body per status, a status badge, a stale notice,
 * and a polite live region announcing a new call and its end. `CallInfoPanel` feeds it from the
 * gateway; these stories feed it the test fixtures, moved to the story's clock so that a live
 * call is 1:05 old when the story renders and its timers tick from there.
 */
const meta = {
  title: 'Panel/CallInfoView',
  component: CallInfoView,
  args: { callInfo: voiceLiveCall, status: 'live' },
  argTypes: {
    status: {
      control: 'select',
      options: ['loading', 'no-call', 'live', 'last-call', 'signed-out', 'auth-expired', 'error'],
    },
    freshness: { control: 'inline-radio', options: ['fresh', 'stale'] },
    colorScheme: { control: 'inline-radio', options: ['light', 'dark', 'auto'] },
    density: { control: 'inline-radio', options: ['comfortable', 'compact'] },
    sections: { control: 'check', options: DEFAULT_SECTIONS },
    error: { control: false },
    lastUpdatedAt: { control: 'date' },
    nextRetryAt: { control: 'date' },
  },
  render: (args, { loaded }) => {
    const now = storyNow(loaded);
    const lastUpdatedAt = args.lastUpdatedAt == null ? args.lastUpdatedAt : rebaseTime(args.lastUpdatedAt, now);
    const nextRetryAt = args.nextRetryAt == null ? args.nextRetryAt : rebaseTime(args.nextRetryAt, now);
    return (
      <div className="cip-story-panel">
        <CallInfoView {...args} callInfo={rebaseCall(args.callInfo, now)} lastUpdatedAt={lastUpdatedAt} nextRetryAt={nextRetryAt} />
      </div>
    );
  },
} satisfies Meta<typeof CallInfoView>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The panel: the story's one labelled region (its name is the locale's `panel.title`). */
const panelOf = (canvasElement: HTMLElement) => within(canvasElement).getByRole('region');
const sectionsOf = (panel: HTMLElement) =>
  [...panel.querySelectorAll('[data-section]')].map((section) => section.getAttribute('data-section'));

// The statuses

/** The first answer is on its way: a skeleton (hidden from assistive technology) and words; `aria-busy`. */
export const Loading: Story = {
  args: { callInfo: undefined, status: 'loading' },
  play: async ({ globals, canvasElement }) => {
    const panel = panelOf(canvasElement);
    await expect(panel).toHaveAttribute('data-status', 'loading');
    await expect(panel).toHaveAttribute('aria-busy', 'true');
    await expect(within(panel).getByText(storyI18n(globals).messages['status.loading'])).toBeVisible();
  },
};

/** The agent has no call. */
export const NoCall: Story = {
  args: { callInfo: null, status: 'no-call' },
  play: async ({ globals, canvasElement }) => {
    await expect(panelOf(canvasElement)).toHaveAttribute('data-status', 'no-call');
    await expect(within(canvasElement).getByText(storyI18n(globals).messages['status.noCall'])).toBeVisible();
  },
};

/** A live incoming voice call in conversation: every section, timers ticking, the call announced once. */
export const Live: Story = {
  play: async ({ globals, canvasElement }) => {
    const panel = panelOf(canvasElement);
    await expect(panel).toHaveAttribute('data-status', 'live');
    await expect(panel).toHaveAttribute('data-phase', 'talking');
    await expect(sectionsOf(panel)).toEqual([...DEFAULT_SECTIONS]);
    // The timers by kind: the call 1:05 and the talk 0:49 old when the story rendered (the shared
    // clock may lag the real one by under a second). The first of a kind is the panel's own.
    const timer = (kind: string) => panel.querySelector(`[data-slot="call-timer"][data-timer="${kind}"]`);
    await expect(timer('talk')?.textContent).toMatch(/^0:(4[89]|5\d)$/);
    const call = timer('call');
    if (call) await expect(call.textContent).toMatch(/^1:0\d$/);
    const announcer = panel.querySelector('.cip-CallInfoView-announcer');
    const { t } = storyI18n(globals);
    await waitFor(() =>
      expect(announcer).toHaveTextContent(t('announce.call.incoming', { media: t('mediaNoun.voice'), party: '70004', skill: 'voice' })),
    );
  },
};

/** The agent put the call on hold: an "On hold" badge with its own icon and colours, "Left the device: Held". */
export const LiveHeld: Story = {
  args: { callInfo: heldCall },
  play: async ({ globals, canvasElement }) => {
    const panel = panelOf(canvasElement);
    await expect(panel).toHaveAttribute('data-phase', 'held');
    await expect(within(panel).getAllByText(storyI18n(globals).t('phase.held'))[0]).toBeVisible();
    await expect(panel.querySelector('[data-timer="hold"]')).not.toBeNull();
  },
};

/** A video call ringing, with an original called number. */
export const LiveVideoRinging: Story = {
  args: { callInfo: videoRingingCall },
  play: async ({ canvasElement }) => {
    await expect(panelOf(canvasElement)).toHaveAttribute('data-phase', 'ringing');
  },
};

/** A web chat waiting in a queue. */
export const LiveWebChatQueued: Story = {
  args: { callInfo: webChatQueuedCall },
  play: async ({ canvasElement }) => {
    await expect(panelOf(canvasElement)).toHaveAttribute('data-phase', 'queued');
  },
};

/** An outgoing (previewed) call: the other party is the called number. */
export const LiveOutgoing: Story = { args: { callInfo: outgoingCall } };

/** Every code unknown to the tables: "unknown (code N)", the rest of the call shown. */
export const UnknownCodes: Story = { args: { callInfo: unknownCodesCall } };

/** An older gateway: no media, ability, waiting time or trace; the phase is not guessed. */
export const OlderGateway: Story = {
  args: { callInfo: olderGatewayCall },
  play: async ({ canvasElement }) => {
    const panel = panelOf(canvasElement);
    await expect(panel).toHaveAttribute('data-phase', 'in-progress');
    await expect(sectionsOf(panel)).not.toContain('media');
    await expect(sectionsOf(panel)).not.toContain('callData');
  },
};

/** Long call data starts collapsed inside the panel. */
export const LongCallData: Story = { args: { callInfo: longJsonCall } };

/** Markup in the caller, the skill and the call data is shown as text. */
export const MarkupIsText: Story = {
  args: { callInfo: xssCall },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText(xssPayloads.img, { selector: '.cip-SkillTag-name' })).toBeVisible();
    await expect(canvasElement.querySelector('img, script, b')).toBeNull();
  },
};

/** The agent's previous call (`isNoContainLastCall`), over: a quieter look and a "Last call" badge, not announced. */
export const LastCall: Story = {
  args: { callInfo: endedLastCall, status: 'last-call' },
  play: async ({ globals, canvasElement }) => {
    const panel = panelOf(canvasElement);
    await expect(panel).toHaveAttribute('data-status', 'last-call');
    await expect(panel).toHaveAttribute('data-phase', 'ended');
    await expect(within(panel).getByText(storyI18n(globals).messages['status.lastCall'])).toBeVisible();
    await expect(panel.querySelector('.cip-CallInfoView-announcer')).toBeEmptyDOMElement();
  },
};

/**
 * The last poll failed: the last good call stays, marked "Not up to date · Last updated …",
 * counting down to the next automatic retry (here 8 s after the story renders), with Retry.
 */
export const Stale: Story = {
  args: {
    freshness: 'stale',
    lastUpdatedAt: NOW - 30_000,
    nextRetryAt: NOW + 8_000,
    error: new GatewayError('http', 'The gateway answered HTTP 502.', { status: 502 }),
    onRetry: fn(),
  },
  play: async ({ globals, canvasElement, args }) => {
    const panel = panelOf(canvasElement);
    await expect(panel).toHaveAttribute('data-freshness', 'stale');
    await expect(within(panel).getByText(storyI18n(globals).messages['status.stale'])).toBeVisible();
    // 8 s when the story rendered, counting down on the real clock.
    await expect(within(panel).getByText(storyI18n(globals).tMatch('status.retryingIn', { seconds: /[1-8]/ }))).toBeVisible();
    await userEvent.click(within(panel).getByRole('button', { name: storyI18n(globals).messages['action.retry'] }));
    await expect(args.onRetry).toHaveBeenCalledTimes(1);
  },
};

/** A stale last call. */
export const StaleLastCall: Story = {
  args: { ...Stale.args, callInfo: endedLastCall, status: 'last-call', onRetry: undefined },
};

/** The agent is not signed in (`100-006`, `100-008`). */
export const SignedOut: Story = {
  args: { callInfo: undefined, status: 'signed-out' },
  play: async ({ globals, canvasElement }) => {
    await expect(panelOf(canvasElement)).toHaveAttribute('data-status', 'signed-out');
    await expect(within(canvasElement).getByText(storyI18n(globals).messages['status.signedOutHint'])).toBeVisible();
  },
};

/** The session expired (`000-003`): "Sign in again" calls the host's `onReauthenticate`. */
export const AuthExpired: Story = {
  args: { callInfo: undefined, status: 'auth-expired', onReauthenticate: fn() },
  play: async ({ globals, canvasElement, args }) => {
    await expect(panelOf(canvasElement)).toHaveAttribute('data-status', 'auth-expired');
    await userEvent.click(within(canvasElement).getByRole('button', { name: storyI18n(globals).messages['action.reauthenticate'] }));
    await expect(args.onReauthenticate).toHaveBeenCalledTimes(1);
  },
};

/** Signed out with the host's sign-in given: the same action, offered as "Sign in". */
export const SignedOutWithSignIn: Story = {
  args: { callInfo: undefined, status: 'signed-out', onReauthenticate: fn() },
  play: async ({ canvasElement, args }) => {
    await expect(panelOf(canvasElement)).toHaveAttribute('data-status', 'signed-out');
    await userEvent.click(within(canvasElement).getByRole('button'));
    await expect(args.onReauthenticate).toHaveBeenCalledTimes(1);
  },
};

/** The session expired mid-call: the caller stays on screen, stale, under the notice and its action. */
export const AuthExpiredMidCall: Story = {
  args: { status: 'auth-expired', freshness: 'stale', lastUpdatedAt: NOW - 12_000, onReauthenticate: fn() },
  play: async ({ canvasElement }) => {
    const panel = panelOf(canvasElement);
    await expect(panel).toHaveAttribute('data-freshness', 'stale');
    await expect(panel.querySelector('[data-party="caller"]')).not.toBeNull();
    // The action comes before the call, so it is read and reached first.
    const action = panel.querySelector('.cip-CallInfoView-action')!;
    await expect(action.compareDocumentPosition(panel.querySelector('[data-party="caller"]')!) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  },
};

/** A malformed answer with no call to keep: in development builds the issues are listed. */
export const MalformedAnswer: Story = {
  args: {
    callInfo: undefined,
    status: 'error',
    error: new GatewayError('bad-response', 'x', { issues: ['result.trace.talkBeginTime: expected a number', 'result.caller: expected text'] }),
    onRetry: fn(),
  },
  play: async ({ canvasElement }) => {
    await expect(panelOf(canvasElement)).toHaveAttribute('data-status', 'error');
    // A static Storybook is a production build: there the list is dropped, as in the host's app.
    const listed = process.env.NODE_ENV === 'production' ? 0 : 2;
    await expect(within(canvasElement).queryAllByRole('listitem')).toHaveLength(listed);
  },
};

/** Without `onReauthenticate` there is no button: the host signs the agent in its own way. */
export const AuthExpiredWithoutHandler: Story = {
  args: { callInfo: undefined, status: 'auth-expired' },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).queryByRole('button')).toBeNull();
  },
};

/** Any other failure with no call to show: the reason in words, the countdown to the next automatic retry (30 s, the longest backoff), and Retry. */
export const ErrorWithRetry: Story = {
  args: {
    callInfo: undefined,
    status: 'error',
    error: new GatewayError('http', 'The gateway answered HTTP 502.', { status: 502 }),
    nextRetryAt: NOW + 30_000,
    onRetry: fn(),
  },
  play: async ({ globals, canvasElement, args }) => {
    await expect(panelOf(canvasElement)).toHaveAttribute('data-status', 'error');
    await expect(within(canvasElement).getByText(storyI18n(globals).messages['error.http'])).toBeVisible();
    await expect(within(canvasElement).getByText(storyI18n(globals).tMatch('status.retryingIn', { seconds: /\d+/ }))).toBeVisible();
    await userEvent.click(within(canvasElement).getByRole('button', { name: storyI18n(globals).messages['action.retry'] }));
    await expect(args.onRetry).toHaveBeenCalledTimes(1);
  },
};

/** An error that is not a gateway error: the status words only, no guess at a reason. */
export const ErrorWithoutReason: Story = {
  args: { callInfo: undefined, status: 'error', error: new TypeError('Something else went wrong') },
};

const ERROR_KINDS = Object.keys(RETRYABLE_KINDS) as GatewayErrorKind[];
/**
 * Panels on one page need names of their own (axe: landmark-unique): each panel here gets its
 * title from a message override, as a page showing several agents' panels would do.
 */
const TITLED_BY_KIND = new Map<string, Record<GatewayErrorKind, Partial<Messages>>>();
/** The titles for one locale, made once (stable objects, so the providers' memo holds). */
function titledByKind(globals: Record<string, unknown>): Record<GatewayErrorKind, Partial<Messages>> {
  const { locale, t } = storyI18n(globals);
  let titles = TITLED_BY_KIND.get(locale);
  if (!titles) {
    titles = Object.fromEntries(ERROR_KINDS.map((kind) => [kind, { 'panel.title': `${t('panel.title')}: ${kind}` }])) as Record<
      GatewayErrorKind,
      Partial<Messages>
    >;
    TITLED_BY_KIND.set(locale, titles);
  }
  return titles;
}

/** Every gateway error kind, in words. */
export const EveryErrorKind: Story = {
  args: { callInfo: undefined, status: 'error' },
  render: (args, { globals }) => (
    <div className="cip-story-stack">
      {ERROR_KINDS.map((kind) => (
        <I18nProvider key={kind} messages={titledByKind(globals)[kind]}>
          <CallInfoView {...args} error={new GatewayError(kind, kind)} />
        </I18nProvider>
      ))}
    </div>
  ),
  play: async ({ globals, canvas }) => {
    for (const kind of ERROR_KINDS) await expect(canvas.getByText(storyI18n(globals).messages[`error.${kind}`])).toBeVisible();
  },
};

// Options

/** `sections` hides sections: only the parties and the timers. */
export const SectionsHidden: Story = {
  args: { sections: ['parties', 'timers'] },
  play: async ({ canvasElement }) => {
    await expect(sectionsOf(panelOf(canvasElement))).toEqual(['parties', 'timers']);
  },
};

const REORDERED: CallInfoSection[] = ['callData', 'parties', 'skill', 'media', 'callType', 'details', 'trace', 'timers'];

/**
 * `sections` reorders them: call data first. The panel lays its sections out in groups (the
 * at-a-glance ones and the rest, two columns when wide), each group in `sections` order, the
 * groups in order of first appearance: so call data leads, and within every group the order is
 * the one asked for.
 */
export const SectionsReordered: Story = {
  args: { sections: REORDERED },
  play: async ({ canvasElement }) => {
    const panel = panelOf(canvasElement);
    const shown = sectionsOf(panel);
    await expect([...shown].sort()).toEqual([...REORDERED].sort());
    await expect(shown[0]).toBe('callData');
    const groups = new Set([...panel.querySelectorAll('[data-section]')].map((section) => section.parentElement));
    for (const group of groups) {
      const order = [...group!.children].map((child) => child.getAttribute('data-section')).filter((name) => name !== null);
      await expect(order).toEqual(REORDERED.filter((name) => order.includes(name)));
    }
  },
};

/** `density="compact"`: tighter spacing and a smaller type size. */
export const Compact: Story = {
  args: { density: 'compact' },
  play: async ({ canvasElement }) => {
    await expect(panelOf(canvasElement)).toHaveAttribute('data-density', 'compact');
  },
};

/** `colorScheme="dark"` on the panel alone, on a light page. */
export const DarkPanelOnLightPage: Story = { args: { colorScheme: 'dark' } };

/** `unstyled`: the library's look is gone; structure, classes, data attributes and behaviour stay. */
export const Unstyled: Story = {
  args: { callInfo: longJsonCall, unstyled: true },
  play: async ({ canvasElement }) => {
    const panel = panelOf(canvasElement);
    await expect(panel).toHaveAttribute('data-unstyled');
    await expect(panel.querySelector('.cip-MediaBadge-root')).toHaveAttribute('data-unstyled');
    await expect(getComputedStyle(panel).borderStyle).toBe('none');
  },
};

/** `classNames`: an integrator's class on one part (here the title and the body) wins with one plain rule. */
export const CustomClassNames: Story = {
  args: { classNames: { title: 'story-accent-title', body: 'story-roomy-body' } },
  play: async ({ globals, canvasElement }) => {
    const title = within(canvasElement).getByRole('heading', { name: storyI18n(globals).t('panel.title') });
    await expect(title).toHaveClass('cip-CallInfoView-title', 'story-accent-title');
    await expect(getComputedStyle(title).textTransform).toBe('uppercase');
  },
};

// Room for the host's own controls, sections and number formats

/** The host's call controls (its own words and handlers: the panel renders them as given). */
const hostActions = (call: CallInfo) => (
  <>
    <button type="button" data-call-id={call.callId}>
      Hold call
    </button>
    <button type="button">Transfer call</button>
    <button type="button">Open in CRM</button>
  </>
);

/**
 * `renderActions`: the host's own controls for the call shown, at the end of the header (the
 * `actions` part), after the title and the badge in reading and keyboard order. In a 320 px side
 * rail they wrap onto a line of their own and never push the panel sideways.
 */
export const IntegratorActions: Story = {
  args: { renderActions: fn(hostActions) },
  render: (args, { loaded }) => (
    <div style={{ inlineSize: 320 }}>
      <CallInfoView {...args} callInfo={rebaseCall(args.callInfo, storyNow(loaded))} />
    </div>
  ),
  play: async ({ globals, canvasElement, args }) => {
    const panel = panelOf(canvasElement);
    const header = panel.querySelector('header')!;
    const actions = header.querySelector<HTMLElement>('.cip-CallInfoView-actions')!;
    await expect(args.renderActions).toHaveBeenCalledWith(expect.objectContaining({ callId: voiceLiveCall.callId }), { status: 'live', freshness: 'fresh' });
    await expect(actions.querySelector(`[data-call-id="${voiceLiveCall.callId}"]`)).not.toBeNull();
    // Nothing sideways at 320 px: the header wraps, and so do the controls.
    await expect(panel.scrollWidth).toBeLessThanOrEqual(panel.clientWidth);
    await expect(header.scrollWidth).toBeLessThanOrEqual(header.clientWidth);
    await expect(actions.getBoundingClientRect().right).toBeLessThanOrEqual(header.getBoundingClientRect().right + 0.5);
    // The keyboard meets the host's three controls first, then the call's own.
    const hostButtons = within(actions).getAllByRole('button');
    for (const button of hostButtons) {
      await userEvent.tab();
      await expect(button).toHaveFocus();
    }
    await userEvent.tab();
    await expect(document.activeElement).toHaveAccessibleName(storyI18n(globals).t('copy.caller', { value: voiceLiveCall.caller }));
  },
};

/** The CRM section's failure, thrown on every render: contained, the rest of the panel stays. */
const CRM_DOWN = new Error('The CRM widget failed (a story of a host bug)');

const EXTRA_SECTIONS: readonly CallInfoExtraSection[] = [
  {
    id: 'customer',
    title: 'Customer record',
    group: 'glance',
    render: (call) => (
      <p>
        Account <bdi>{call.caller}</bdi>: gold tier, 3 open tickets
      </p>
    ),
  },
  {
    id: 'wrapUp',
    title: 'Wrap-up',
    render: () => <textarea aria-label="Wrap-up notes" rows={2} style={{ inlineSize: '100%' }} />,
  },
  {
    id: 'crm',
    title: 'CRM',
    render: () => {
      throw CRM_DOWN;
    },
  },
];
const EXTRA_ORDER = ['parties', 'customer', 'timers', 'callType', 'media', 'skill', 'crm', 'wrapUp', 'trace', 'details', 'callData'];

/**
 * `extraSections`: the host's own sections, laid out like ours (the `section` part, an `h3`
 * `sectionTitle`, `data-section`), placed by `sections` among ours; without `sections` they follow
 * ours in their group. The "CRM" one throws: it alone renders nothing (logged in development
 * builds), the rest of the panel stays.
 */
export const ExtraSections: Story = {
  args: { extraSections: EXTRA_SECTIONS, sections: EXTRA_ORDER },
  // The story's own expected failure is not a console error to fail on: React's report of it and
  // the panel's development message are swallowed, anything else still fails the story.
  beforeEach: () => {
    const watching = console.error;
    console.error = (...args: unknown[]) => {
      if (!args.includes(CRM_DOWN)) watching(...args);
    };
    return () => {
      console.error = watching;
    };
  },
  play: async ({ canvasElement }) => {
    const panel = panelOf(canvasElement);
    await expect(sectionsOf(panel)).toEqual(EXTRA_ORDER.filter((name) => name !== 'crm'));
    const customer = panel.querySelector<HTMLElement>('[data-section="customer"]')!;
    await expect(customer).toHaveClass('cip-CallInfoView-section');
    await expect(within(customer).getByRole('heading', { level: 3 })).toHaveClass('cip-CallInfoView-sectionTitle');
    await expect(customer.closest('[data-group]')).toHaveAttribute('data-group', 'glance');
    await expect(panel.querySelector('[data-section="wrapUp"]')!.closest('[data-group]')).toHaveAttribute('data-group', 'more');
    await expect(within(panel).getByRole('textbox')).toBeVisible();
  },
};

/** The host's mask: the last four digits. */
const maskNumber: FormatNumber = (number) => `••••${number.slice(-4)}`;

/**
 * `formatNumber`: every party number as the host displays it, here masked to its last four
 * digits: on screen, in the copy buttons' names, on the clipboard (what is copied is what is
 * shown) and in what the live region announces.
 */
export const MaskedNumbers: Story = {
  args: { callInfo: videoRingingCall, formatNumber: maskNumber },
  beforeEach: stubClipboard(),
  play: async ({ globals, canvasElement }) => {
    const panel = panelOf(canvasElement);
    const { t } = storyI18n(globals);
    const shown = [...panel.querySelectorAll('.cip-CallParties-number')].map((number) => number.textContent);
    await expect(shown).toEqual(['••••0004', '••••0015', '••••1234']);
    await expect(panel.textContent).not.toContain(videoRingingCall.caller);
    const copy = within(panel).getByRole('button', { name: t('copy.caller', { value: '••••0004' }) });
    await userEvent.click(copy);
    await expect(navigator.clipboard.writeText).toHaveBeenCalledWith('••••0004');
    await waitFor(() =>
      expect(panel.querySelector('.cip-CallInfoView-announcer')).toHaveTextContent(
        t('announce.call.incoming', { media: t('mediaNoun.video'), party: '••••0004', skill: 'voice' }),
      ),
    );
  },
};

// Languages

/** Simplified Chinese, from the toolbar (the `zhCN` catalogue). */
export const Chinese: Story = {
  globals: ZH_CN,
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('region', { name: zhCN['panel.title'] })).toBeVisible();
  },
};

/** Arabic: the panel lays out right to left; numbers and call IDs stay left to right. */
export const RightToLeft: Story = {
  globals: ARABIC,
  play: async ({ canvasElement }) => {
    await expect(panelOf(canvasElement)).toHaveAttribute('dir', 'rtl');
  },
};

// Every status again in the dark scheme: axe checks each against the dark page.

export const LoadingDark: Story = { ...Loading, globals: DARK };
export const NoCallDark: Story = { ...NoCall, globals: DARK };
export const LiveDark: Story = { ...Live, globals: DARK };
export const LiveHeldDark: Story = { ...LiveHeld, globals: DARK };
export const LastCallDark: Story = { ...LastCall, globals: DARK };
export const StaleDark: Story = { ...Stale, globals: DARK };
export const SignedOutDark: Story = { ...SignedOut, globals: DARK };
export const AuthExpiredDark: Story = { ...AuthExpired, globals: DARK };
export const ErrorDark: Story = { ...ErrorWithRetry, globals: DARK };
export const EveryErrorKindDark: Story = { ...EveryErrorKind, globals: DARK, play: undefined };
export const UnknownCodesDark: Story = { ...UnknownCodes, globals: DARK };
export const LongCallDataDark: Story = { ...LongCallData, globals: DARK };
export const CompactDark: Story = { ...Compact, globals: DARK };

import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { DARK } from '../.storybook/globals';
import { CallInfoPanel } from '../src/components/CallInfoPanel/CallInfoPanel';
import type { GatewayErrorKind } from '../src/gateway/codes';
import { faults, type Fault, type GatewaySimulator } from '../src/simulator';
import { isCallInfoUrl } from '../test/fixtures/wire';
import { storyI18n, textMatching } from './support/i18n';
import { waitForPanel } from './support/panel';
import { renderReauthenticatingPanel, renderSimulatedPanel } from './support/SimulatedPanel';
import { AGENT_ID, loadedSimulator, playScenarioTalking, simulatorLoader } from './support/simulator';

/** The retcodes "query call information" was answered with (the panel asks its sibling interfaces too). */
const callInfoRetcodes = (sim: GatewaySimulator) => sim.requests.list.filter((request) => isCallInfoUrl(request.path)).map((request) => request.retcode);

/**
 * The connected panel when the gateway misbehaves. Each story has its own simulator with an
 * inbound voice call in conversation and one injected fault, and its play function proves the
 * state the panel shows (`data-status`, `data-freshness`) and the words it uses.
 */
const meta = {
  title: 'Panel/CallInfoPanel/Faults',
  component: CallInfoPanel,
  args: { agentId: AGENT_ID },
  argTypes: { guid: { control: false }, fetch: { control: false } },
  render: renderSimulatedPanel,
} satisfies Meta<typeof CallInfoPanel>;

export default meta;
type Story = StoryObj<typeof meta>;

/** A loader: the agent talking on an inbound voice call, and `fault` on every request until cleared. */
const withFault = (fault: Fault) =>
  simulatorLoader({
    setup: (sim) => {
      playScenarioTalking(sim, 'inbound-voice');
      sim.injectFault(fault);
    },
  });

/**
 * A play function: the panel shows `error` with the words for `kind` (in the story's language)
 * and a Retry button; for the kinds that ask the agent to wait (`rate-limited`,
 * `switching-over`), Retry only comes once the countdown is over, so it is not looked for.
 */
const showsError = (kind: GatewayErrorKind, { retry = true } = {}): Story['play'] =>
  async ({ globals, canvasElement }) => {
    const { t } = storyI18n(globals);
    const panel = await waitForPanel(canvasElement, { status: 'error' });
    await expect(within(panel).getAllByText(t(`error.${kind}`))[0]).toBeVisible();
    if (retry) await expect(within(panel).getByRole('button', { name: t('action.retry') })).toBeVisible();
  };

/** `100-006`: the agent has not signed in. "Signed out"; polling stops until the host refreshes. */
export const NotSignedIn100006: Story = {
  loaders: [withFault(faults.notSignedIn())],
  play: async ({ globals, canvasElement, loaded }) => {
    const panel = await waitForPanel(canvasElement, { status: 'signed-out' });
    await expect(within(panel).getByText(storyI18n(globals).messages['status.signedOut'])).toBeVisible();
    await expect(callInfoRetcodes(loadedSimulator(loaded).sim)).toEqual(['100-006']);
  },
};

/** `000-003`: no permission, the Guid has expired. "Session expired" and "Sign in again" (the host's `onReauthenticate`). */
export const AuthExpired000003: Story = {
  args: { onReauthenticate: fn() },
  loaders: [withFault(faults.authExpired())],
  play: async ({ globals, canvasElement, args }) => {
    const panel = await waitForPanel(canvasElement, { status: 'auth-expired' });
    await userEvent.click(within(panel).getByRole('button', { name: storyI18n(globals).messages['action.reauthenticate'] }));
    await expect(args.onReauthenticate).toHaveBeenCalledTimes(1);
  },
};

/** `000-007`: the interface is invoked repeatedly. No call to keep yet: `error`, and polling backs off (5 s and up). */
export const RateLimited000007: Story = {
  loaders: [withFault(faults.rateLimited())],
  play: showsError('rate-limited', { retry: false }),
};

/** HTTP 502 with a reverse proxy's HTML error page. */
export const ServerError5xx: Story = {
  loaders: [withFault(faults.serverError(502))],
  play: showsError('http'),
};

/** HTTP 200 with an HTML page (a portal's sign-in page) instead of JSON. */
export const HtmlBody: Story = {
  loaders: [withFault(faults.htmlPage())],
  play: showsError('bad-response'),
};

/** HTTP 200 with no body at all. */
export const EmptyBody: Story = {
  loaders: [withFault(faults.emptyBody())],
  play: showsError('bad-response'),
};

/** The JSON answer cut in the middle. */
export const TruncatedJson: Story = {
  loaders: [withFault(faults.truncatedJson())],
  play: showsError('bad-response'),
};

/** The gateway answers after 5 s; the panel gives up after its `timeoutMs` (1 s here). */
export const DelayBeyondTimeout: Story = {
  args: { timeoutMs: 1_000 },
  loaders: [withFault(faults.delay(5_000))],
  play: showsError('timeout'),
};

/** The connection fails (the gateway or the proxy is down). */
export const NetworkFailure: Story = {
  loaders: [withFault(faults.networkFailure())],
  play: showsError('network'),
};

/**
 * Dynamic authentication (AUTHMODE 2): the gateway rotates the Guid every second. The panel reads
 * the Guid at every request, so it never sends a stale one: the call stays live and fresh.
 */
export const GuidRotation: Story = {
  args: { refetchInterval: 300 },
  loaders: [
    simulatorLoader({
      setup: (sim) => {
        playScenarioTalking(sim, 'inbound-voice');
        sim.setGuidRotation(AGENT_ID, 1_000);
      },
    }),
  ],
  play: async ({ canvasElement, loaded }) => {
    const { sim } = loadedSimulator(loaded);
    const firstGuid = sim.getGuid(AGENT_ID);
    await waitForPanel(canvasElement, { status: 'live', freshness: 'fresh' });
    // Wait through at least one rotation, and several polls after it.
    await waitFor(() => expect(sim.getGuid(AGENT_ID)).not.toBe(firstGuid), { timeout: 3_000 });
    const afterRotation = sim.requests.count;
    await waitFor(() => expect(sim.requests.count).toBeGreaterThanOrEqual(afterRotation + 2), { timeout: 3_000 });
    await waitForPanel(canvasElement, { status: 'live', freshness: 'fresh' });
    // Every answered request carried a valid Guid (one may still be on its way).
    const answered = sim.requests.list.filter((request) => request.outcome !== 'pending');
    await expect(answered.filter((request) => !request.ok)).toEqual([]);
  },
};

/**
 * The Guid rotates while a request is on its way, so that request's Guid is already stale:
 * `000-003`, "Session expired". Signing in again just asks again (`refreshCallInfo`): the Guid
 * function reads the new Guid, and the call is back.
 */
export const GuidRotatedMidRequest: Story = {
  args: { onReauthenticate: fn() },
  loaders: [
    simulatorLoader({
      setup: (sim) => {
        playScenarioTalking(sim, 'inbound-voice');
        sim.injectFault(faults.rotateGuid(), { times: 1 });
      },
    }),
  ],
  render: renderReauthenticatingPanel,
  play: async ({ globals, canvasElement, args, loaded }) => {
    const panel = await waitForPanel(canvasElement, { status: 'auth-expired' });
    await expect(callInfoRetcodes(loadedSimulator(loaded).sim)).toEqual(['000-003']);
    await userEvent.click(within(panel).getByRole('button', { name: storyI18n(globals).messages['action.reauthenticate'] }));
    await expect(args.onReauthenticate).toHaveBeenCalledTimes(1);
    await waitForPanel(canvasElement, { status: 'live', freshness: 'fresh' });
  },
};

/** Injects `fault` into `sim` after its first good answer: the panel has a call, then the gateway fails. */
function failAfterFirstAnswer(fault: Fault) {
  return (fetch: typeof globalThis.fetch, sim: GatewaySimulator): typeof globalThis.fetch => {
    let answered = false;
    return async (input, init) => {
      const response = await fetch(input, init);
      if (!answered && isCallInfoUrl(input instanceof Request ? input.url : input)) {
        answered = true;
        sim.injectFault(fault);
      }
      return response;
    };
  };
}

/**
 * A call on screen, then the gateway fails (HTTP 502): the call stays, marked "Not up to date ·
 * Last updated …" with Retry, while polling backs off. Polls every 500 ms here.
 */
export const StaleAfterFailure: Story = {
  args: { refetchInterval: 500 },
  loaders: [
    simulatorLoader({
      setup: (sim) => playScenarioTalking(sim, 'inbound-voice'),
      wrapFetch: failAfterFirstAnswer(faults.serverError(502)),
    }),
  ],
  play: async ({ globals, canvasElement }) => {
    await waitForPanel(canvasElement, { status: 'live', freshness: 'fresh' });
    const panel = await waitForPanel(canvasElement, { status: 'live', freshness: 'stale' });
    await expect(within(panel).getByText(storyI18n(globals).messages['status.stale'])).toBeVisible();
    await expect(within(panel).getByText(textMatching(storyI18n(globals).tMatch('status.lastUpdated')))).toBeVisible();
    await expect(within(panel).getByText('013912345678')).toBeVisible();
  },
};

/**
 * The gateway is down from the start (HTTP 502): `error` with Retry. The play function brings the
 * gateway back and presses Retry: a new request goes out at once and the call appears.
 */
export const ErrorThenRetry: Story = {
  loaders: [withFault(faults.serverError(502))],
  play: async ({ globals, canvasElement, loaded, step }) => {
    const { sim } = loadedSimulator(loaded);
    const panel = await waitForPanel(canvasElement, { status: 'error' });
    await step('The gateway recovers; the agent presses Retry', async () => {
      sim.clearFaults();
      const before = sim.requests.count;
      await userEvent.click(within(panel).getByRole('button', { name: storyI18n(globals).messages['action.retry'] }));
      await waitFor(() => expect(sim.requests.count).toBeGreaterThan(before));
    });
    await waitForPanel(canvasElement, { status: 'live', freshness: 'fresh', phase: 'talking' });
  },
};

export const StaleAfterFailureDark: Story = { ...StaleAfterFailure, globals: DARK };
export const AuthExpired000003Dark: Story = { ...AuthExpired000003, globals: DARK };

/** A loader: the agent talking on an inbound voice call (5 s into talk), on a gateway whose clock is `skewMs` off the desktop's. */
const withGatewayClock = (skewMs: number) =>
  simulatorLoader(() => ({
    now: () => Date.now() + skewMs,
    setup: (sim) => playScenarioTalking(sim, 'inbound-voice'),
  }));

/** `m:ss` or `h:mm:ss` in seconds. */
const timerSeconds = (text: string | null) =>
  (text ?? '').split(':').map(Number).reduce((total, part) => total * 60 + part, 0);

/**
 * A play function: the running timers read the call's own seconds on the gateway's clock (the
 * panel learns it from each answer's `Date` header): the call duration from 0:16 (queued 8 s,
 * rang 4 s, talking 5 s when the story rendered), the talk time from 0:04, all under a minute,
 * and ticking.
 */
const timersOnGatewayClock: Story['play'] = async ({ canvasElement }) => {
  const panel = await waitForPanel(canvasElement, { status: 'live', freshness: 'fresh', phase: 'talking' });
  // The timers by their `data-timer` kind (the first of a kind is the panel's own, before the trace's).
  const timer = (kind: 'call' | 'talk') => panel.querySelector(`[data-slot="call-timer"][data-timer="${kind}"]`);
  await waitFor(() => {
    const running = [...panel.querySelectorAll('[data-slot="call-timer"][data-state="running"]')].map((t) => t.textContent);
    expect(running.length).toBeGreaterThanOrEqual(1);
    // Seconds: not 2:00:xx (a gateway 2 hours behind), not 0:00 (one 2 minutes ahead).
    for (const text of running) expect(text).toMatch(/^0:\d{2}$/);
    const call = timer('call');
    if (call) expect(timerSeconds(call.textContent)).toBeGreaterThanOrEqual(16);
    expect(timerSeconds(timer('talk')!.textContent)).toBeGreaterThanOrEqual(4);
  });
  const talk = timer('talk')!;
  const first = timerSeconds(talk.textContent);
  await waitFor(() => expect(timerSeconds(talk.textContent)).toBeGreaterThan(first), { timeout: 5_000 });
  expect(talk.textContent).toMatch(/^0:\d{2}$/);
};

/**
 * The gateway's clock is 2 hours behind the desktop's: the call's moments are 2 hours in the
 * desktop's past, yet the timers read the call's seconds, not 2:00:05.
 */
export const GatewayClockBehind: Story = {
  name: 'Gateway clock 2 hours behind',
  loaders: [withGatewayClock(-2 * 3_600_000)],
  play: timersOnGatewayClock,
};

/**
 * The gateway's clock is 2 minutes ahead of the desktop's: the call's moments lie in the
 * desktop's future, yet the timers tick from the call's seconds, not a 0:00 held for 2 minutes.
 */
export const GatewayClockAhead: Story = {
  name: 'Gateway clock 2 minutes ahead',
  loaders: [withGatewayClock(2 * 60_000)],
  play: timersOnGatewayClock,
};

import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, within } from 'storybook/test';
import { DARK } from '../.storybook/globals';
import { CallInfoPanel } from '../src/components/CallInfoPanel/CallInfoPanel';
import { CallInfoProvider } from '../src/query/CallInfoProvider';
import { refreshCallInfo } from '../src/query/refreshCallInfo';
import { SCENARIOS, type GatewaySimulator, type ScenarioId } from '../src/simulator';
import { storyI18n } from './support/i18n';
import { findPanel, waitForPanel } from './support/panel';
import { renderSimulatedPanel } from './support/SimulatedPanel';
import { AGENT_ID, fastClock, loadedSimulator, playScenarioTalking, simulatorLoader } from './support/simulator';
import { loadedBase } from './support/storyContext';

/**
 * The connected panel against the built-in gateway simulator: every story has a
 * `new GatewaySimulator()` of its own, passes its `fetch` as the panel's `fetch`, and reads the
 * Guid with `() => sim.getGuid(agentId)` at every request, as dynamic authentication needs.
 * The panel polls every 3 s (unless a story says otherwise) and asks for the last call.
 */
const meta = {
  title: 'Panel/CallInfoPanel',
  component: CallInfoPanel,
  args: { agentId: AGENT_ID, isNoContainLastCall: true },
  argTypes: {
    guid: { control: false },
    fetch: { control: false },
    refetchInterval: { control: 'number' },
  },
  loaders: [simulatorLoader()],
  render: renderSimulatedPanel,
} satisfies Meta<typeof CallInfoPanel>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The Guid is a credential: never in the panel's text, never in a request's URL. */
function expectGuidKeptSecret(canvasElement: HTMLElement, sim: GatewaySimulator) {
  const guid = sim.getGuid(AGENT_ID);
  expect(canvasElement.textContent).not.toContain(guid);
  for (const request of sim.requests.list) expect(request.path).not.toContain(guid);
}

/** How long the inbound voice call lasts, and how much faster than real time the lifecycle plays it. */
const CALL_MS = SCENARIOS['inbound-voice'].releaseAt ?? 90_000;
const SPEED = 20;

/**
 * A whole inbound voice call, played by the simulator on a clock 20 times faster than real time
 * (90 s in 4.5 s): queued, ringing, talking, held, talking again, then the customer hangs up and it
 * stays as the agent's last call. The panel polls every 250 ms here. The call's own times (the
 * track's spans) follow the fast clock; the live timers tick in real time, so they lag behind.
 */
export const LiveLifecycle: Story = {
  args: { refetchInterval: 250 },
  loaders: [
    simulatorLoader(() => ({
      now: fastClock(SPEED, CALL_MS),
      setup: (sim) => sim.setScenario(AGENT_ID, 'inbound-voice'),
    })),
  ],
  play: async ({ globals, canvasElement, loaded }) => {
    const { sim } = loadedSimulator(loaded);
    const panel = await findPanel(canvasElement);
    const seen: string[] = [];
    const note = () => {
      const state = `${panel.getAttribute('data-status')}/${panel.getAttribute('data-phase') ?? '-'}`;
      if (seen.at(-1) !== state) seen.push(state);
    };
    note();
    const observer = new MutationObserver(note);
    observer.observe(panel, { attributes: true, attributeFilter: ['data-status', 'data-phase'] });
    try {
      await waitForPanel(canvasElement, { status: 'live', phase: 'talking' }, 8_000);
      await waitForPanel(canvasElement, { status: 'last-call', phase: 'ended' }, 12_000);
    } finally {
      observer.disconnect();
    }
    // Forward only: once over, the call never shows as live again.
    const talking = seen.indexOf('live/talking');
    const ended = seen.indexOf('last-call/ended');
    await expect(talking).toBeGreaterThanOrEqual(0);
    await expect(ended).toBeGreaterThan(talking);
    await expect(seen.slice(ended)).toEqual(['last-call/ended']);
    // Announced once at the start and once at the end.
    await expect(panel.querySelector('.cip-CallInfoView-announcer')).toHaveTextContent(storyI18n(globals).t('announce.ended', { party: '013912345678' }));
    expectGuidKeptSecret(canvasElement, sim);
  },
};

/**
 * The host's gateway event loop drives the panel: no polling (`refetchInterval={false}`), and
 * `refreshCallInfo(queryClient, agentId)` on each call event shows the change at once.
 */
export const RefreshOnGatewayEvents: Story = {
  args: { refetchInterval: false },
  play: async ({ canvasElement, loaded, step }) => {
    const { sim } = loadedSimulator(loaded);
    const { queryClient } = loadedBase(loaded);
    /** The host's reaction to a call event: ask the gateway again now. */
    const onCallEvent = async () => {
      const before = sim.requests.count;
      await refreshCallInfo(queryClient, AGENT_ID);
      await expect(sim.requests.count).toBeGreaterThan(before);
    };
    await waitForPanel(canvasElement, { status: 'no-call' });
    await step('AgentEvent_Incoming_CallInfo: the call rings', async () => {
      sim.startCall(AGENT_ID, { state: 'ringing' });
      await onCallEvent();
      await waitForPanel(canvasElement, { status: 'live', phase: 'ringing' });
    });
    await step('The agent answers', async () => {
      sim.answer(AGENT_ID);
      await onCallEvent();
      await waitForPanel(canvasElement, { status: 'live', phase: 'talking' });
    });
    await step('The call ends', async () => {
      sim.release(AGENT_ID);
      await onCallEvent();
      await waitForPanel(canvasElement, { status: 'last-call', phase: 'ended' });
    });
  },
};

/** Base URL, Guid and fetch set once with `CallInfoProvider`; the panel only names the agent. */
export const WithCallInfoProvider: Story = {
  loaders: [simulatorLoader({ setup: (sim) => playScenarioTalking(sim, 'inbound-voice') })],
  render: (args, { loaded }) => {
    const { fetch, guid } = loadedSimulator(loaded);
    return (
      <div className="cip-story-panel">
        <CallInfoProvider baseUrl="" guid={guid} fetch={fetch}>
          <CallInfoPanel {...args} />
        </CallInfoProvider>
      </div>
    );
  },
  play: async ({ canvasElement }) => {
    await waitForPanel(canvasElement, { status: 'live', phase: 'talking' });
  },
};

// One story per simulator scenario (SCENARIO_LIST), opened while the call is in conversation.

function scenarioStory(id: ScenarioId): Story {
  const scenario = SCENARIOS[id];
  const template = scenario.script?.template;
  return {
    loaders: [simulatorLoader({ setup: (sim) => playScenarioTalking(sim, id) })],
    parameters: { docs: { description: { story: `**${scenario.title}.** ${scenario.description}` } } },
    play: async ({ canvasElement, loaded }) => {
      if (!template) {
        await waitForPanel(canvasElement, { status: 'no-call' });
        return;
      }
      // An older gateway sends no trace: the phase is not guessed.
      const phase = template.fields === 'basic' ? 'in-progress' : 'talking';
      const panel = await waitForPanel(canvasElement, { status: 'live', phase });
      await expect(within(panel).getByText(template.caller, { selector: '.cip-CallParties-number' })).toBeVisible();
      expectGuidKeptSecret(canvasElement, loadedSimulator(loaded).sim);
    },
  };
}

export const Idle = scenarioStory('idle');
export const InboundVoice = scenarioStory('inbound-voice');
export const PreviewOutbound = scenarioStory('preview-outbound');
export const PredictedOutbound = scenarioStory('predicted-outbound');
export const VideoCall = scenarioStory('video-call');
export const WebChat = scenarioStory('web-chat');
export const ConsultTwoParty = scenarioStory('consult-two-party');
export const ConsultThreeParty = scenarioStory('consult-three-party');
export const Conference = scenarioStory('conference');
export const TransferOverflow = scenarioStory('transfer-overflow');
export const TransferTimeout = scenarioStory('transfer-timeout');
export const LongCallData = scenarioStory('long-call-data');
export const UnknownCodes = scenarioStory('unknown-codes');
export const OlderGateway = scenarioStory('older-gateway');

/**
 * A scenario with several calls, opened at the moment `atMs` in: the strip of calls shows each,
 * the call the agent is on selected, every other one marked held in words.
 */
function multiCallStory(id: ScenarioId, atMs: number, expected: { legs: number; held: number }): Story {
  const scenario = SCENARIOS[id];
  return {
    loaders: [simulatorLoader({ setup: (sim) => sim.setScenario(AGENT_ID, id, { startAt: sim.state().now - atMs }) })],
    parameters: { docs: { description: { story: `**${scenario.title}.** ${scenario.description}` } } },
    play: async ({ canvasElement, globals, loaded }) => {
      const { t } = storyI18n(globals);
      const panel = await waitForPanel(canvasElement, { status: 'live' });
      const strip = await within(panel).findByRole('tablist', { name: t('calls.label') }, { timeout: 10_000 });
      const tabs = within(strip).getAllByRole('tab');
      await expect(tabs).toHaveLength(expected.legs);
      const held = tabs.filter((tab) => tab.getAttribute('data-phase') === 'held');
      await expect(held).toHaveLength(expected.held);
      for (const tab of held) await expect(tab).toHaveTextContent(t('phase.held'));
      const selected = tabs.find((tab) => tab.getAttribute('aria-selected') === 'true')!;
      await expect(selected).toHaveAttribute('data-current');
      await expect(within(panel).getByRole('tabpanel')).toHaveAttribute('aria-labelledby', selected.id);
      expectGuidKeptSecret(canvasElement, loadedSimulator(loaded).sim);
    },
  };
}

/** The customer held while the agent consults a colleague: two calls, the consultation selected. */
export const ConsultCustomerHeld = multiCallStory('consult-customer-held', 30_000, { legs: 2, held: 1 });
/**
 * A three-party conference: the customer's call and the conference call. The customer's reads
 * "On hold": an answer by call ID carries no trace, so nothing says it was taken back into the
 * conference, and the agent talks on one call at a time.
 */
export const ThreePartyConference = multiCallStory('three-party-conference', 50_000, { legs: 2, held: 1 });
/** A new inbound call answered while the first customer waits on hold. */
export const InboundWhileHeld = multiCallStory('inbound-while-held', 45_000, { legs: 2, held: 1 });
/** The consultation in the dark scheme. */
export const ConsultCustomerHeldDark: Story = { ...ConsultCustomerHeld, globals: DARK };

/** A scenario added to the simulator without a story here fails the type check. */
const EVERY_SCENARIO = {
  idle: Idle,
  'inbound-voice': InboundVoice,
  'preview-outbound': PreviewOutbound,
  'predicted-outbound': PredictedOutbound,
  'video-call': VideoCall,
  'web-chat': WebChat,
  'consult-two-party': ConsultTwoParty,
  'consult-three-party': ConsultThreeParty,
  conference: Conference,
  'transfer-overflow': TransferOverflow,
  'transfer-timeout': TransferTimeout,
  'long-call-data': LongCallData,
  'unknown-codes': UnknownCodes,
  'older-gateway': OlderGateway,
  'consult-customer-held': ConsultCustomerHeld,
  'three-party-conference': ThreePartyConference,
  'inbound-while-held': InboundWhileHeld,
} satisfies Record<ScenarioId, Story>;
void EVERY_SCENARIO;

/** A live call from the simulator in the dark scheme. */
export const InboundVoiceDark: Story = { ...InboundVoice, globals: DARK };

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { CallInfoPanel, refreshCallInfo, type CallInfo } from '../src';
import { zhCN } from '../src/i18n/messages/zh-CN';
import type { AgentView, ScenarioId, SimulatorState } from '../src/simulator';
import { LOCALES, SCHEMES, type DemoConfig, type DemoLocale, type DemoScheme } from './config';
import { CLOCK_CHOICES, FAULT_CHOICES, FAULT_TIMES, describeFault, type FaultChoiceId, type FaultTimesId } from './faults';
import type { Session } from './session';
import { ControlError, type SimControl } from './simControl';
import { useEventLog } from './useEventLog';

export interface AppProps {
  config: DemoConfig;
  control: SimControl;
  session: Session;
}

type CallScenarioId = Exclude<ScenarioId, 'idle'>;
type StartState = 'queued' | 'ringing' | 'talking';

const LIVE_PHASES: readonly AgentView['phase'][] = ['queued', 'ringing', 'talking', 'held'];
const LOCALE_NAMES: Record<DemoLocale, string> = { en: 'English', 'zh-CN': '中文（简体）', ar: 'العربية' };
const SCHEME_NAMES: Record<DemoScheme, string> = { light: 'Light', dark: 'Dark', auto: 'Follow system' };
const PRESENCE: Record<AgentView['phase'], string> = {
  'not-started': 'Idle',
  released: 'Idle',
  queued: 'Call waiting',
  ringing: 'Ringing',
  talking: 'Talking',
  held: 'On hold',
};
const SIM_STATE_KEY = ['cec-call-panel-demo', 'simulator-state'] as const;
/** The panel's message catalogue per locale: module constants, so the panel's memo holds. */
const MESSAGES = { en: undefined, 'zh-CN': zhCN, ar: undefined } as const;

/** A small agent desktop around `<CallInfoPanel>`, with the simulated gateway's controls beside it. */
export function App({ config, control, session }: AppProps) {
  const queryClient = useQueryClient();
  const { agentId, simUrl } = config;
  const [locale, setLocale] = useState<DemoLocale>(config.locale);
  const [scheme, setScheme] = useState<DemoScheme>(config.scheme);
  const [refreshOnEvents, setRefreshOnEvents] = useState(config.refreshOnEvents);
  const [scenario, setScenario] = useState<CallScenarioId>('inbound-voice');
  const [startState, setStartState] = useState<StartState>('ringing');
  const [faultId, setFaultId] = useState<FaultChoiceId>('http-502');
  const [faultTimes, setFaultTimes] = useState<FaultTimesId>('always');
  const { entries, log } = useEventLog();

  const simState = useQuery({
    queryKey: [...SIM_STATE_KEY, simUrl],
    queryFn: () => control.state(),
    refetchInterval: 1_000,
    retry: false,
  });
  const scenarios = useQuery({
    queryKey: ['cec-call-panel-demo', 'scenarios', simUrl],
    queryFn: () => control.scenarios(),
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
  const agent = simState.data?.agents.find((a) => a.agentId === agentId);
  const phase = agent?.phase;
  const live = phase !== undefined && LIVE_PHASES.includes(phase);
  const signedIn = agent?.signedIn ?? false;

  useEffect(() => {
    document.documentElement.dataset.colorScheme = scheme;
  }, [scheme]);

  const refreshOnEventsRef = useRef(refreshOnEvents);
  useEffect(() => {
    refreshOnEventsRef.current = refreshOnEvents;
  }, [refreshOnEvents]);

  /** "Refresh now": what a host calls on a gateway event (incoming call, call ended...). */
  const refreshNow = useCallback(
    async (why: string) => {
      log(`Refresh now (${why})`);
      await refreshCallInfo(queryClient, agentId);
    },
    [agentId, log, queryClient],
  );

  /** Runs a control action, shows the simulator's new state at once, and logs the outcome. */
  const run = useCallback(
    async (label: string, action: () => Promise<SimulatorState | void>, options: { callEvent?: boolean } = {}) => {
      try {
        const state = await action();
        if (state) {
          await queryClient.cancelQueries({ queryKey: SIM_STATE_KEY });
          queryClient.setQueryData([...SIM_STATE_KEY, simUrl], state);
        }
        log(label, 'ok');
        if (options.callEvent && refreshOnEventsRef.current) await refreshNow('call event');
      } catch (error) {
        log(`${label}: ${error instanceof ControlError ? error.message : 'failed'}`, 'error');
      }
    },
    [log, queryClient, refreshNow, simUrl],
  );

  // A promise: the panel asks again with the new Guid once it settles.
  const reauthenticate = useCallback(() => run('Signed in again', () => session.signIn()), [run, session]);

  const onCallChange = useCallback(
    (call: CallInfo | null) => log(call ? `Panel shows call ${call.callId}` : 'Panel shows no call'),
    [log],
  );

  const fault = FAULT_CHOICES.find((choice) => choice.id === faultId) ?? FAULT_CHOICES[0];
  const times = FAULT_TIMES.find((choice) => choice.id === faultTimes)?.times;
  const scenarioList = (scenarios.data ?? []).filter((s): s is typeof s & { id: CallScenarioId } => s.id !== 'idle');
  const presence = !agent ? 'Unknown' : !signedIn ? 'Signed out' : PRESENCE[agent.phase];

  return (
    <div className="desk">
      <header className="desk-topbar">
        <div className="desk-brand">
          <img src="/favicon.svg" alt="" className="desk-logo" width="28" height="28" />
          <span>Agent desktop</span>
        </div>
        <p className="desk-agent">
          Agent <strong>{agentId}</strong>
          <span className="desk-presence" data-presence={!signedIn ? 'signed-out' : (phase ?? 'unknown')}>
            {presence}
          </span>
        </p>
        <div className="desk-prefs">
          <Select
            label="Language"
            value={locale}
            options={LOCALES.map((id) => ({ id, label: LOCALE_NAMES[id] }))}
            onChange={(value) => setLocale(value as DemoLocale)}
          />
          <Select
            label="Colour scheme"
            value={scheme}
            options={SCHEMES.map((id) => ({ id, label: SCHEME_NAMES[id] }))}
            onChange={(value) => setScheme(value as DemoScheme)}
          />
        </div>
      </header>

      {simState.isError && (
        <p className="desk-alert" role="alert">
          The gateway simulator at {simUrl} cannot be reached. Start the demo with <code>npm run demo</code>.
        </p>
      )}

      <main className="desk-main">
        <section className="desk-call" aria-label="Current call" lang={locale}>
          <CallInfoPanel
            agentId={agentId}
            baseUrl={simUrl}
            guid={session.guid}
            isNoContainLastCall
            refetchInterval={config.pollMs}
            locale={locale}
            messages={MESSAGES[locale]}
            onReauthenticate={reauthenticate}
            onCallChange={onCallChange}
          />
        </section>

        <aside className="desk-side" aria-label="Simulated gateway">
          <Box title="Call" hint="Drives the simulated gateway's call for this agent.">
            <div className="desk-row">
              <Select
                label="Scenario"
                value={scenario}
                options={scenarioList.length > 0 ? scenarioList.map((s) => ({ id: s.id, label: s.title })) : [{ id: 'inbound-voice', label: 'Inbound voice call' }]}
                onChange={(value) => setScenario(value as CallScenarioId)}
              />
              <Select
                label="Start as"
                value={startState}
                options={[
                  { id: 'queued', label: 'Queued' },
                  { id: 'ringing', label: 'Ringing' },
                  { id: 'talking', label: 'Talking' },
                ]}
                onChange={(value) => setStartState(value as StartState)}
              />
            </div>
            <div className="desk-buttons">
              <Button
                // While a call is held, a new one joins it (a new inbound while the customer waits).
                disabled={!signedIn || (live && phase !== 'held')}
                onClick={() => run(`Started a ${scenario} call (${startState})`, () => control.startCall(scenario, startState), { callEvent: true })}
              >
                Start call
              </Button>
              <Button
                disabled={!signedIn}
                onClick={() => run(`Playing the ${scenario} script in real time`, () => control.playScenario(scenario), { callEvent: true })}
              >
                Play script
              </Button>
            </div>
            <div className="desk-buttons">
              <Button disabled={phase !== 'queued' && phase !== 'ringing'} onClick={() => run('Answered', () => control.answer(), { callEvent: true })}>
                Answer
              </Button>
              <Button disabled={phase !== 'talking'} onClick={() => run('Held', () => control.hold(), { callEvent: true })}>
                Hold
              </Button>
              <Button disabled={phase !== 'held'} onClick={() => run('Unheld', () => control.unhold(), { callEvent: true })}>
                Unhold
              </Button>
              <Button disabled={phase !== 'talking'} onClick={() => run('Consulting a colleague', () => control.consult(), { callEvent: true })}>
                Consult
              </Button>
              <Button disabled={!live} tone="danger" onClick={() => run('Released', () => control.release(), { callEvent: true })}>
                Release
              </Button>
            </div>
          </Box>

          <Box title="Faults" hint="Shapes the gateway's next answers to this agent.">
            <div className="desk-row">
              <Select
                label="Fault"
                value={faultId}
                options={FAULT_CHOICES.map(({ id, label }) => ({ id, label }))}
                onChange={(value) => setFaultId(value as FaultChoiceId)}
              />
              <Select
                label="For"
                value={faultTimes}
                options={FAULT_TIMES.map(({ id, label }) => ({ id, label }))}
                onChange={(value) => setFaultTimes(value as FaultTimesId)}
              />
            </div>
            <div className="desk-buttons">
              <Button onClick={() => run(`Injected fault: ${fault.label}`, () => control.injectFault(fault.fault, times))}>Inject fault</Button>
              <Button disabled={(simState.data?.faults.length ?? 0) === 0} onClick={() => run('Cleared every fault', () => control.clearFaults())}>
                Clear faults
              </Button>
            </div>
            <ul className="desk-faults" aria-label="Active faults">
              {(simState.data?.faults ?? []).map((active) => (
                <li key={active.id}>{describeFault(active)}</li>
              ))}
              {(simState.data?.faults.length ?? 0) === 0 && <li className="desk-muted">No fault: the gateway answers normally.</li>}
            </ul>
          </Box>

          <Box title="Gateway clock" hint="Desktop clocks drift: the panel reads live timers on the gateway's clock.">
            <div className="desk-row">
              <Select
                label="Clock"
                value={CLOCK_CHOICES.find((choice) => choice.offsetMs === (simState.data?.clockOffsetMs ?? 0))?.id ?? 'in-step'}
                options={CLOCK_CHOICES.map(({ id, label }) => ({ id, label }))}
                onChange={(value) => {
                  const choice = CLOCK_CHOICES.find(({ id }) => id === value) ?? CLOCK_CHOICES[0];
                  void run(`Gateway clock: ${choice.label.toLowerCase()}`, () => control.setClockOffset(choice.offsetMs));
                }}
              />
            </div>
          </Box>

          <Box title="Session" hint="The Guid is kept in memory and sent as a header; it is never shown.">
            <div className="desk-buttons">
              <Button disabled={!signedIn} onClick={() => run('Rotated the Guid at the gateway', () => control.rotateGuid())}>
                Rotate Guid
              </Button>
              <Button disabled={!signedIn} onClick={() => run('Signed the agent out at the gateway', () => control.signOut())}>
                Sign agent out
              </Button>
              <Button
                disabled={!agent || signedIn}
                // No refresh: the panel reads the Guid each interval and asks again once it is new.
                onClick={() => run('Signed the agent in', () => session.signIn())}
              >
                Sign agent in
              </Button>
            </div>
          </Box>

          <Box title="Host" hint="What the host app does with the gateway's agent events.">
            <div className="desk-buttons">
              <Button tone="primary" onClick={() => void refreshNow('button')}>
                Refresh now
              </Button>
            </div>
            <label className="desk-check">
              <input type="checkbox" checked={refreshOnEvents} onChange={(event) => setRefreshOnEvents(event.target.checked)} />
              Refresh on call events
            </label>
            <dl className="desk-facts">
              <div>
                <dt>Polling</dt>
                <dd>{config.pollMs === false ? 'off' : `every ${config.pollMs} ms`}</dd>
              </div>
              <div>
                <dt>Gateway requests</dt>
                <dd data-testid="request-count">{simState.data?.requestCount ?? '–'}</dd>
              </div>
              <div>
                <dt>Simulator</dt>
                <dd>
                  <code>{simUrl}</code>
                </dd>
              </div>
            </dl>
          </Box>
        </aside>
      </main>

      <section className="desk-log" aria-label="Event log">
        <h2 className="desk-log-title">Event log</h2>
        <ol className="desk-log-list">
          {entries.map((entry) => (
            <li key={entry.id} data-tone={entry.tone}>
              <time dateTime={new Date(entry.time).toISOString()}>{new Date(entry.time).toLocaleTimeString('en-GB')}</time>
              <span>{entry.text}</span>
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}

function Box({ title, hint, children }: { title: string; hint: string; children: ReactNode }) {
  const id = useId();
  return (
    <section className="desk-box" aria-labelledby={id}>
      <h2 id={id} className="desk-box-title">
        {title}
      </h2>
      <p className="desk-hint">{hint}</p>
      {children}
    </section>
  );
}

function Select({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: string;
  options: readonly { id: string; label: string }[];
  onChange: (value: string) => void;
}) {
  return (
    <label className="desk-field">
      <span>{label}</span>
      <select value={value} onChange={(event) => onChange(event.target.value)}>
        {options.map((option) => (
          <option key={option.id} value={option.id}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
}

function Button({
  children,
  onClick,
  disabled,
  tone,
}: {
  children: ReactNode;
  onClick: () => unknown;
  disabled?: boolean;
  tone?: 'primary' | 'danger';
}) {
  return (
    <button type="button" className="desk-button" data-tone={tone} disabled={disabled} onClick={() => void onClick()}>
      {children}
    </button>
  );
}

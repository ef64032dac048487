/**
 * The simulator's command line (Node only): a simulated CC-Gateway over HTTP on loopback. One
 * CLI for two callers: the package's bin, `npx cec-call-panel-sim` (built by scripts/build.mjs
 * into dist/bin/cec-call-panel-sim.js), and `npm run gateway:sim` in this repo (scripts/gateway-sim.ts).
 *
 *   cec-call-panel-sim [--port 8043] [--host 127.0.0.1] [--agent 60015] [--scenario inbound-voice]
 *                      [--repeat MS] [--rotate-guid-ms MS] [--help]
 *
 * Port: `--port`, else `PORT`, else 8043 (0 picks a free one). The scenario repeats (default: 30 s
 * after its call ends; `--repeat 0` plays it once) so a long-running page keeps seeing calls come
 * and go. Prints the URL, the agent ID and the Guid; stops on Ctrl+C (SIGINT) or SIGTERM.
 */
import { isValidAgentId } from '../gateway/requestGateway';
import { GatewaySimulator } from './GatewaySimulator';
import { SCENARIO_LIST, SCENARIOS, isScenarioId, type ScenarioId } from './scenarios';
import { startSimulatorServer, type SimulatorServer } from './server';

/** What the command line asks for. */
export interface SimulatorCliOptions {
  port: number;
  /** A loopback address: the simulator's server refuses any other. */
  host: string;
  agentId: string;
  scenario: ScenarioId;
  /** `null`: 30 s after the scenario's call ends. 0: never. */
  repeatMs: number | null;
  /** 0: the Guid never rotates. */
  rotateGuidMs: number;
}

/** A mistake on the command line: printed with a pointer to `--help`, exit code 2. */
export class SimulatorUsageError extends Error {
  override readonly name = 'SimulatorUsageError';
}

/** The `--help` text. */
export function simulatorUsage(command = 'cec-call-panel-sim'): string {
  return `Usage: ${command} [options]

A simulated CEC CC-Gateway ("query call information") over HTTP, for developing against.

Options:
  --port N            port to listen on (default: $PORT, else 8043; 0 picks a free one)
  --host ADDRESS      loopback address to listen on: 127.0.0.1 (default), ::1 or localhost
  --agent ID          the simulated agent's work number, 101-999999 (default 60015)
  --scenario ID       what the agent's call does (default inbound-voice)
  --repeat MS         start the scenario again every MS ms (default: 30 s after its call
                      ends; 0 plays it once)
  --rotate-guid-ms MS give the agent a new Guid every MS ms (default 0: never)
  -h, --help          show this text

Scenarios: ${SCENARIO_LIST.map((s) => s.id).join(', ')}

The gateway's interfaces: GET /agentgateway/resource/calldata/{agentid}/callinfo, .../allcallid
and .../callinfobycallid/{callid}, with a Guid header; control endpoint: /__sim/state, POST
/__sim/scenario, /__sim/call/start|answer|hold|unhold|release|consult, /__sim/fault, /__sim/clock ...
(CORS is open to any origin).`;
}

const FLAGS = new Set(['--port', '--host', '--agent', '--scenario', '--repeat', '--rotate-guid-ms']);

function integer(flag: string, value: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
  const n = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `of ${min} or more` : `${min}-${max}`;
    throw new SimulatorUsageError(`${flag} takes a whole number ${range}, not "${value}".`);
  }
  return n;
}

/**
 * Reads the command line (`--flag value` or `--flag=value`). Returns `'help'` for `--help`;
 * throws {@link SimulatorUsageError} for anything it does not understand.
 */
export function parseSimulatorArgs(argv: readonly string[], env: Readonly<Record<string, string | undefined>> = {}): SimulatorCliOptions | 'help' {
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--help' || arg === '-h') return 'help';
    const eq = arg.indexOf('=');
    const flag = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    if (!FLAGS.has(flag)) throw new SimulatorUsageError(`Unknown option ${arg}.`);
    const value = flag === arg ? argv[++i] : arg.slice(eq + 1);
    if (value === undefined || value === '') throw new SimulatorUsageError(`${flag} needs a value.`);
    values.set(flag, value);
  }

  const scenario = values.get('--scenario') ?? 'inbound-voice';
  if (!isScenarioId(scenario)) {
    throw new SimulatorUsageError(`Unknown scenario "${scenario}". Scenarios: ${SCENARIO_LIST.map((s) => s.id).join(', ')}.`);
  }
  const agentId = values.get('--agent') ?? '60015';
  // The panel refuses any other work number before asking, so a simulator for one would see no request.
  if (!isValidAgentId(agentId)) throw new SimulatorUsageError(`--agent takes a work number, digits 101-999999, not "${agentId}".`);
  const envPort = env.PORT === undefined || env.PORT === '' ? undefined : env.PORT;
  const port = values.get('--port') ?? envPort;
  const repeat = values.get('--repeat');
  return {
    port: port === undefined ? 8043 : integer(values.has('--port') ? '--port' : 'PORT', port, 0, 65_535),
    host: values.get('--host') ?? '127.0.0.1',
    agentId,
    scenario,
    repeatMs: repeat === undefined ? null : integer('--repeat', repeat, 0),
    rotateGuidMs: integer('--rotate-guid-ms', values.get('--rotate-guid-ms') ?? '0', 0),
  };
}

/** A simulator started from the command line. */
export interface RunningSimulator {
  readonly simulator: GatewaySimulator;
  readonly server: SimulatorServer;
  readonly options: SimulatorCliOptions;
}

/** Starts the simulator and its server as `options` say. Throws on a bad combination or a busy port. */
export async function startSimulatorFromOptions(options: SimulatorCliOptions): Promise<RunningSimulator> {
  const { agentId, scenario, rotateGuidMs } = options;
  const simulator = new GatewaySimulator({
    agents: [{ agentId, ...(rotateGuidMs > 0 ? { guidRotationMs: rotateGuidMs } : {}) }],
  });
  const { releaseAt } = SCENARIOS[scenario];
  const repeatMs = options.repeatMs ?? (releaseAt === null ? 0 : releaseAt + 30_000);
  if (repeatMs > 0 && (releaseAt === null || repeatMs <= releaseAt)) {
    throw new SimulatorUsageError(
      releaseAt === null
        ? `The call of "${scenario}" never ends, so it cannot repeat: leave out --repeat or pass 0.`
        : `--repeat must be longer than the call of "${scenario}" (${releaseAt} ms), or 0.`,
    );
  }
  simulator.setScenario(agentId, scenario, repeatMs > 0 ? { repeatEveryMs: repeatMs } : {});
  const server = await startSimulatorServer({ simulator, port: options.port, host: options.host });
  return { simulator, server, options: { ...options, repeatMs } };
}

function describe({ simulator, server, options }: RunningSimulator): string {
  const { agentId, scenario, repeatMs, rotateGuidMs } = options;
  const rotation = rotateGuidMs > 0 ? ` (rotates every ${rotateGuidMs} ms: POST /__sim/signin for the current one)` : '';
  return [
    `CC-Gateway simulator on ${server.url}`,
    `  agent:    ${agentId}`,
    `  Guid:     ${simulator.getGuid(agentId)}${rotation}`,
    `  scenario: ${scenario}${repeatMs ? `, every ${repeatMs} ms` : ''}`,
    `  try:      curl -H 'Guid: ${simulator.getGuid(agentId)}' ${server.url}/agentgateway/resource/calldata/${agentId}/callinfo`,
    `  also:     .../calldata/${agentId}/allcallid, .../calldata/${agentId}/callinfobycallid/{callid}`,
    `  control:  ${server.url}/__sim/state  (POST /__sim/scenario, /__sim/call/start|hold|unhold|release|consult, /__sim/fault ...)`,
    `  stop:     Ctrl+C`,
  ].join('\n');
}

function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}

/**
 * Runs the command line: prints help, or starts the simulator and keeps it up until SIGINT or
 * SIGTERM. Failures are printed (no stack for mistakes on the command line) and set
 * `process.exitCode`: 2 for usage, 1 for anything else.
 *
 * @example
 * await runSimulatorCli(process.argv.slice(2)); // the bin's whole body
 */
export async function runSimulatorCli(
  argv: readonly string[],
  { env = process.env, command = 'cec-call-panel-sim' }: { env?: Readonly<Record<string, string | undefined>>; command?: string } = {},
): Promise<RunningSimulator | null> {
  let running: RunningSimulator;
  let options: SimulatorCliOptions | 'help' | undefined;
  try {
    options = parseSimulatorArgs(argv, env);
    if (options === 'help') {
      console.log(simulatorUsage(command));
      return null;
    }
    running = await startSimulatorFromOptions(options);
  } catch (error) {
    const code = errorCode(error);
    if (error instanceof SimulatorUsageError) {
      console.error(`cec-call-panel-sim: ${error.message}\nRun \`${command} --help\` for the options.`);
      process.exitCode = 2;
    } else if (code === 'EADDRINUSE' && typeof options === 'object') {
      console.error(`cec-call-panel-sim: port ${options.port} on ${options.host} is in use: pick another with --port (0 picks a free one).`);
      process.exitCode = 1;
    } else {
      console.error(`cec-call-panel-sim: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 1;
    }
    return null;
  }

  console.log(describe(running));
  const stop = () => {
    running.server.close().finally(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return running;
}

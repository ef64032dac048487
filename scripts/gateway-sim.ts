/**
 * Development CLI: a simulated CC-Gateway on http://127.0.0.1:{port}.
 *
 *   npx rolldown scripts/gateway-sim.ts --platform node --format esm --file node_modules/.cache/gateway-sim.mjs \
 *     && node node_modules/.cache/gateway-sim.mjs [--port 8043] [--agent 60015] [--scenario inbound-voice]
 *        [--repeat MS] [--rotate-guid-ms 0]
 *
 * Port: `--port`, else `PORT`, else 8043. The scenario repeats (default: 30 s after its call
 * ends; `--repeat 0` plays it once) so a long-running page keeps seeing calls come and go.
 * Prints the URL, the agent ID and the Guid.
 */
import { GatewaySimulator, SCENARIO_LIST, SCENARIOS, isScenarioId, startSimulatorServer } from '../src/simulator/node';

interface CliOptions {
  port: number;
  agentId: string;
  scenario: string;
  /** `null`: 30 s after the scenario's call ends. 0: never. */
  repeatMs: number | null;
  rotateGuidMs: number;
}

const USAGE = `Usage: gateway-sim [--port N] [--agent ID] [--scenario ID] [--repeat MS] [--rotate-guid-ms MS]
Scenarios: ${SCENARIO_LIST.map((s) => s.id).join(', ')}`;

function parseArgs(argv: readonly string[], env: NodeJS.ProcessEnv): CliOptions {
  const options: CliOptions = {
    port: Number(env.PORT ?? 8043),
    agentId: '60015',
    scenario: 'inbound-voice',
    repeatMs: null,
    rotateGuidMs: 0,
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (flag === '--help' || flag === '-h') {
      console.log(USAGE);
      process.exit(0);
    }
    const value = argv[i + 1];
    if (value === undefined) throw new Error(`${flag} needs a value.\n${USAGE}`);
    i++;
    if (flag === '--port') options.port = Number(value);
    else if (flag === '--agent') options.agentId = value;
    else if (flag === '--scenario') options.scenario = value;
    else if (flag === '--repeat') options.repeatMs = Number(value);
    else if (flag === '--rotate-guid-ms') options.rotateGuidMs = Number(value);
    else throw new Error(`Unknown option ${flag}.\n${USAGE}`);
  }
  if (!Number.isInteger(options.port) || options.port < 0 || options.port > 65_535) throw new Error('The port must be 0-65535.');
  if (!isScenarioId(options.scenario)) throw new Error(`Unknown scenario "${options.scenario}".\n${USAGE}`);
  return options;
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2), process.env);
  const scenarioId = isScenarioId(options.scenario) ? options.scenario : 'idle';
  const simulator = new GatewaySimulator({
    agents: [{ agentId: options.agentId, ...(options.rotateGuidMs > 0 ? { guidRotationMs: options.rotateGuidMs } : {}) }],
  });
  const releaseAt = SCENARIOS[scenarioId].releaseAt;
  const repeatMs = options.repeatMs ?? (releaseAt === null ? 0 : releaseAt + 30_000);
  const repeats = releaseAt !== null && repeatMs > releaseAt;
  if (repeatMs > 0 && !repeats) throw new Error(`--repeat must be longer than the scenario's call (${releaseAt ?? 'never ends'}).`);
  simulator.setScenario(options.agentId, scenarioId, repeats ? { repeatEveryMs: repeatMs } : {});
  const server = await startSimulatorServer({ simulator, port: options.port });

  console.log(`CC-Gateway simulator on ${server.url}`);
  console.log(`  agent:    ${options.agentId}`);
  console.log(`  Guid:     ${simulator.getGuid(options.agentId)}${options.rotateGuidMs > 0 ? ` (rotates every ${options.rotateGuidMs} ms: POST /__sim/signin for the current one)` : ''}`);
  console.log(`  scenario: ${scenarioId}${repeats ? `, every ${repeatMs} ms` : ''}`);
  console.log(`  try:      curl -H 'Guid: <Guid>' ${server.url}/agentgateway/resource/calldata/${options.agentId}/callinfo`);
  console.log(`  control:  ${server.url}/__sim/state  (POST /__sim/scenario, /__sim/call/start|hold|unhold|release, /__sim/fault ...)`);

  const stop = () => {
    server.close().finally(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

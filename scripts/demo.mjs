#!/usr/bin/env node
/**
 * The demo agent desktop: starts the gateway simulator's HTTP server and the demo page on
 * 127.0.0.1, and prints the URL.
 *
 *   node scripts/demo.mjs                     simulator + Vite dev server (hot reload)
 *   node scripts/demo.mjs --preview           simulator + a static build of the page served with
 *                                             the strict Content-Security-Policy below
 *   node scripts/demo.mjs build [--out-dir D] only build the page (what the e2e tests serve)
 *
 * Options: --port N (page, default 5173 or $DEMO_PORT), --sim-port N (simulator, default 8043 or
 * $SIM_PORT; 0 picks a free port), --agent ID (default 60015), --scenario ID (the call the agent
 * starts with, default inbound-voice; `idle` for none).
 *
 * The page learns the simulator's URL and the agent ID from VITE_CEC_SIM_URL / VITE_CEC_AGENT_ID
 * (or `?sim=` / `?agent=` in its URL). It gets the Guid by signing in through the simulator's
 * control endpoint and never puts it in a URL; this script never prints it either.
 */
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const configFile = fileURLToPath(new URL('../demo/vite.config.ts', import.meta.url));

/** The policy the built page is served with (the e2e tests enforce the same one). */
const DEMO_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self' http://127.0.0.1:*; img-src 'self' data:";

const USAGE = `Usage: node scripts/demo.mjs [build [--out-dir DIR]] [--preview] [--port N] [--sim-port N] [--agent ID] [--scenario ID]`;

function readOptions(argv) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      preview: { type: 'boolean', default: false },
      port: { type: 'string' },
      'sim-port': { type: 'string' },
      agent: { type: 'string', default: '60015' },
      scenario: { type: 'string', default: 'inbound-voice' },
      'out-dir': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const command = positionals[0] ?? 'serve';
  if (!['serve', 'build'].includes(command) || positionals.length > 1) throw new Error(USAGE);
  const port = (value, fallback, name) => {
    const n = Number(value ?? fallback);
    if (!Number.isInteger(n) || n < 0 || n > 65_535) throw new Error(`${name} must be a port number, 0-65535.`);
    return n;
  };
  return {
    command,
    preview: values.preview,
    port: port(values.port, process.env.DEMO_PORT ?? 5173, '--port'),
    simPort: port(values['sim-port'], process.env.SIM_PORT ?? 8043, '--sim-port'),
    agentId: values.agent,
    scenario: values.scenario,
    outDir: values['out-dir'] ? fileURLToPath(new URL(values['out-dir'], `file://${process.cwd()}/`)) : undefined,
  };
}

/** A production build of the page (NODE_ENV forced: a test runner's `test` would ship React's dev build). */
async function buildDemo(vite, outDir) {
  process.env.NODE_ENV = 'production';
  await vite.build({
    configFile,
    mode: 'production',
    logLevel: 'warn',
    ...(outDir ? { build: { outDir, emptyOutDir: true } } : {}),
  });
}

/** Loads `src/simulator/node.ts` through Vite's module runner (no separate bundling step). */
async function startSimulator(vite, { simPort, agentId, scenario }) {
  const { module: sim } = await vite.runnerImport(`${repoRoot}src/simulator/node.ts`, {
    configFile: false,
    root: repoRoot,
    logLevel: 'warn',
  });
  if (!sim.isScenarioId(scenario)) {
    throw new Error(`Unknown scenario "${scenario}". Scenarios: ${sim.SCENARIO_IDS.join(', ')}`);
  }
  const simulator = new sim.GatewaySimulator({ agents: [{ agentId }] });
  simulator.setScenario(agentId, scenario);
  try {
    const server = await sim.startSimulatorServer({ simulator, port: simPort, host: '127.0.0.1' });
    return { server, scenarios: sim.SCENARIO_IDS };
  } catch (error) {
    if (error?.code === 'EADDRINUSE') {
      throw new Error(`Port ${simPort} is in use (another simulator?). Try --sim-port 0 for a free port.`);
    }
    throw error;
  }
}

async function main() {
  const options = readOptions(process.argv.slice(2));
  const vite = await import('vite');

  if (options.command === 'build') {
    await buildDemo(vite, options.outDir);
    const resolved = await vite.resolveConfig({ configFile, logLevel: 'warn', ...(options.outDir ? { build: { outDir: options.outDir } } : {}) }, 'build');
    console.log(`Built the demo into ${resolved.build.outDir}`);
    return;
  }

  const { server: simServer } = await startSimulator(vite, options);
  process.env.VITE_CEC_SIM_URL = simServer.url;
  process.env.VITE_CEC_AGENT_ID = options.agentId;

  let page;
  if (options.preview) {
    await buildDemo(vite, options.outDir);
    page = await vite.preview({
      configFile,
      logLevel: 'warn',
      ...(options.outDir ? { build: { outDir: options.outDir } } : {}),
      preview: {
        host: '127.0.0.1',
        port: options.port,
        strictPort: false,
        headers: { 'Content-Security-Policy': DEMO_CSP, 'X-Content-Type-Options': 'nosniff' },
      },
    });
  } else {
    page = await vite.createServer({
      configFile,
      server: { host: '127.0.0.1', port: options.port, strictPort: false },
    });
    await page.listen();
  }
  const pageUrl = page.resolvedUrls?.local[0] ?? `http://127.0.0.1:${options.port}/`;

  console.log('');
  console.log(`  Agent desktop demo${options.preview ? ' (static build, strict CSP)' : ''}: ${pageUrl}`);
  console.log(`  Gateway simulator:  ${simServer.url}  (agent ${options.agentId}, scenario ${options.scenario})`);
  console.log(`  Poll faster or slower with ?poll=MS; ?lang=zh-CN|ar; ?scheme=dark|auto. Ctrl+C stops both.`);
  console.log('');

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await Promise.allSettled([page.close(), simServer.close()]);
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

#!/usr/bin/env node
/**
 * `npm test`: the parts below in order, each streaming its own output. Stops at the first part
 * that fails, with its exit code; either way it ends with a table of each part's wall time.
 *
 *   typecheck        tsc --noEmit (npm run typecheck)
 *   vitest           every Vitest project of vite.config.ts: unit, React 18, the query and zod
 *                    floors, the stories in Chromium (light), the end-to-end tests
 *   stories (dark)   every story again in the dark scheme (npm run test:stories:dark)
 *   package          the packed package's checks, sizes and smoke test (npm run test:package)
 *
 * Run one part alone with its own command (`npx vitest run --project e2e`, `npm run test:package`, ...).
 */
import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PARTS = [
  { name: 'typecheck', command: 'npm run typecheck' },
  { name: 'vitest', command: 'vitest run' },
  { name: 'stories (dark)', command: 'npm run test:stories:dark' },
  { name: 'package', command: 'npm run test:package' },
];

const repoRoot = fileURLToPath(new URL('..', import.meta.url));

if (process.argv.length > 2) {
  console.error(`scripts/test.mjs takes no arguments (got: ${process.argv.slice(2).join(' ')}).`);
  console.error('Run one part with its own command instead, e.g. npx vitest run --project unit:node test/gateway');
  process.exit(2);
}

// `npm test` puts node_modules/.bin on PATH already; `node scripts/test.mjs` alone does not.
const env = { ...process.env, PATH: [join(repoRoot, 'node_modules', '.bin'), process.env.PATH].filter(Boolean).join(delimiter) };

let current = null;
let interrupted = null;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    interrupted = signal;
    // Ctrl+C reaches the child through the terminal's process group; a signal sent to this
    // process alone (a CI timeout) is passed on.
    current?.kill(signal);
  });
}

/** Runs `command` in a shell at the repo root; resolves to its exit code (128 + n for signal n). */
function run(command) {
  return new Promise((resolve) => {
    const child = spawn(command, { cwd: repoRoot, env, shell: true, stdio: 'inherit' });
    current = child;
    child.once('error', (error) => {
      console.error(`${command}: ${error.message}`);
      resolve(127);
    });
    child.once('exit', (code, signal) => {
      current = null;
      resolve(code ?? 128 + (constants.signals[signal] ?? 0));
    });
  });
}

const results = [];
const started = performance.now();
let exitCode = 0;
for (const part of PARTS) {
  if (interrupted) break;
  console.log(`\n=== ${part.name}: ${part.command}\n`);
  const t = performance.now();
  const code = await run(part.command);
  results.push({ ...part, code, ms: performance.now() - t });
  if (code !== 0) {
    exitCode = code;
    break;
  }
}
const totalMs = performance.now() - started;

const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
const rows = PARTS.map((part) => {
  const result = results.find((r) => r.name === part.name);
  if (!result) return [part.name, '-', interrupted ? 'not run (interrupted)' : 'not run'];
  return [part.name, seconds(result.ms), result.code === 0 ? 'ok' : `FAILED (exit ${result.code})`];
});
rows.push(['total', seconds(totalMs), exitCode === 0 && !interrupted ? 'ok' : 'failed']);
const widths = [0, 1, 2].map((i) => Math.max(...rows.map((row) => row[i].length), ['part', 'wall time', 'result'][i].length));
const line = (cells) => `  ${cells[0].padEnd(widths[0])}  ${cells[1].padStart(widths[1])}  ${cells[2]}`;
console.log(`\nnpm test, wall time of each part:\n`);
console.log(line(['part', 'wall time', 'result']));
console.log(line(widths.map((w) => '-'.repeat(w))));
for (const row of rows.slice(0, -1)) console.log(line(row));
console.log(line(widths.map((w) => '-'.repeat(w))));
console.log(line(rows.at(-1)));
console.log('');

process.exit(exitCode || (interrupted ? 128 + constants.signals[interrupted] : 0));

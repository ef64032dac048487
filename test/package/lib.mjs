// Shared by scripts/check-package.mjs and scripts/smoke.mjs: build, pack, unpack, run a command
// with a time limit, report checks. Plain Node (no TypeScript, no test runner) so CI calls the
// scripts directly.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(fileURLToPath(import.meta.url), '../../..');

const npmCommand = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** Runs a command to completion (at most `timeoutMs`); throws with its output on failure. */
export function run(command, args, { cwd = repoRoot, timeoutMs = 120_000, env = process.env } = {}) {
  const result = spawnSync(command, args, { cwd, env, encoding: 'utf8', timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 });
  if (result.error || result.status !== 0) {
    const why = result.error ? String(result.error.message) : `exit ${result.status ?? result.signal}`;
    const error = new Error(`${command} ${args.join(' ')} failed (${why})\n${result.stdout ?? ''}${result.stderr ?? ''}`);
    error.stdout = result.stdout;
    error.stderr = result.stderr;
    error.status = result.status;
    throw error;
  }
  return result.stdout;
}

/** `npm run build`, without npm in between: `node scripts/build.mjs`. */
export function buildPackage() {
  run(process.execPath, [join(repoRoot, 'scripts/build.mjs')], { timeoutMs: 180_000 });
}

/**
 * `npm pack` into `destination` (lifecycle scripts off: the caller built dist/ just before).
 * Returns the tarball's path and the files npm put in it.
 */
export function packPackage(destination) {
  if (!existsSync(join(repoRoot, 'dist/index.js'))) throw new Error('dist/ is not built: run `npm run build` (or drop --no-build)');
  mkdirSync(destination, { recursive: true });
  const out = run(npmCommand, ['pack', '--json', '--ignore-scripts', '--pack-destination', destination], { timeoutMs: 60_000 });
  const [info] = JSON.parse(out);
  return { tarball: join(destination, info.filename), files: info.files.map((f) => f.path), info };
}

/** Unpacks a tarball into `destination`; returns the package directory (`destination/package`). */
export function unpack(tarball, destination) {
  mkdirSync(destination, { recursive: true });
  run('tar', ['-xzf', tarball, '-C', destination], { timeoutMs: 30_000 });
  return join(destination, 'package');
}

export const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));

/** `--flag`, `--key value` and `--key=value` arguments. */
export function parseArgs(argv = process.argv.slice(2)) {
  const args = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) throw new Error(`unexpected argument ${arg}`);
    const [key, inline] = arg.slice(2).split(/=(.*)/s, 2);
    if (inline !== undefined) args[key] = inline;
    else if (argv[i + 1] !== undefined && !argv[i + 1].startsWith('--')) args[key] = argv[++i];
    else args[key] = true;
  }
  return args;
}

/** Collects named checks and prints them as they finish; `finish()` exits 1 if any failed. */
export function createReport(title) {
  const started = performance.now();
  const failures = [];
  const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
  console.log(`${title}\n`);
  return {
    /** Runs `fn` (sync or async) as one check; a thrown error fails it, the rest still run. */
    async check(name, fn) {
      const t = performance.now();
      try {
        const note = await fn();
        console.log(`  ok    ${name}${note ? ` — ${note}` : ''} (${seconds(performance.now() - t)})`);
        return true;
      } catch (error) {
        failures.push(name);
        console.log(`  FAIL  ${name} (${seconds(performance.now() - t)})`);
        console.log(indent(String(error?.message ?? error)));
        return false;
      }
    },
    /** A step the later checks need: a failure stops the run. */
    async step(name, fn) {
      const t = performance.now();
      const value = await fn();
      console.log(`  step  ${name} (${seconds(performance.now() - t)})`);
      return value;
    },
    note(text) {
      console.log(`  note  ${text}`);
    },
    get failed() {
      return failures.length > 0;
    },
    finish() {
      const total = seconds(performance.now() - started);
      if (failures.length) {
        console.log(`\n${failures.length} check(s) failed in ${total}: ${failures.join('; ')}`);
        process.exitCode = 1;
      } else {
        console.log(`\nall checks passed in ${total}`);
      }
    },
  };
}

export function indent(text, prefix = '        ') {
  return text
    .trimEnd()
    .split('\n')
    .map((line) => prefix + line)
    .join('\n');
}

/**
 * Ends the process with code 1 after `ms` (a hung browser or build must not hang CI), running
 * `cleanup` first. Returns a function that cancels the deadline.
 */
export function deadline(ms, cleanup) {
  const timer = setTimeout(async () => {
    console.error(`\ntimed out after ${ms / 1000} s`);
    try {
      await cleanup();
    } finally {
      process.exit(1);
    }
  }, ms);
  timer.unref();
  return () => clearTimeout(timer);
}

/** Removes a temporary directory, quietly. */
export function removeDir(dir) {
  if (dir) rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
}

#!/usr/bin/env node
// The Guid never in the built Storybook. Stories get their Guids from the gateway simulator,
// which derives them at run time from a seed, an agent ID and a generation (one per rotation or
// sign-in; src/simulator/deriveGuid.ts). A static build must therefore never hold one: if it
// does, a story (or something it imports) wrote a Guid down as a literal.
//
//   1. reads the stories (stories/, .storybook/) for the seeds and agent IDs their simulators
//      use, and for any Guid written as a literal (`guid: '…'`, 'guid-…', UUID-shaped strings);
//   2. computes, with the simulator itself, every Guid those simulators hand out for the first
//      --generations generations (default 2000: a Guid rotating every second for half an hour);
//   3. builds Storybook into a temporary directory
//      (`npx --no storybook build --disable-telemetry -o <tmp> --quiet`), or takes --dir DIR;
//   4. scans every file of the build for all of them (and proves the scan finds a planted one).
//
//   node scripts/check-storybook-guid.mjs [--dir DIR] [--generations N] [--timeout SECONDS]
//
// Exits 1 when a Guid is found or a step fails. Bounded: --timeout (default 300 s) for the whole
// run, 240 s for the build. The temporary directory is removed whatever happens.
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, relative, resolve } from 'node:path';
import { runnerImport } from 'vite';
import { createReport, deadline, parseArgs, removeDir, repoRoot, run } from '../test/package/lib.mjs';

const args = parseArgs();
const generations = Number(args.generations ?? 2000);
if (!Number.isInteger(generations) || generations < 1 || generations > 100_000) {
  throw new Error('--generations must be an integer from 1 to 100000');
}
const work = mkdtempSync(join(tmpdir(), 'cip-storybook-guid-'));
const cancelDeadline = deadline(Number(args.timeout ?? 300) * 1000, () => removeDir(work));
process.once('SIGINT', () => {
  removeDir(work);
  process.exit(130);
});
const report = createReport('cec-call-panel: no Guid in the built Storybook');

/** A UUID-shaped token, as the simulator's Guids are (any version, any variant, any case). */
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
const SOURCE_EXTENSIONS = new Set(['.ts', '.tsx', '.js', '.jsx', '.mjs', '.mdx', '.md', '.json', '.html']);

/** Every file under `dir` (relative paths), skipping node_modules. */
function listFiles(dir, filter = () => true) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && !entry.parentPath.split(/[\\/]/).includes('node_modules'))
    .map((entry) => join(entry.parentPath, entry.name))
    .filter(filter);
}

/** What the stories' sources say about their simulators, and any Guid they write down. */
function readStorySources() {
  const files = ['stories', '.storybook'].flatMap((dir) => listFiles(join(repoRoot, dir), (f) => SOURCE_EXTENSIONS.has(extname(f))));
  const seeds = new Set([1]); // the simulator's default seed
  const agentIds = new Set();
  const literals = new Set();
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const [, seed] of text.matchAll(/\bseed\s*:\s*(\d+)/g)) seeds.add(Number(seed));
    // Any quoted work number may be an agent of some simulator: over-including costs nothing.
    for (const [, id] of text.matchAll(/['"`](\d{3,6})['"`]/g)) agentIds.add(id);
    for (const [, guid] of text.matchAll(/\bguid\s*[:=]\s*\{?\s*['"`]([^'"`]+)['"`]/gi)) literals.add(guid);
    for (const [, guid] of text.matchAll(/['"`](guid-[^'"`\s]*)['"`]/gi)) literals.add(guid);
    for (const [uuid] of text.matchAll(UUID)) literals.add(uuid);
  }
  return { files, seeds, agentIds, literals };
}

/** Every Guid the simulator hands out for these seeds and agents, generation 0 to `generations - 1`. */
async function simulatorGuids(seeds, agentIds) {
  const { module: sim } = await runnerImport(join(repoRoot, 'src/simulator/index.ts'), {
    configFile: false,
    root: repoRoot,
    logLevel: 'warn',
  });
  agentIds.add(sim.DEFAULT_AGENT_ID);
  const guids = new Set();
  for (const seed of seeds) {
    for (const agentId of agentIds) {
      // The simulator itself, on a still clock: each rotation is the next generation (sign-in after
      // a sign-out is one too).
      const gateway = new sim.GatewaySimulator({ seed, now: () => 0, agents: [{ agentId }] });
      for (let g = 0; g < generations; g++) {
        guids.add(gateway.getGuid(agentId).toLowerCase());
        gateway.rotateGuid(agentId);
      }
    }
  }
  // What a story's loader gets by default must be among them.
  const storyDefault = new sim.GatewaySimulator().getGuid(sim.DEFAULT_AGENT_ID).toLowerCase();
  if (!guids.has(storyDefault)) throw new Error('the default story Guid is not among the computed ones');
  return guids;
}

/** The Guids and literals found in `dir`'s files, and how much was read. */
function scan(dir, guids, literals) {
  const hits = [];
  let bytes = 0;
  let otherUuids = 0;
  const files = listFiles(dir);
  for (const file of files) {
    const text = readFileSync(file, 'latin1'); // byte for byte: a Guid is ASCII in any encoding used here
    bytes += text.length;
    for (const [token] of text.matchAll(UUID)) {
      if (guids.has(token.toLowerCase())) hits.push(`${relative(dir, file)}: simulator Guid ${token}`);
      else otherUuids += 1;
    }
    for (const literal of literals) {
      if (text.includes(literal)) hits.push(`${relative(dir, file)}: literal ${JSON.stringify(literal)} written in a story`);
    }
  }
  return { hits, files: files.length, bytes, otherUuids };
}

let exitCode = 0;
try {
  const sources = await report.step('read the stories', () => readStorySources());
  report.note(`${sources.files.length} story files; seeds ${[...sources.seeds].join(', ')}; agent IDs ${[...sources.agentIds].sort().join(', ')}`);
  const guids = await report.step(`compute the simulator's Guids (${generations} generations each)`, () => simulatorGuids(sources.seeds, sources.agentIds));
  report.note(`${guids.size} Guids for ${sources.seeds.size} seed(s) × ${sources.agentIds.size} agent(s); ${sources.literals.size} Guid-like literal(s) in the stories${sources.literals.size ? `: ${[...sources.literals].map((l) => JSON.stringify(l)).join(', ')}` : ''}`);

  await report.check('the scan finds a Guid planted in a build (the check can fail)', () => {
    const canary = join(work, 'canary');
    mkdirSync(canary);
    const planted = [...guids][guids.size - 1];
    writeFileSync(join(canary, 'chunk.js'), `const token = "${planted.toUpperCase()}";\n`);
    const { hits } = scan(canary, guids, sources.literals);
    removeDir(canary);
    if (hits.length !== 1) throw new Error(`expected the planted Guid to be found once, found ${hits.length}`);
    return 'found';
  });

  let buildDir = args.dir ? resolve(args.dir) : null;
  if (!buildDir) {
    buildDir = join(work, 'storybook-static');
    await report.step('build Storybook (npx --no storybook build --disable-telemetry --quiet)', () =>
      run('npx', ['--no', 'storybook', 'build', '--disable-telemetry', '-o', buildDir, '--quiet'], {
        timeoutMs: 240_000,
        env: { ...process.env, STORYBOOK_DISABLE_TELEMETRY: '1' },
      }),
    );
  }

  await report.check('no simulator Guid and no Guid literal in any file of the build', () => {
    const { hits, files, bytes, otherUuids } = scan(buildDir, guids, sources.literals);
    if (files === 0) throw new Error(`the build at ${buildDir} has no files`);
    if (hits.length > 0) throw new Error(hits.join('\n'));
    return `${files} files, ${(bytes / 1024 / 1024).toFixed(1)} MB scanned for ${guids.size + sources.literals.size} strings; ${otherUuids} other UUID-shaped string(s), none a simulator Guid`;
  });
} catch (error) {
  console.log(`\n  FAIL  ${error?.message ?? error}`);
  exitCode = 1;
} finally {
  removeDir(work);
  cancelDeadline();
}
report.finish();
if (exitCode) process.exitCode = exitCode;

// `npm run bench`: prints the figures that matter for an agent's eight-hour shift, as a
// Markdown table with the machine and date. Figures, not pass/fail: see issues 5 and 9 for the goals.
//   1. bundle sizes from the real build;
//   2. React commits per poll and per second, heap growth over 10,000 polls, requests while
//      hidden / after 100-006 / during an outage, "refresh now" latency, main-thread cost of
//      10 MB of call data (issue 10), and the gateway load of 200 agents with 1 to 4 tabs in
//      Chromium over HTTP (issue 13) (vitest, bench/);
//   3. render cost of the full panel against a plain <dl>, in Chromium.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { measureRenderCost } from '../bench/render-cost/measure.mjs';
import { BUDGETS, GOALS, measureSizes } from './size.mjs';

const root = resolve(fileURLToPath(import.meta.url), '../..');
const kb = (n) => `${(n / 1024).toFixed(2)} KB`;
const rows = [];

execFileSync(process.execPath, [join(root, 'scripts/build.mjs')], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
const sizes = await measureSizes();
const sizeLabels = {
  panel: 'Whole panel, min+gzip (everything `.` exports, English), zod external',
  panelWithZod: 'Whole panel with zod/mini bundled (an app that has no zod yet)',
  hook: '`useCallInfo` alone, min+gzip, zod external',
  hookWithZod: '`useCallInfo` alone with zod/mini bundled',
  agentCalls: '`useAgentCalls` alone (every call of the agent), min+gzip, zod external',
  agentCallsWithZod: '`useAgentCalls` alone with zod/mini bundled',
  element: '`cec-call-panel/element` as served (React, react-query and zod/mini bundled), gzip',
  locale: 'zh-CN locale added to the panel, min+gzip',
  css: '`styles.css`, gzip',
};
for (const [key, label] of Object.entries(sizeLabels)) {
  const goal = GOALS[key] === undefined ? '' : `; goal ${kb(GOALS[key])}`;
  rows.push([label, kb(sizes[key].gzip), `<= ${kb(BUDGETS[key])}${goal}`, `${kb(sizes[key].raw)} minified`]);
}

const dir = mkdtempSync(join(tmpdir(), 'cip-bench-'));
const out = join(dir, 'figures.jsonl');
try {
  execFileSync(join(root, 'node_modules/.bin/vitest'), ['run', '--config', 'bench/vitest.config.ts'], {
    cwd: root,
    // Vite's build() above set NODE_ENV=production in this process; the measures run as tests.
    env: { ...process.env, NODE_ENV: 'test', BENCH_OUT: out },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (const line of readFileSync(out, 'utf8').trim().split('\n')) {
    const f = JSON.parse(line);
    const value = Number.isInteger(f.value) ? f.value : f.value.toFixed(2);
    rows.push([f.measure, `${value} ${f.unit}`, f.goal, f.note ?? '']);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const cost = await measureRenderCost(500);
rows.push(['Render cost, full panel / plain `<dl>` (Chromium, mount + layout)', `${cost.ratio.toFixed(1)}x`, 'a ratio', `${(cost.panelMs / 500).toFixed(1)} ms vs ${(cost.plainMs / 500).toFixed(1)} ms per mount, 500 mounts each`]);

console.log(`cec-call-panel bench, ${new Date().toISOString().slice(0, 10)}, Node ${process.versions.node}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB\n`);
console.log('| measure | figure | goal | note |\n|---|---:|---|---|');
for (const row of rows) console.log(`| ${row.join(' | ')} |`);

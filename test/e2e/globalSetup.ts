/**
 * The e2e project's global setup: one production build of the demo for the whole run, shared by
 * every e2e file (each still serves it with its own static server and its own Chromium).
 *
 * The build starts here and is not awaited: Vitest runs global setups before any test file, so
 * awaiting it would hold the whole run up. Its child process writes a status file when it ends
 * (atomically: written beside, then renamed); `startHarness` (support/desktop.ts) waits for that
 * file, bounded, and fails the file with the build's output if the build failed. The teardown
 * waits for the build and removes it.
 */
import { execFile } from 'node:child_process';
import { renameSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The run's one build of the demo (test/e2e/globalSetup.ts): where it goes, and its status file. */
    e2eDemo: { outDir: string; statusFile: string };
  }
}

/** What the status file holds once the build has ended. */
export interface DemoBuildStatus {
  readonly ok: boolean;
  /** Wall time of the build, ms. */
  readonly ms: number;
  /** The failure and the build's output, when not ok. */
  readonly error?: string;
}

/** Bound of the build itself; the harness waits a little longer (support/desktop.ts). */
export const DEMO_BUILD_TIMEOUT_MS = 110_000;

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const root = await mkdtemp(join(tmpdir(), 'cec-demo-e2e-'));
  const outDir = join(root, 'demo');
  const statusFile = join(root, 'build.json');
  const started = performance.now();
  const ended = new Promise<void>((resolve) => {
    // The launcher's own build (NODE_ENV=production in its own process: React's production build).
    execFile(
      process.execPath,
      ['scripts/demo.mjs', 'build', '--out-dir', outDir],
      {
        cwd: repoRoot,
        env: { ...process.env, NODE_ENV: 'production', VITE_CEC_SIM_URL: '', VITE_CEC_AGENT_ID: '' },
        timeout: DEMO_BUILD_TIMEOUT_MS,
      },
      (error, stdout, stderr) => {
        const status: DemoBuildStatus = {
          ok: !error,
          ms: Math.round(performance.now() - started),
          ...(error ? { error: `${error.message}\n${stdout}\n${stderr}`.trim() } : {}),
        };
        writeFileSync(`${statusFile}.part`, JSON.stringify(status));
        renameSync(`${statusFile}.part`, statusFile);
        resolve();
      },
    );
  });
  project.provide('e2eDemo', { outDir, statusFile });
  return async () => {
    await ended;
    await rm(root, { recursive: true, force: true });
  };
}

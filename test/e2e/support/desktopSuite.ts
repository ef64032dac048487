import { afterAll, afterEach, beforeAll } from 'vitest';
import { DEMO_BUILD_TIMEOUT_MS } from '../globalSetup';
import { startHarness, type Desktop, type Harness } from './desktop';

/**
 * The life of an e2e file: one harness (the run's built demo, Chromium) for the file, and after every
 * test the desktop it opened is checked clean (no CSP violation, page error, unprovoked console
 * error or Guid leak) and closed, then whatever the test registered to undo is undone. Tests
 * run concurrently, so desktops are kept by test ID.
 */
export function desktopSuite<D extends Desktop>(summary: (harness: Harness | undefined) => string) {
  let harness: Harness | undefined;
  const open = new Map<string, { desktop?: D; cleanups: Array<() => Promise<void>> }>();
  const started = performance.now();
  const entry = (taskId: string) => open.get(taskId) ?? open.set(taskId, { cleanups: [] }).get(taskId)!;

  // The harness may first wait for the run's build of the demo (bounded by its own timeout).
  beforeAll(async () => {
    harness = await startHarness();
  }, DEMO_BUILD_TIMEOUT_MS + 60_000);

  afterAll(async () => {
    await harness?.close();
    console.info(`${summary(harness)}; ${Math.round(performance.now() - started)} ms in all`);
  });

  afterEach(async ({ task }) => {
    const current = open.get(task.id);
    open.delete(task.id);
    if (!current) return;
    try {
      await current.desktop?.assertClean();
    } finally {
      await current.desktop?.close();
      for (const cleanup of current.cleanups) await cleanup();
    }
  });

  return {
    /** The file's harness (started in `beforeAll`). */
    harness: (): Harness => {
      if (!harness) throw new Error('desktopSuite: the harness starts in beforeAll');
      return harness;
    },
    /** Checks and closes `desktop` after the test `taskId`. */
    track(taskId: string, desktop: D): D {
      entry(taskId).desktop = desktop;
      return desktop;
    },
    /** Runs `cleanup` after the test `taskId`, once its desktop is closed. */
    onCleanup(taskId: string, cleanup: () => Promise<void>): void {
      entry(taskId).cleanups.push(cleanup);
    },
  };
}

import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

/** The measurements behind `npm run bench`: figures, not pass/fail timing. */
export default defineConfig({
  root: resolve(import.meta.dirname, '..'),
  plugins: [react()],
  test: {
    name: 'bench',
    environment: 'jsdom',
    include: ['bench/**/*.measure.{ts,tsx}'],
    setupFiles: ['test/setup.ts'],
    pool: 'forks',
    // Heap figures need garbage collection forced between readings.
    execArgv: ['--expose-gc'],
    fileParallelism: false,
    testTimeout: 600_000,
  },
});

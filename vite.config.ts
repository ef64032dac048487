import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import react from '@vitejs/plugin-react';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import type { Plugin } from 'vite';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './test/support/browser.mjs';

/** React 18 for the `react18` project: test/package/react18, a local package in devDependencies. */
const react18 = (name: string) => fileURLToPath(new URL(`./test/package/react18/node_modules/${name}`, import.meta.url));
/** The aliases that run a project on React 18. */
const onReact18 = [
  { find: /^react-dom(\/.*)?$/, replacement: `${react18('react-dom')}$1` },
  { find: /^react(\/.*)?$/, replacement: `${react18('react')}$1` },
  // Its ESM build: Vite would pick the CommonJS `main`, whose require('react') Node answers.
  {
    find: /^@testing-library\/react$/,
    replacement: fileURLToPath(new URL('./node_modules/@testing-library/react/dist/@testing-library/react.esm.js', import.meta.url)),
  },
];
/**
 * The lowest @tanstack/react-query of the peer range for the `query-floor` project:
 * test/package/query-floor, a local package in devDependencies that pins that release. Aliased to
 * its ESM build (the `import` export): Vite would take the CommonJS `main` of a directory.
 */
const queryFloorEntry = (() => {
  const dir = fileURLToPath(new URL('./test/package/query-floor/node_modules/@tanstack/react-query/', import.meta.url));
  const { exports } = JSON.parse(readFileSync(`${dir}package.json`, 'utf8'));
  return `${dir}${exports['.'].import.default}`;
})();

/**
 * What test/setup.ts does with `notifyManager.setScheduler(queueMicrotask)`, for the releases
 * before 5.17 that lack it: their notifyManager batches in `sleep(0).then(...)`, a 0 ms timeout
 * that fake timers fire a millisecond late, so fake time could not land exactly on a poll.
 * Nothing else of the release under test changes (test/package/queryVersion.test.tsx checks the effect).
 */
function notifyOnMicrotask(): Plugin {
  return {
    name: 'cec-call-panel:query-floor-notify-on-microtask',
    transform(code, id) {
      if (!/[\\/]@tanstack[\\/]query-core[\\/]build[\\/]modern[\\/]notifyManager\.js$/.test(id) || code.includes('setScheduler')) return null;
      const patched = code.replace(/^import \{ scheduleMicrotask \} from "\.\/utils\.js";$/m, 'const scheduleMicrotask = (callback) => queueMicrotask(callback);');
      if (patched === code) throw new Error(`${id}: no scheduleMicrotask import to replace`);
      return { code: patched, map: null };
    },
  };
}

export default defineConfig({
  plugins: [react()],
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'jsdom',
          include: ['test/**/*.test.{ts,tsx}'],
          // node_modules too, as Vitest's default does: test/package/query-floor's release ships its own tests.
          exclude: ['test/e2e/**', '**/node_modules/**'],
          setupFiles: ['test/setup.ts'],
          restoreMocks: true,
        },
      },
      {
        // The React-touching unit tests again, on React 18 (the peer range is >=18).
        extends: true,
        resolve: { alias: onReact18 },
        test: {
          name: 'react18',
          environment: 'jsdom',
          include: ['test/{components,query,i18n,package}/**/*.test.{ts,tsx}'],
          setupFiles: ['test/setup.ts'],
          restoreMocks: true,
          env: { EXPECTED_REACT_MAJOR: '18' },
          // Loaded by Vite rather than Node, so their own `react` imports take the aliases too.
          server: { deps: { inline: ['@tanstack/react-query', '@testing-library/react'] } },
        },
      },
      {
        // The panel's query-driven tests again, on the lowest @tanstack/react-query the peer range
        // admits (test/package/query-floor), with React 18 as its peers ask.
        extends: true,
        plugins: [notifyOnMicrotask()],
        resolve: {
          // React 18, as the react18 project: the releases of 2023 and 2024 ask for it (peer ^18).
          alias: [{ find: /^@tanstack\/react-query$/, replacement: queryFloorEntry }, ...onReact18],
        },
        test: {
          name: 'query-floor',
          environment: 'jsdom',
          include: [
            'test/query/**/*.test.{ts,tsx}',
            'test/components/CallInfoPanel*.test.tsx',
            'test/hardening/{agentId,callSwitch,clockSkew,outage,soak}.test.tsx',
            'test/package/*.test.{ts,tsx}',
          ],
          setupFiles: ['test/setup.ts'],
          restoreMocks: true,
          env: { EXPECTED_REACT_MAJOR: '18', EXPECTED_QUERY_FLOOR: '1' },
          // Loaded by Vite, so their imports take the aliases and the plugin sees query-core.
          server: { deps: { inline: ['@tanstack/react-query', '@tanstack/query-core', '@testing-library/react'] } },
        },
      },
      {
        extends: true,
        plugins: [storybookTest({ configDir: '.storybook' })],
        test: {
          name: 'storybook',
          // Play functions bound their own waits (the live lifecycle's, 20 s in all, passes in
          // 5-11 s on a busy 2-core runner); the default 15 s cut it short under heavy load.
          testTimeout: 45_000,
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({ launchOptions: { executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS] } }),
            instances: [{ browser: 'chromium' }],
          },
        },
      },
      {
        // The demo desktop in Chromium against the Node simulator (the tests build and serve it).
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});

import { fileURLToPath } from 'node:url';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import react from '@vitejs/plugin-react';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './test/support/browser.mjs';

/** React 18 for the `react18` project: test/package/react18, a local package in devDependencies. */
const react18 = (name: string) => fileURLToPath(new URL(`./test/package/react18/node_modules/${name}`, import.meta.url));

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
          exclude: ['test/e2e/**'],
          setupFiles: ['test/setup.ts'],
          restoreMocks: true,
        },
      },
      {
        // The React-touching unit tests again, on React 18 (the peer range is >=18).
        extends: true,
        resolve: {
          alias: [
            { find: /^react-dom(\/.*)?$/, replacement: `${react18('react-dom')}$1` },
            { find: /^react(\/.*)?$/, replacement: `${react18('react')}$1` },
            // Its ESM build: Vite would pick the CommonJS `main`, whose require('react') Node answers.
            {
              find: /^@testing-library\/react$/,
              replacement: fileURLToPath(
                new URL('./node_modules/@testing-library/react/dist/@testing-library/react.esm.js', import.meta.url),
              ),
            },
          ],
        },
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
        extends: true,
        plugins: [storybookTest({ configDir: '.storybook' })],
        test: {
          name: 'storybook',
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

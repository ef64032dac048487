import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import react from '@vitejs/plugin-react';
import { playwright } from '@vitest/browser-playwright';
import { configDefaults, defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
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

/**
 * The lowest zod of the peer range for the `zod-floor` project: test/package/zod-floor, a local
 * package in devDependencies that pins that release. Every subpath it exports (`zod`, `zod/mini`,
 * `zod/v4/core`, ...) gets an exact alias to its ESM file, so `zod` cannot catch `zod/mini` and no
 * subpath falls through to the repo's current release.
 */
const onZodFloor = (() => {
  const dir = fileURLToPath(new URL('./test/package/zod-floor/node_modules/zod/', import.meta.url));
  const { exports } = JSON.parse(readFileSync(`${dir}package.json`, 'utf8')) as {
    exports: Record<string, string | { import?: string }>;
  };
  return Object.entries(exports).flatMap(([subpath, target]) => {
    const file = typeof target === 'string' ? target : target.import;
    if (!file || subpath.includes('*') || !/\.m?js$/.test(file)) return [];
    const specifier = `zod${subpath.slice(1)}`.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    return [{ find: new RegExp(`^${specifier}$`), replacement: `${dir}${file.replace(/^\.\//, '')}` }];
  });
})();

/**
 * Where a test file runs follows from its name: `*.test.tsx` (components, hooks, anything that
 * renders) under jsdom with test/setup.ts (Testing Library's cleanup), `*.test.ts` (gateway,
 * simulator, fuzz, catalogues, package checks) under plain Node with test/setup-node.ts, which
 * loads no DOM library. A `.test.ts` file that needs a DOM says so with a
 * `// @vitest-environment jsdom` docblock at its top.
 *
 * So each unit-style project is two Vitest projects over the same globs: `<name>` (jsdom, the
 * `.tsx` files) and `<name>:node` (Node, the `.ts` files). `--project 'unit*'` runs both halves.
 */
type UnitProject = {
  name: string;
  include: string[];
  exclude?: string[];
  plugins?: Plugin[];
  alias?: Array<{ find: RegExp; replacement: string }>;
  env?: Record<string, string>;
  /** Dependencies Vite loads (rather than Node), so that their own imports take the aliases. */
  inline?: string[];
};
function byEnvironment({ name, include, exclude = [], plugins = [], alias = [], env = {}, inline }: UnitProject) {
  const common = {
    extends: true as const,
    plugins,
    resolve: { alias },
  };
  const test = {
    include,
    restoreMocks: true,
    env,
    ...(inline ? { server: { deps: { inline } } } : {}),
  };
  return [
    {
      ...common,
      test: {
        ...test,
        name,
        environment: 'jsdom',
        // Each file in a VM context of its own (isolated as with `forks`), in workers that keep
        // jsdom loaded: a fresh fork per file spent more than half a second loading jsdom again.
        pool: 'vmForks' as const,
        // Vitest's default exclude stays (an explicit `exclude` replaces it): node_modules among
        // others, where test/package/query-floor's release ships tests of its own.
        exclude: [...configDefaults.exclude, ...exclude, '**/*.test.ts'],
        setupFiles: ['test/setup.ts'],
      },
    },
    {
      ...common,
      test: {
        ...test,
        name: `${name}:node`,
        environment: 'node',
        exclude: [...configDefaults.exclude, ...exclude, '**/*.test.tsx'],
        setupFiles: ['test/setup-node.ts'],
      },
    },
  ];
}

/**
 * Vitest's order (project by project, the larger or slower files of each first), except that the
 * e2e files, which mostly wait on Chromium and real time, are spread through the first half of
 * the queue rather than run back to back at its head: with two workers, two e2e files at once
 * would leave both waiting while the CPU-bound unit files queue behind them. One e2e file goes
 * first; each next one comes after as many other files as two workers run meanwhile.
 */
class SpreadWaitingFiles extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const waiting = sorted.filter((spec) => spec.project.name === 'e2e');
    const others = sorted.filter((spec) => spec.project.name !== 'e2e');
    if (waiting.length === 0) return sorted;
    const gap = Math.max(1, Math.floor(others.length / (2 * waiting.length)));
    const spread: TestSpecification[] = [];
    others.forEach((spec, index) => {
      if (index % gap === 0 && waiting.length > 0) spread.push(waiting.shift()!);
      spread.push(spec);
    });
    return [...spread, ...waiting];
  }
}

export default defineConfig({
  plugins: [react()],
  test: {
    // One worker per core, and at least two (Vitest's default is one fewer than the cores: a single
    // worker on a 2-core runner). Much of the run waits on real time rather than the CPU (the e2e
    // files on Chromium and the simulator, the story play functions), so a second worker (and a
    // second story tab: the browser project takes the same figure) overlaps that waiting with the
    // CPU-bound files. Every project shares it, as Vitest requires of projects run together.
    maxWorkers: Math.max(2, availableParallelism()),
    sequence: { sequencer: SpreadWaitingFiles },
    projects: [
      ...byEnvironment({
        name: 'unit',
        include: ['test/**/*.test.{ts,tsx}'],
        // test/visual: screenshots in Chromium, the `visual` project below.
        exclude: ['test/e2e/**', 'test/visual/**'],
      }),
      // The React-touching unit tests again, on React 18 (the peer range is >=18).
      ...byEnvironment({
        name: 'react18',
        include: ['test/{components,query,i18n,package}/**/*.test.{ts,tsx}'],
        // tsc sees no Vite alias: the README's compile check is the same on every release.
        exclude: ['test/package/readme.test.ts'],
        alias: onReact18,
        env: { EXPECTED_REACT_MAJOR: '18' },
        // Loaded by Vite rather than Node, so their own `react` imports take the aliases too.
        inline: ['@tanstack/react-query', '@testing-library/react'],
      }),
      // The panel's query-driven tests again, on the lowest @tanstack/react-query the peer range
      // admits (test/package/query-floor), with React 18 as its peers ask (the releases of 2023
      // and 2024 ask for it: peer ^18). The eight-hour soak (test/hardening/soak.test.tsx) runs
      // once, in `unit`: it is the same shift on either release, and the longest test there is.
      ...byEnvironment({
        name: 'query-floor',
        include: [
          'test/query/**/*.test.{ts,tsx}',
          'test/components/CallInfoPanel*.test.tsx',
          'test/hardening/{agentId,callSwitch,clockSkew,outage}.test.tsx',
          'test/package/*.test.{ts,tsx}',
        ],
        exclude: ['test/package/readme.test.ts'],
        plugins: [notifyOnMicrotask()],
        alias: [{ find: /^@tanstack\/react-query$/, replacement: queryFloorEntry }, ...onReact18],
        env: { EXPECTED_REACT_MAJOR: '18', EXPECTED_QUERY_FLOOR: '1' },
        // Loaded by Vite, so their imports take the aliases and the plugin sees query-core.
        inline: ['@tanstack/react-query', '@tanstack/query-core', '@testing-library/react'],
      }),
      {
        // The wire schemas, the parser and the simulator again on the lowest zod the peer range
        // admits (test/package/zod-floor). Node only: nothing here renders.
        extends: true,
        resolve: { alias: onZodFloor },
        test: {
          name: 'zod-floor',
          environment: 'node',
          include: [
            'test/gateway/**/*.test.ts',
            'test/fuzz/**/*.test.ts',
            'test/simulator/**/*.test.ts',
            'test/package/zodVersion.test.ts',
          ],
          setupFiles: ['test/setup-node.ts'],
          restoreMocks: true,
          env: { EXPECTED_ZOD_FLOOR: '1' },
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
        // Visual regression: <CallInfoView> in its key states, screenshotted in Debian's Chromium
        // (one page, reused) and compared with the committed PNGs in test/visual/__screenshots__.
        // `npm run test:visual:update` rewrites them; a failing comparison writes the actual and
        // the diff images to test/visual/__diff__ (gitignored).
        extends: true,
        test: {
          name: 'visual',
          include: ['test/visual/**/*.test.tsx'],
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({
              launchOptions: { executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS] },
              // A window larger than the test iframe's viewport below, so that Vitest does not
              // scale the iframe down to fit (a scaled screenshot loses half its pixels).
              contextOptions: { viewport: { width: 1000, height: 1500 }, deviceScaleFactor: 1, reducedMotion: 'reduce' },
            }),
            instances: [{ browser: 'chromium' }],
            // Wider than the widest panel (800 px), tall enough for the longest state.
            viewport: { width: 900, height: 1400 },
            // The screenshots are of the panel alone: no failure screenshots of the whole page.
            screenshotFailures: false,
            expect: {
              toMatchScreenshot: {
                comparatorName: 'pixelmatch',
                // Anti-aliased pixels (pixelmatch's own detection) and colour noise under 0.05 pass; any
                // other pixel fails: a 0.1 % allowance let a recoloured band border through.
                comparatorOptions: { threshold: 0.05, allowedMismatchedPixelRatio: 0 },
                resolveScreenshotPath: ({ root, testFileName, arg, ext }) =>
                  `${root}/test/visual/__screenshots__/${testFileName}/${arg}${ext}`,
                resolveDiffPath: ({ root, testFileName, arg, ext }) => `${root}/test/visual/__diff__/${testFileName}/${arg}${ext}`,
              },
            },
          },
        },
      },
      {
        // The demo desktop in Chromium against the Node simulator. test/e2e/globalSetup.ts builds
        // the demo once per run; each file serves that build with its own server and Chromium.
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/e2e/globalSetup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});

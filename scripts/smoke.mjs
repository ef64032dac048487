// The integrator's smoke test: the packed package, installed into a fresh app outside the repo,
// built by Vite and run in Chromium.
//
//   1. `scripts/build.mjs`, `npm pack`.
//   2. A fresh app (test/package/fixture-app) in a temporary directory holding only the tarball,
//      the peers (react, react-dom, @tanstack/react-query, zod) and what they and the package depend
//      on: copied from the repo's node_modules (offline, the versions `npm ci` locked), or with
//      `--install npm` installed from the registry at those same versions.
//   3. Typechecks the app's code against the packed declarations (moduleResolution bundler and
//      nodenext, skipLibCheck off).
//   4. Builds two pages with Vite: `panel` (CallInfoPanel + styles.css + the simulator's fetch)
//      and `hook` (useCallInfo alone), and checks what each bundle holds: the hook page ships no
//      component, stylesheet or simulator module; the panel page ships the browser simulator
//      but none of its Node-only modules, no classic zod (only zod/mini) and no extra locale.
//   5. Serves both on 127.0.0.1 (a node:http static server, strict CSP) and opens them in
//      Chromium (playwright-core, Debian's browser): the panel shows the simulated caller with
//      styles.css applied, the hook page shows the caller, and no page logs an error.
//
// Steps 2-5 run once per React major in `--react` (default `19,18`; React 18 and its types come
// from test/package/react18, a local package in devDependencies). The React 19 app gets the repo's
// @tanstack/react-query and zod; the React 18 app the lowest releases of our peer ranges (the
// react-query releases before React 19 ask for React 18), from test/package/query-floor and
// test/package/zod-floor, other local packages.
//
//   node scripts/smoke.mjs [--no-build] [--tarball file.tgz] [--react 19,18] [--install copy|npm]
//                          [--timeout 300] [--keep]
//
// Exits 1 when a check fails. Everything temporary is under the OS temp directory and removed
// (`--keep` leaves it for a look).
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { build } from 'vite';
import {
  buildPackage,
  createReport,
  deadline,
  indent,
  packPackage,
  parseArgs,
  readJson,
  removeDir,
  repoRoot,
  run,
  unpack,
} from '../test/package/lib.mjs';
import { launchChromium, startStaticServer } from '../test/support/browser.mjs';

const args = parseArgs();
const CALLER = '13800138000'; // the fixture pages' caller number
const fixtureDir = join(repoRoot, 'test/package/fixture-app');
const repoModules = join(repoRoot, 'node_modules');
const react18Modules = join(repoRoot, 'test/package/react18/node_modules');
const queryFloorModules = join(repoRoot, 'test/package/query-floor/node_modules');
const zodFloorModules = join(repoRoot, 'test/package/zod-floor/node_modules');
/**
 * Where each React major (and its types) and its @tanstack/react-query come from: the repo's
 * React 19 and release; the React 18 helper package and the peer range's floor.
 */
const REACT_SOURCES = {
  19: {
    react: join(repoModules, 'react'),
    'react-dom': join(repoModules, 'react-dom'),
    '@types/react': join(repoModules, '@types/react'),
    '@types/react-dom': join(repoModules, '@types/react-dom'),
    '@tanstack/react-query': join(repoModules, '@tanstack/react-query'),
    zod: join(repoModules, 'zod'),
  },
  18: {
    react: join(react18Modules, 'react'),
    'react-dom': join(react18Modules, 'react-dom'),
    '@types/react': join(react18Modules, '@types/react'),
    '@types/react-dom': join(react18Modules, '@types/react-dom'),
    '@tanstack/react-query': join(queryFloorModules, '@tanstack/react-query'),
    zod: join(zodFloorModules, 'zod'),
  },
};
const majors = String(args.react ?? '19,18').split(',').map((m) => m.trim());
for (const major of majors) if (!REACT_SOURCES[major]) throw new Error(`--react ${major}: expected 19 and/or 18`);
const installMode = args.install ?? 'copy';
if (!['copy', 'npm'].includes(installMode)) throw new Error(`--install ${installMode}: expected copy or npm`);

/** What a careful integrator serves: no inline script or style. */
const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'";

const work = mkdtempSync(join(tmpdir(), 'cip-smoke-'));
let browser = null;
let server = null;
const cleanup = async () => {
  await browser?.close().catch(() => {});
  await server?.close();
  if (!args.keep) removeDir(work);
  else console.log(`kept ${work}`);
};
const cancelDeadline = deadline(Number(args.timeout ?? 300) * 1000, cleanup);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, async () => {
    await cleanup();
    process.exit(130);
  });
}
for (const event of ['uncaughtException', 'unhandledRejection']) {
  process.once(event, async (error) => {
    console.error(error);
    await cleanup();
    process.exit(1);
  });
}

const report = createReport(`cec-call-panel: integrator smoke test (React ${majors.join(' and ')}, ${installMode} install)`);
try {
  let tarball = args.tarball ? resolve(args.tarball) : null;
  if (!tarball) {
    if (!args['no-build']) await report.step('build dist/ (scripts/build.mjs)', buildPackage);
    ({ tarball } = await report.step('npm pack', () => packPackage(join(work, 'pack'))));
  }
  const packed = unpack(tarball, join(work, 'unpacked'));
  const manifest = readJson(join(packed, 'package.json'));

  const apps = [];
  for (const major of majors) {
    console.log(`\n React ${major}`);
    const app = join(work, `app-react${major}`);
    const versions = await report.step(`fresh app: tarball + peers (${installMode})`, () =>
      createApp(app, { major, tarball, packed, manifest }),
    );
    report.note(Object.entries(versions).map(([name, v]) => `${name}@${v}`).join(', '));

    await report.check(`the app typechecks against the packed declarations with @types/react ${versions['@types/react']} (bundler, nodenext)`, () => {
      const tsc = join(repoModules, '.bin/tsc');
      const errors = [];
      for (const config of ['tsconfig.json', 'tsconfig.nodenext.json']) {
        try {
          run(tsc, ['-p', join(app, config)], { cwd: app, timeoutMs: 120_000 });
        } catch (error) {
          errors.push(`${config}:\n${(error.stdout || error.message).trim()}`);
        }
      }
      if (errors.length) throw new Error(errors.join('\n'));
    });

    const panel = await report.step('vite build: panel page', () => buildPage(app, 'panel'));
    const hook = await report.step('vite build: hook page', () => buildPage(app, 'hook'));

    await report.check('panel bundle: components, browser simulator and styles.css; no Node-only simulator, classic zod or zh-CN', () => {
      const mods = packageModules(panel);
      const must = ['components/CallInfoPanel/CallInfoPanel.js', 'components/CallInfoView/CallInfoView.js', 'simulator/GatewaySimulator.js', 'query/useCallInfo.js'];
      const missing = must.filter((m) => !mods.includes(m));
      if (missing.length) throw new Error(`expected in the bundle, missing: ${missing.join(', ')}\n(modules seen: ${mods.join(', ')})`);
      const banned = mods.filter((m) => /^simulator\/(server|node|handleControlRequest|controlSchemas)\b|simulator-node|zh-CN/.test(m));
      // zod/mini (with the core it shares) reads the answers; classic zod would break a strict CSP.
      const zod = panel.moduleIds.filter((id) => id.includes(`${sep}node_modules${sep}zod${sep}`) && !/[\\/]zod[\\/](v4[\\/])?(mini|core)[\\/]/.test(id));
      if (banned.length || zod.length) throw new Error(`should not be bundled: ${[...banned, ...zod.slice(0, 3)].join(', ')}`);
      if (panel.css.length !== 1 || !panel.css[0].includes('--cip-')) throw new Error(`expected one stylesheet with --cip-* tokens, got ${panel.css.length}`);
      if (panel.js.includes('普通呼入')) throw new Error('zh-CN messages are in the bundle');
      return `${mods.length} package modules, ${kb(panel.js)} JS, ${kb(panel.css.join(''))} CSS`;
    });

    await report.check('hook bundle (useCallInfo only): no components, styles or simulator — tree-shaking works', () => {
      const mods = packageModules(hook);
      if (!mods.includes('query/useCallInfo.js')) throw new Error(`useCallInfo is not in the bundle? modules: ${mods.join(', ')}`);
      const extra = mods.filter((m) => !/^(query|gateway)\//.test(m));
      if (extra.length) throw new Error(`modules besides the hook and the gateway client: ${extra.join(', ')}`);
      if (hook.css.length) throw new Error(`the hook page emits ${hook.css.length} stylesheet(s)`);
      // What ships, whatever the module bookkeeping says: strings only components or the simulator have.
      const markers = ['cc-gateway.invalid', 'CallInfoView', 'data-slot', 'GatewaySimulator', '--cip-'];
      const found = markers.filter((m) => hook.js.includes(m));
      if (found.length) throw new Error(`the JS holds ${found.map((m) => `"${m}"`).join(', ')}`);
      return `${mods.length} package modules (${mods.join(', ')}), ${kb(hook.js)} JS vs ${kb(panel.js)} for the panel page`;
    });
    apps.push({ major, app });
  }

  console.log('\n Chromium');
  server = await report.step('static server on 127.0.0.1', () => startStaticServer(work, { 'Content-Security-Policy': CSP }));
  browser = await report.step('launch Chromium', () =>
    launchChromium(),
  );
  for (const { major, app } of apps) {
    const base = `${server.url}/${relative(work, app)}/out`;
    await report.check(`React ${major}: the panel page shows the caller, styled by styles.css`, () =>
      inPage(`${base}/panel/panel.html`, async (page) => {
        await page.waitForFunction(
          (caller) => document.querySelector('[data-slot="call-info-view"][data-status="live"]')?.textContent?.includes(caller),
          CALLER,
          { timeout: 20_000 },
        );
        const seen = await page.evaluate(() => {
          const el = document.querySelector('[data-slot="call-info-view"]');
          const style = getComputedStyle(el);
          return {
            react: document.documentElement.dataset.reactVersion,
            token: style.getPropertyValue('--cip-foreground').trim(),
            color: style.color,
            display: style.display,
            radius: style.borderTopLeftRadius,
          };
        });
        const expected = { react: seen.react?.startsWith(`${major}.`) ? seen.react : `${major}.x`, token: '#111827', color: 'rgb(17, 24, 39)', display: 'grid', radius: '8px' };
        if (JSON.stringify(seen) !== JSON.stringify(expected)) {
          throw new Error(`computed on the panel: ${JSON.stringify(seen)}\nexpected:             ${JSON.stringify(expected)}`);
        }
        return `react ${seen.react}, --cip-foreground ${seen.token} -> color ${seen.color}, display ${seen.display}`;
      }),
    );
    await report.check(`React ${major}: the hook page shows the caller, with no stylesheet`, () =>
      inPage(`${base}/hook/hook.html`, async (page) => {
        await page.waitForFunction((caller) => document.getElementById('caller')?.textContent === `caller ${caller}`, CALLER, { timeout: 20_000 });
        const sheets = await page.evaluate(() => document.styleSheets.length);
        if (sheets !== 0) throw new Error(`${sheets} stylesheet(s) on the hook page`);
        const react = await page.evaluate(() => document.documentElement.dataset.reactVersion);
        if (!react?.startsWith(`${major}.`)) throw new Error(`the page runs React ${react}`);
      }),
    );
  }
  report.finish();
} catch (error) {
  console.log(`\n  FAIL  a step the checks need:\n${indent(String(error?.stack ?? error))}`);
  process.exitCode = 1;
} finally {
  cancelDeadline();
  await cleanup();
}

// ---------------------------------------------------------------------------------------------

/**
 * Copies the fixture app to `app` and installs the package and its peers into it. Returns the
 * installed versions of the packages that matter.
 */
function createApp(app, { major, tarball, packed, manifest }) {
  cpSync(fixtureDir, app, { recursive: true });
  // The sources are .jsx in the repo (the repo's typecheck would not resolve `cec-call-panel`);
  // as .tsx here they are typechecked against the installed package.
  for (const file of readdirSync(join(app, 'src'))) {
    if (file.endsWith('.jsx')) cpSync(join(app, 'src', file), join(app, 'src', file.replace(/\.jsx$/, '.tsx')));
  }
  writeFileSync(
    join(app, 'tsconfig.nodenext.json'),
    JSON.stringify({ extends: './tsconfig.json', compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext' } }, null, 2),
  );

  const wanted = new Map(Object.entries(REACT_SOURCES[major]));
  const modules = join(app, 'node_modules');

  if (installMode === 'npm') {
    // The registry, at the versions the repo locked (so a pass here means the same as in copy mode).
    const specs = [...wanted].map(([name, from]) => `${name}@${readJson(join(from, 'package.json')).version}`);
    run('npm', ['install', '--no-audit', '--no-fund', '--no-package-lock', '--ignore-scripts', '--loglevel=error', tarball, ...specs], {
      cwd: app,
      timeoutMs: 240_000,
    });
  } else {
    mkdirSync(modules, { recursive: true });
    cpSync(packed, join(modules, manifest.name), { recursive: true });
    copyClosure(modules, wanted, Object.keys(manifest.dependencies ?? {}));
  }

  const versions = {};
  for (const name of [manifest.name, ...wanted.keys(), ...Object.keys(manifest.dependencies ?? {})]) {
    versions[name] = readJson(join(modules, name, 'package.json')).version;
  }
  return versions;
}

/**
 * Copies `wanted` (name -> directory in the repo's node_modules) into `modules`, with every
 * package they (and the package's `extraDeps`) depend on, resolved as Node resolves them from
 * where they sit in the repo. A package's own nested node_modules travels with it.
 */
function copyClosure(modules, wanted, extraDeps) {
  const copied = new Map(); // name -> source directory
  const queue = [...wanted];
  for (const dep of extraDeps) queue.push([dep, resolvePackage(repoModules, dep)]);
  while (queue.length) {
    const [name, source] = queue.shift();
    if (copied.has(name)) {
      if (copied.get(name) !== source && !wanted.has(name)) throw new Error(`two versions of ${name} needed: ${copied.get(name)} and ${source}`);
      continue;
    }
    if (!existsSync(join(source, 'package.json'))) throw new Error(`${name}: nothing at ${source} (did npm ci run?)`);
    copied.set(name, source);
    cpSync(source, join(modules, name), { recursive: true, dereference: true });
    const pkg = readJson(join(source, 'package.json'));
    const optionalPeers = new Set(Object.entries(pkg.peerDependenciesMeta ?? {}).filter(([, m]) => m.optional).map(([n]) => n));
    const deps = [...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.peerDependencies ?? {}).filter((n) => !optionalPeers.has(n))];
    for (const dep of deps) {
      if (wanted.has(dep)) continue; // a peer we provide (react for react-dom, ...)
      const found = resolvePackage(source, dep);
      if (found.startsWith(source + sep)) continue; // nested under `source`: copied with it
      queue.push([dep, found]);
    }
  }
}

/** Node's lookup of package `name` from directory `from`, up to the repo's node_modules. */
function resolvePackage(from, name) {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    if (dir === repoRoot || dir === dirname(dir)) break;
  }
  throw new Error(`cannot find ${name} from ${from}`);
}

/** One page of the app, built as an app builds it (production, minified). */
async function buildPage(app, name) {
  const result = await build({
    root: app,
    base: `/${relative(work, app)}/out/${name}/`,
    configFile: false,
    envDir: false,
    logLevel: 'warn',
    clearScreen: false,
    mode: 'production',
    cacheDir: join(app, 'node_modules/.vite'),
    build: {
      outDir: join(app, 'out', name),
      emptyOutDir: true,
      reportCompressedSize: false,
      rolldownOptions: {
        input: join(app, `${name}.html`),
        // TanStack Query's "use client" banners: meaningless in a client-only bundle.
        onwarn(warning, warn) {
          if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
        },
      },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]).flatMap((r) => r.output);
  const chunks = outputs.filter((o) => o.type === 'chunk');
  const assets = outputs.filter((o) => o.type === 'asset');
  return {
    // Modules that put code in the bundle (tree-shaken ones render nothing).
    moduleIds: chunks.flatMap((c) => Object.entries(c.modules).filter(([, m]) => m.renderedLength > 0).map(([id]) => id)),
    js: chunks.map((c) => c.code).join('\n'),
    css: assets.filter((a) => a.fileName.endsWith('.css')).map((a) => String(a.source)),
  };
}

/** The package's modules in a bundle, as paths under its dist/ (`query/useCallInfo.js`). */
function packageModules(bundle) {
  const marker = `${sep}node_modules${sep}cec-call-panel${sep}dist${sep}`;
  return bundle.moduleIds
    .filter((id) => id.includes(marker))
    .map((id) => id.slice(id.indexOf(marker) + marker.length).split(sep).join('/'))
    .sort();
}

/** Opens `url` in a fresh context; fails on any page error, console error or failed request. */
async function inPage(url, fn) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`console.${message.type()}: ${message.text()}`);
  });
  page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()} (${request.failure()?.errorText})`));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  try {
    const response = await page.goto(url, { waitUntil: 'load', timeout: 20_000 });
    if (!response?.ok()) throw new Error(`GET ${url}: ${response?.status()}`);
    const note = await fn(page).catch(async (error) => {
      const text = await page.evaluate(() => document.body.innerText).catch(() => '');
      throw new Error(`${error.message}\npage text: ${JSON.stringify(text.slice(0, 400))}`);
    });
    if (problems.length) throw new Error(problems.join('\n'));
    return note;
  } catch (error) {
    if (problems.length && !String(error.message).includes(problems[0])) error.message += `\n${problems.join('\n')}`;
    throw error;
  } finally {
    await context.close();
  }
}

function kb(text) {
  return `${(Buffer.byteLength(text) / 1024).toFixed(1)} KB`;
}

// Builds the package into dist/: ESM for `.` (marked "use client"), `./simulator`,
// `./simulator/node` and each extra locale, the `cec-call-panel-sim` bin, one `styles.css`, and
// type declarations. Peers and zod stay external: the host's bundler provides them once for the
// whole app. The exception is `./element` (dist/element.js, scripts/element-build.mjs): the
// custom element for hosts without React, one self-contained file with React, react-query and
// zod/mini inside.
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, runnerImport } from 'vite';
import { buildElement } from './element-build.mjs';

const root = resolve(fileURLToPath(import.meta.url), '../..');
const dist = resolve(root, 'dist');
const external = [/^react($|\/)/, /^react-dom($|\/)/, /^@tanstack\/react-query($|\/)/, /^zod($|\/)/, /^node:/];

rmSync(dist, { recursive: true, force: true });

/**
 * Extra locales ship as their values only, in English's key order, joined by a separator; the
 * keys come from the English catalogue every app with the panel already has. Half the bytes of
 * an object literal (CJK text gzips poorly; 180 keys repeated do not help), with nothing lost:
 * the source stays a typed object (`satisfies Messages`), the order is taken from the catalogues
 * here, not kept by hand, and check-package compares the built locale with its source.
 */
const SEPARATOR = '\u001f';
const EXTRA_LOCALES = { 'zh-CN': 'zhCN', ar: 'ar' };

async function compactLocales() {
  const load = async (path) =>
    (await runnerImport(resolve(root, path), { configFile: false, root, logLevel: 'silent' })).module;
  const { en } = await load('src/i18n/messages/en.ts');
  const compiled = new Map();
  for (const [file, name] of Object.entries(EXTRA_LOCALES)) {
    const catalogue = (await load(`src/i18n/messages/${file}.ts`))[name];
    const keys = Object.keys(en);
    const missing = keys.filter((key) => typeof catalogue[key] !== 'string');
    const extra = Object.keys(catalogue).filter((key) => !(key in en));
    if (missing.length || extra.length) throw new Error(`${file}: missing ${missing} / extra ${extra}`);
    const values = keys.map((key) => catalogue[key]);
    if (values.some((value) => value.includes(SEPARATOR))) throw new Error(`${file}: a message holds the separator`);
    compiled.set(resolve(root, `src/i18n/messages/${file}.ts`), [
      `import { en } from './en';`,
      `const values = ${JSON.stringify(values.join(SEPARATOR))}.split(${JSON.stringify(SEPARATOR)});`,
      `/** ${file}: values in English's key order (see scripts/build.mjs). */`,
      `export const ${name} = Object.fromEntries(Object.keys(en).map((key, i) => [key, values[i]]));`,
    ].join('\n'));
  }
  process.env.NODE_ENV = 'production';
  return { name: 'cec-compact-locales', enforce: 'pre', load: (id) => compiled.get(id) };
}

await build({
  root,
  configFile: false,
  logLevel: 'warn',
  plugins: [await compactLocales()],
  // Explicit: loading the catalogues above through Vite's module runner leaves the process in
  // development mode, and a development build would emit react/jsx-dev-runtime calls.
  mode: 'production',
  build: {
    outDir: dist,
    emptyOutDir: false,
    minify: false,
    target: 'es2022',
    lib: {
      entry: {
        index: resolve(root, 'src/index.ts'),
        simulator: resolve(root, 'src/simulator/index.ts'),
        'simulator-node': resolve(root, 'src/simulator/node.ts'),
        // The command line behind the `cec-call-panel-sim` bin (written below), not an export.
        'simulator/cli': resolve(root, 'src/simulator/cli.ts'),
        'locales/zh-CN': resolve(root, 'src/i18n/messages/zh-CN.ts'),
        'locales/ar': resolve(root, 'src/i18n/messages/ar.ts'),
      },
      formats: ['es'],
    },
    // One file per module: with "sideEffects" limited to CSS, an app's bundler drops whole
    // modules it does not use (module-level memo/forwardRef calls defeat finer tree-shaking).
    rolldownOptions: {
      external,
      output: { preserveModules: true, preserveModulesRoot: 'src', entryFileNames: '[name].js' },
    },
  },
});

// The stylesheet, apart from the JS: importing it is the integrator's choice (`sideEffects`).
await build({
  root,
  configFile: false,
  logLevel: 'warn',
  build: {
    outDir: dist,
    emptyOutDir: false,
    cssMinify: true,
    // Evergreen browsers of the last two years: container queries, nesting and `light-dark()` stay as written.
    cssTarget: ['chrome120', 'edge120', 'firefox121', 'safari17.2'],
    lib: { entry: resolve(root, 'scripts/styles-entry.js'), formats: ['es'], fileName: 'styles-entry', cssFileName: 'styles' },
  },
});
// The custom element: one self-contained file (see scripts/element-build.mjs).
await buildElement(dist);

// `"use client"` on the entry that holds the components, for React Server Components hosts
// (Next.js App Router): a server component may then import and render the panel, and everything
// `.` exports is client code. Added here because Rollup and rolldown drop module-level directives
// of the sources they bundle. It must be the file's first statement; check-package checks that the
// entry also re-exports by name only (Next.js refuses `export *` in a client boundary).
const entryPath = resolve(dist, 'index.js');
const entry = readFileSync(entryPath, 'utf8');
if (!/^\s*['"]use client['"]/.test(entry)) writeFileSync(entryPath, `'use client';\n${entry}`);

// The bin: `npx cec-call-panel-sim` starts the Node simulator from an installed package.
const binPath = resolve(dist, 'bin/cec-call-panel-sim.js');
mkdirSync(dirname(binPath), { recursive: true });
writeFileSync(
  binPath,
  [
    '#!/usr/bin/env node',
    '// `cec-call-panel-sim --help`: a simulated CC-Gateway over HTTP on loopback (src/simulator/cli.ts).',
    "import { runSimulatorCli } from '../simulator/cli.js';",
    '',
    'await runSimulatorCli(process.argv.slice(2));',
    '',
  ].join('\n'),
);
chmodSync(binPath, 0o755);

for (const leftover of ['styles-entry.js', 'styles-entry.mjs']) rmSync(resolve(dist, leftover), { force: true });
if (!existsSync(resolve(dist, 'styles.css'))) throw new Error('styles.css was not built');
// Vite marks the CSS of a library entry with a trailing `/*$vite$:1*/` for its own later
// passes; an app importing the stylesheet has no use for it.
const stylesPath = resolve(dist, 'styles.css');
writeFileSync(stylesPath, readFileSync(stylesPath, 'utf8').replace(/\/\*\$vite\$:\d+\*\/\s*$/, '\n'));

execFileSync(resolve(root, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });

// tsc keeps the sources' extensionless relative specifiers (`./gateway`), which only
// `moduleResolution: bundler` resolves. Spell them out (`./gateway/index.js`) so the declarations
// also resolve under node16/nodenext, as the JS next to them does.
const RELATIVE = /((?:from|import)\s*\(?\s*)(['"])(\.{1,2}\/[^'"]*)\2/g;
for (const entry of readdirSync(resolve(dist, 'types'), { recursive: true })) {
  if (!entry.endsWith('.d.ts')) continue;
  const file = resolve(dist, 'types', entry);
  const text = readFileSync(file, 'utf8');
  const fixed = text.replace(RELATIVE, (match, lead, quote, spec) => {
    if (spec.endsWith('.js')) return match;
    const base = join(dirname(file), spec);
    const suffix = existsSync(`${base}.d.ts`) ? '.js' : existsSync(join(base, 'index.d.ts')) ? '/index.js' : null;
    if (suffix === null) throw new Error(`${entry}: cannot resolve ${spec}`);
    return `${lead}${quote}${spec}${suffix}${quote}`;
  });
  if (fixed !== text) writeFileSync(file, fixed);
}
// Types for `import 'cec-call-panel/styles.css'`: TypeScript 6+ checks side-effect imports
// (`noUncheckedSideEffectImports`), and not every app declares `*.css` modules.
writeFileSync(resolve(dist, 'types/styles.css.d.ts'), '// The stylesheet: importing it applies it; it exports nothing.\nexport {};\n');
console.log('built dist/');

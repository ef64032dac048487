// Builds `cec-call-panel/element` (src/element/index.ts) into one self-contained, minified ES
// module, `<outDir>/element.js`: React, react-dom, @tanstack/react-query and zod/mini bundled
// in, `process.env.NODE_ENV` = 'production', no imports. scripts/build.mjs calls it for dist/;
// a test may build it into a temporary directory before `npm run build` has run:
//
//   import { buildElement } from '../../scripts/element-build.mjs';
//   const { file, bytes } = await buildElement(tmpDir); // file: `${tmpDir}/element.js`
//
// Two passes, so that importing the file where there is no DOM runs none of the bundled code
// (react-dom reads `window` at module level): the first bundles src/element/define.tsx and a
// call of `defineCecCallPanel()` as an IIFE; the second builds src/element/index.ts with that
// IIFE as the body of the `defineCecCallPanel` it imports, which index.ts calls only where
// `customElements` and `HTMLElement` exist.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, parseSync } from 'vite';

const repoRoot = resolve(fileURLToPath(import.meta.url), '../..');
const DEFINE = resolve(repoRoot, 'src/element/define.tsx');
const INDEX = resolve(repoRoot, 'src/element/index.ts');

/** The dependencies' "use client" directives mean nothing in a custom element's bundle. */
function onLog(level, log, handler) {
  if (log.code === 'MODULE_LEVEL_DIRECTIVE') return;
  handler(level, log);
}

/** What both passes share: a production app build (not a library build, which keeps `process.env`). */
const common = (root) => ({
  root,
  configFile: false,
  logLevel: 'warn',
  mode: 'production',
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  // The production JSX runtime whatever NODE_ENV the caller runs under (Vitest sets 'test'): the
  // bundled React is its production build, which has no `jsxDEV`.
  oxc: { jsx: { runtime: 'automatic', development: false } },
  // Evergreen browsers of the last two years, as styles.css (nesting and `light-dark()` stay).
  build: { target: 'es2022', cssTarget: ['chrome120', 'edge120', 'firefox121', 'safari17.2'], minify: true, cssMinify: true },
});

/**
 * Builds `<outDir>/element.js` (the directory is created; nothing else in it is touched).
 * @param {string} outDir
 * @param {{ root?: string }} [options] `root`: the repository (default: this one)
 * @returns {Promise<{ file: string, bytes: number }>}
 */
export async function buildElement(outDir, { root = repoRoot } = {}) {
  const define = root === repoRoot ? DEFINE : resolve(root, 'src/element/define.tsx');
  const index = root === repoRoot ? INDEX : resolve(root, 'src/element/index.ts');
  const virtual = '\0cip-element-define-call';

  const first = await build({
    ...common(root),
    plugins: [
      {
        name: 'cip-element-define-call',
        resolveId: (id) => (id === virtual ? id : null),
        load: (id) =>
          id === virtual ? `import { defineCecCallPanel } from ${JSON.stringify(define)};\ndefineCecCallPanel();\n` : null,
      },
    ],
    build: {
      ...common(root).build,
      write: false,
      rolldownOptions: { input: virtual, onLog, output: { format: 'iife' } },
    },
  });
  const chunks = (Array.isArray(first) ? first : [first]).flatMap((o) => o.output);
  const code = chunks.filter((c) => c.type === 'chunk');
  const assets = chunks.filter((c) => c.type === 'asset');
  if (code.length !== 1 || assets.length) {
    throw new Error(`element: expected one chunk, got ${chunks.map((c) => c.fileName).join(', ')}`);
  }
  const body = code[0].code;

  await build({
    ...common(root),
    plugins: [
      {
        name: 'cip-element-define-body',
        enforce: 'pre',
        resolveId: (id, importer) => (importer === index && id === './define' ? '\0cip-element-define' : null),
        load: (id) => (id === '\0cip-element-define' ? `export function defineCecCallPanel() {\n${body}\n}\n` : null),
      },
    ],
    build: {
      ...common(root).build,
      outDir,
      emptyOutDir: false,
      copyPublicDir: false,
      rolldownOptions: {
        input: index,
        preserveEntrySignatures: 'strict',
        onLog,
        output: { format: 'es', entryFileNames: 'element.js' },
      },
    },
  });

  const file = resolve(outDir, 'element.js');
  const text = readFileSync(file, 'utf8');
  const { module, errors } = parseSync(file, text, { lang: 'js', sourceType: 'module' });
  if (errors.length) throw new Error(`${file}: ${errors[0].message}`);
  if (module.staticImports.length || module.dynamicImports.length || module.staticExports.some((e) => e.entries.some((x) => x.moduleRequest))) {
    throw new Error(`${file} imports something: it must be self-contained`);
  }
  if (text.includes('process.env')) throw new Error(`${file} still reads process.env`);
  return { file, bytes: Buffer.byteLength(text) };
}

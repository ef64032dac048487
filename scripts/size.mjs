// Measures what an integrator pays, from the built package (run `npm run build` first):
// each case is bundled the way an app bundles it (peers external, everything else included, minified,
// tree-shaken honouring "sideEffects"), then gzipped at level 9.
// `node scripts/size.mjs --check` exits 1 when a budget is exceeded.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

const root = resolve(fileURLToPath(import.meta.url), '../..');
const dist = resolve(root, 'dist');

/** Budgets in bytes (min + gzip), from issue 5. */
export const BUDGETS = {
  panel: 14 * 1024,
  hook: 7 * 1024,
  locale: 2 * 1024,
  css: 3 * 1024,
};

const gz = (buffer) => gzipSync(buffer, { level: 9 }).length;

async function bundledSize(code) {
  const dir = mkdtempSync(join(tmpdir(), 'cip-size-'));
  try {
    const entry = join(dir, 'entry.js');
    writeFileSync(entry, code);
    // An app build, not a library build: library builds keep whitespace in ES output.
    const output = await build({
      root,
      configFile: false,
      logLevel: 'silent',
      resolve: { alias: [{ find: /^cec-call-panel(\/.*)?$/, replacement: `${dist}$1` }] },
      build: {
        write: false,
        minify: true,
        target: 'es2022',
        rolldownOptions: {
          input: entry,
          preserveEntrySignatures: 'strict',
          external: [/^react($|\/)/, /^react-dom($|\/)/, /^@tanstack\/react-query($|\/)/],
          treeshake: { moduleSideEffects: (id) => !id.startsWith(dist) || id.endsWith('.css') },
        },
      },
    });
    const chunks = (Array.isArray(output) ? output : [output]).flatMap((o) => o.output);
    const js = chunks.filter((c) => c.type === 'chunk').map((c) => c.code).join('\n');
    return { raw: Buffer.byteLength(js), gzip: gz(js) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The bytes `extra` adds to a bundle of `base`. */
async function addedSize(base, extra) {
  const [without, withExtra] = [await bundledSize(base), await bundledSize(`${base}\n${extra}`)];
  return { raw: withExtra.raw - without.raw, gzip: withExtra.gzip - without.gzip };
}

export async function measureSizes() {
  const css = readFileSync(join(dist, 'styles.css'));
  return {
    panel: await bundledSize(`export * from 'cec-call-panel/index.js';`),
    hook: await bundledSize(`export { useCallInfo } from 'cec-call-panel/index.js';`),
    // What adding a locale costs an app that has the panel (a locale is of no use without it).
    locale: await addedSize(`export * from 'cec-call-panel/index.js';`, `export * from 'cec-call-panel/locales/zh-CN.js';`),
    css: { raw: css.length, gzip: gz(css) },
  };
}

const LABELS = {
  panel: 'whole panel (everything `.` exports, English)',
  hook: 'useCallInfo alone (hook and client)',
  locale: 'one extra locale (zh-CN), added to the panel',
  css: 'styles.css',
};

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const sizes = await measureSizes();
  const kb = (n) => `${(n / 1024).toFixed(2)} KB`;
  let over = false;
  console.log('| bundle | min | min+gzip | budget |\n|---|---:|---:|---:|');
  for (const [key, size] of Object.entries(sizes)) {
    const fits = size.gzip <= BUDGETS[key];
    over ||= !fits;
    console.log(`| ${LABELS[key]} | ${kb(size.raw)} | ${kb(size.gzip)} | ${kb(BUDGETS[key])}${fits ? '' : ' OVER'} |`);
  }
  if (process.argv.includes('--check') && over) {
    console.error('A bundle is over its budget.');
    process.exit(1);
  }
}

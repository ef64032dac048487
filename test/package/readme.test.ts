// @vitest-environment node
/**
 * Every ```ts and ```tsx block of README.md compiles, as an integrator would paste it: each block
 * is a module of its own in a temporary project under a strict tsconfig (`strict`, the project's
 * own extra flags and those of Vite's react-ts template that concern using an API rather than
 * writing one), with `cec-call-panel` and its subpaths mapped to the sources (`paths`, derived
 * from package.json's "exports"), checked by the project's `tsc --noEmit` (TypeScript 7's native
 * compiler has no JS API to call in-process).
 *
 * A ```vue block is compiled as @vitejs/plugin-vue would (vue/compiler-sfc, `<script setup>` with
 * its template inlined) and its TypeScript checked with the rest; its `./session` is a stub here.
 *
 * A ```js block (the plain-HTML example's module, served as written) must parse as an ES module
 * (`node --check`); test/e2e/element.test.ts runs it in Chromium.
 *
 * Shell, JSON, CSS, HTML, nginx and other non-TypeScript blocks are skipped; a TypeScript block that
 * is deliberately a fragment says so in its info string (```tsx no-check). A block in a language
 * this test does not know fails it, so a ```typescript block cannot slip by unchecked.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, onTestFinished } from 'vitest';
import { compileScript, parse } from 'vue/compiler-sfc';
import { codeBlocks, type CodeBlock } from '../support/markdown';

const root = resolve(fileURLToPath(import.meta.url), '../../..');
const CHECKED = new Set(['ts', 'tsx', 'vue']);
const PARSED = new Set(['js']);
const SKIPPED = new Set(['sh', 'bash', 'shell', 'console', 'json', 'jsonc', 'nginx', 'css', 'http', 'text', 'txt', 'diff', 'html']);

/** `paths` for every export of package.json: its declaration's source under src/; a stylesheet's, `fallback`. */
function exportPaths(fallback: (subpath: string) => string): Record<string, string[]> {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    name: string;
    exports: Record<string, string | { types?: string }>;
  };
  const paths: Record<string, string[]> = {};
  for (const [subpath, target] of Object.entries(pkg.exports)) {
    if (typeof target === 'string' || !target.types) continue;
    const specifier = subpath === '.' ? pkg.name : `${pkg.name}/${subpath.slice(2)}`;
    const base = join(root, 'src', target.types.replace(/^\.\/dist\/types\//, '').replace(/\.d\.ts$/, ''));
    const source = ['.ts', '.tsx'].map((ext) => base + ext).find((file) => existsSync(file));
    if (!source && !subpath.endsWith('.css')) throw new Error(`no source under src/ for the export ${subpath} (${target.types})`);
    paths[specifier] = [source ?? fallback(subpath)];
  }
  return paths;
}

const blocks = codeBlocks(readFileSync(join(root, 'README.md'), 'utf8'));
const checked = blocks.filter((b) => CHECKED.has(b.lang) && !b.flags.includes('no-check'));

/** A Vue single-file component's `<script setup>` and template, as the TypeScript module Vite's Vue plugin makes of it. */
function vueModule(block: CodeBlock): string {
  // As the README's vite.config.ts line has it; the template is parsed with it too, or the tag is a component.
  const isCustomElement = (tag: string) => tag === 'cec-call-panel';
  const { descriptor, errors } = parse(block.code, { filename: `README-line-${block.line}.vue`, templateParseOptions: { isCustomElement } });
  if (errors.length > 0) throw new Error(`README.md:${block.line}: ${errors.join('; ')}`);
  const { content } = compileScript(descriptor, { id: `readme-${block.line}`, inlineTemplate: true, templateOptions: { compilerOptions: { isCustomElement } } });
  if (content.includes('resolveComponent')) throw new Error(`README.md:${block.line}: <cec-call-panel> compiled as a Vue component, not the custom element`);
  return content;
}

/** A temporary directory inside the repo, so the blocks' own imports (react, vite...) resolve. */
function workDir(): string {
  const cache = join(root, 'node_modules/.cache');
  mkdirSync(cache, { recursive: true });
  return mkdtempSync(join(cache, 'readme-blocks-'));
}

// Runs in the plain unit project only (vite.config.ts): the other projects swap packages through
// Vite's aliases, which tsc never sees, so the check would be the same there.
describe('README.md code blocks', () => {
  it('are all in languages this test knows', () => {
    const unknown = blocks.filter((b) => !CHECKED.has(b.lang) && !PARSED.has(b.lang) && !SKIPPED.has(b.lang));
    expect(unknown.map((b) => `README.md:${b.line - 1}: \`\`\`${b.lang || '(no language)'}`)).toEqual([]);
    expect(checked.length).toBeGreaterThanOrEqual(5);
  });

  it('in JavaScript parse as ES modules, as a browser would load them', () => {
    const work = workDir();
    onTestFinished(() => rmSync(work, { recursive: true, force: true }));
    const scripts = blocks.filter((b) => PARSED.has(b.lang));
    expect(scripts.length).toBeGreaterThanOrEqual(1);
    // A block that must not parse (TypeScript in a .js file): proves the check fails at all.
    const canary = { lang: 'js', flags: [], line: 0, code: "const panel = document.querySelector('cec-call-panel')!;" };
    const failing = [...scripts, canary].filter((block, i) => {
      const file = join(work, `block-${i + 1}-line-${block.line}.mjs`);
      writeFileSync(file, block.code);
      return spawnSync(process.execPath, ['--check', file], { encoding: 'utf8', timeout: 30_000 }).status !== 0;
    });
    expect(failing.map((block) => `README.md:${block.line}`)).toEqual(['README.md:0']);
  });

  it('compile under a strict tsconfig against the package', () => {
    const work = workDir();
    onTestFinished(() => rmSync(work, { recursive: true, force: true }));
    const files = checked.map((block, i) => {
      const name = `block-${String(i + 1).padStart(2, '0')}-line-${block.line}.${block.lang === 'vue' ? 'vue.ts' : block.lang}`;
      // A module of its own, so blocks never share declarations.
      writeFileSync(join(work, name), block.lang === 'vue' ? vueModule(block) : `${block.code}\nexport {};\n`);
      return { name, block };
    });
    // A block that must not compile: proves the run reports errors in these files at all.
    writeFileSync(join(work, 'canary.ts'), "const canary: number = 'not a number';\nexport { canary };\n");
    // `import 'cec-call-panel/styles.css'`, as the build's dist/types/styles.css.d.ts declares it.
    writeFileSync(join(work, 'styles.css.d.ts'), 'export {};\n');
    // The Vue block's own session module.
    writeFileSync(join(work, 'session.ts'), "export const session = { guid: '' };\nexport async function signIn(): Promise<string> {\n  return 'guid';\n}\n");

    const tsconfig = {
      compilerOptions: {
        target: 'ES2022',
        lib: ['ES2022', 'DOM', 'DOM.Iterable'],
        module: 'ESNext',
        moduleResolution: 'bundler',
        jsx: 'react-jsx',
        strict: true,
        noUncheckedIndexedAccess: true,
        noImplicitOverride: true,
        noFallthroughCasesInSwitch: true,
        noUncheckedSideEffectImports: true,
        isolatedModules: true,
        verbatimModuleSyntax: true,
        skipLibCheck: true,
        noEmit: true,
        // Node's types for the blocks that run the simulator in Node and for vite.config.ts.
        types: ['node'],
        paths: exportPaths(() => join(work, 'styles.css.d.ts')),
      },
      files: [...files.map((f) => f.name), 'session.ts', 'canary.ts'],
    };
    writeFileSync(join(work, 'tsconfig.json'), JSON.stringify(tsconfig, null, 2));

    const tsc = spawnSync(join(root, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.json', '--pretty', 'false'], {
      cwd: work,
      encoding: 'utf8',
      timeout: 120_000,
    });
    if (tsc.error) throw tsc.error;
    const output = `${tsc.stdout}${tsc.stderr}`;
    const errors = [...output.matchAll(/^(.+?)\((\d+),(\d+)\): error (TS\d+: .*)$/gm)].map(([, file = '', line = '0', col, message]) => {
      const hit = files.find((f) => f.name === file);
      // Report a block's error at its README line (a Vue block's at its first: the code is generated).
      if (hit?.block.lang === 'vue') return `README.md:${hit.block.line} (the Vue block's module, line ${line}) ${message}`;
      return hit ? `README.md:${hit.block.line + Number(line) - 1}:${col} ${message}` : `${file}:${line}:${col} ${message}`;
    });

    const blockErrors = errors.filter((e) => !e.startsWith('canary.ts'));
    expect(blockErrors, `README code that does not compile:\n${blockErrors.join('\n')}\n`).toEqual([]);
    // The canary's error, and only it: the run did check these files.
    expect(errors.filter((e) => e.startsWith('canary.ts')), output).toHaveLength(1);
    expect(tsc.status, output).not.toBe(0);
  }, 180_000);
});

// Checks the package as npm would publish it: builds dist/, packs it with `npm pack`, and lints
// the tarball (never the working tree, so `files` and everything it leaves out count):
//
//   - publint, strict, every message level: exports, files, formats, fields;
//   - @arethetypeswrong/cli with the `esm-only` profile: the types every export (styles.css too:
//     TypeScript 6+ checks side-effect imports) resolves to, under `moduleResolution` node16 (ESM)
//     and bundler. The package is ESM only ("type": "module", no `require` condition), so the
//     profile ignores node10 and node16-from-CJS.
//   - our own rules on the unpacked tarball: what is in it, source maps that resolve, bare imports
//     limited to declared dependencies and peers, browser entries free of Node built-ins and zod,
//     `cec-call-panel/...` specifiers in the docs that exist, one flattened stylesheet.
//
//   node scripts/check-package.mjs            build, pack, check
//   node scripts/check-package.mjs --no-build check what dist/ holds now
//   node scripts/check-package.mjs --tarball cec-call-panel-0.1.0.tgz
//   --timeout 240   seconds for the whole run (each command has its own limit too)
//
// Exits 1 when a check fails. Temporary files go under the OS temp directory and are removed.
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, join, posix, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { parseSync, runnerImport } from 'vite';
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

const args = parseArgs();
const work = mkdtempSync(join(tmpdir(), 'cip-check-package-'));
const cancelDeadline = deadline(Number(args.timeout ?? 240) * 1000, () => removeDir(work));
const report = createReport('cec-call-panel: package checks (the packed tarball)');

try {
  let tarball = args.tarball ? resolve(args.tarball) : null;
  if (!tarball) {
    if (!args['no-build']) await report.step('build dist/ (scripts/build.mjs)', buildPackage);
    ({ tarball } = await report.step('npm pack', () => packPackage(join(work, 'pack'))));
  }
  const pkgDir = unpack(tarball, join(work, 'unpacked'));
  const pkg = readJson(join(pkgDir, 'package.json'));
  const files = listFiles(pkgDir);
  report.note(`${basename(tarball)}: ${files.length} files`);

  await report.check('publint (strict, suggestions included) reports nothing', async () => {
    const { messages, pkg: linted } = await publint({
      pack: { tarball: toArrayBuffer(readFileSync(tarball)) },
      level: 'suggestion',
      strict: true,
    });
    if (messages.length) {
      throw new Error(messages.map((m) => `${m.type}: ${formatMessage(m, linted, { color: false })}`).join('\n'));
    }
  });

  await report.check('attw --profile esm-only reports nothing', () => {
    const attw = join(repoRoot, 'node_modules/.bin/attw');
    const result = runAllowingFailure(attw, [
      tarball,
      ...['--profile', 'esm-only', '--format', 'ascii', '--no-color'],
    ]);
    if (result.status !== 0) throw new Error(result.stdout + result.stderr);
    // Guards against a silent pass: every export was checked.
    const checked = [...result.stdout.matchAll(/^"(cec-call-panel[^"]*)"$/gm)].map((m) => m[1]);
    const expected = Object.keys(pkg.exports).map((key) => (key === '.' ? pkg.name : `${pkg.name}/${key.slice(2)}`));
    const missing = expected.filter((name) => !checked.includes(name));
    if (missing.length) throw new Error(`attw did not check ${missing.join(', ')}\n${result.stdout}`);
    return `${checked.length} entry points under node16 (ESM) and bundler`;
  });

  await report.check('the tarball holds package.json, README, LICENSE and dist/ only', () => {
    const stray = files.filter(
      (f) => !f.startsWith('dist/') && !['package.json', 'README.md'].includes(f) && !/^LICEN[CS]E/i.test(f),
    );
    const junk = files.filter((f) => /\.(tsbuildinfo|test\.[jt]sx?|spec\.[jt]sx?)$|(^|\/)\.DS_Store$/.test(f));
    if (stray.length || junk.length) throw new Error(`unexpected files: ${[...stray, ...junk].join(', ')}`);
    if (pkg.license && !files.some((f) => /^LICEN[CS]E/i.test(f))) {
      report.note(`"license": "${pkg.license}" but no LICENSE file is published (MIT asks for the notice to travel with the code)`);
    }
  });

  await report.check('every sourceMappingURL points to a file in the tarball', () => {
    const dangling = [];
    for (const file of files.filter((f) => /\.(js|d\.ts|css)$/.test(f))) {
      const text = readFileSync(join(pkgDir, file), 'utf8');
      for (const [, url] of text.matchAll(/[#@] sourceMappingURL=(\S+?)(?:\s*\*\/)?\s*$/gm)) {
        if (url.startsWith('data:')) continue;
        const target = posix.join(posix.dirname(file), url);
        if (!files.includes(target)) dangling.push(`${file} -> ${url}`);
      }
    }
    if (dangling.length) {
      throw new Error(
        `${dangling.length} file(s) name a source map that is not published, e.g.\n` +
          dangling.slice(0, 5).join('\n') +
          '\n(publish the maps, or do not emit them / the comments)',
      );
    }
  });

  const declared = new Set([...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.peerDependencies ?? {})]);
  const graph = moduleGraph(pkgDir, files);

  await report.check('bare imports in dist/ JS and declarations are declared dependencies or peers', () => {
    const wrong = [];
    for (const [file, { bare }] of graph) {
      for (const spec of bare) {
        if (isBuiltin(spec)) continue;
        if (!declared.has(packageName(spec))) wrong.push(`${file}: '${spec}'`);
      }
    }
    if (wrong.length) {
      throw new Error(
        `imports of packages the integrator is not asked to install (pnpm and Yarn PnP will not resolve them):\n${wrong.join('\n')}`,
      );
    }
    return [...declared].join(', ');
  });

  await report.check('relative imports in dist/ resolve to published files', () => {
    const broken = [...graph].flatMap(([file, { missing }]) => missing.map((spec) => `${file}: '${spec}'`));
    if (broken.length) throw new Error(broken.join('\n'));
  });

  await report.check('browser entries reach no Node built-in and no zod', () => {
    const problems = [];
    for (const [subpath, forbidden] of [
      ['.', (spec) => isBuiltin(spec) || packageName(spec) === 'zod' || spec.includes('zh-CN')],
      ['./simulator', (spec) => isBuiltin(spec) || packageName(spec) === 'zod'],
      ['./locales/zh-CN', (spec) => isBuiltin(spec) || !spec.startsWith('.')],
    ]) {
      const entry = exportTarget(pkg, subpath);
      for (const [file, spec] of reachableImports(graph, entry)) {
        if (forbidden(spec)) problems.push(`${subpath}: ${file} imports '${spec}'`);
      }
    }
    if (problems.length) throw new Error(problems.join('\n'));
  });

  await report.check('cec-call-panel/... specifiers in README and declaration docs are exported', () => {
    const exported = new Set(Object.keys(pkg.exports).map((key) => (key === '.' ? 'cec-call-panel' : `cec-call-panel/${key.slice(2)}`)));
    const unknown = [];
    for (const file of files.filter((f) => f === 'README.md' || f.endsWith('.d.ts'))) {
      const text = readFileSync(join(pkgDir, file), 'utf8');
      for (const [, spec] of text.matchAll(/['"`](cec-call-panel(?:\/[^'"`\s]*)?)['"`]/g)) {
        if (!exported.has(spec)) unknown.push(`${file}: '${spec}'`);
      }
    }
    if (unknown.length) throw new Error(`not in "exports":\n${[...new Set(unknown)].join('\n')}`);
  });

  await report.check('styles.css is one flattened stylesheet with the --cip-* tokens', () => {
    const file = exportTarget(pkg, './styles.css');
    const css = readFileSync(join(pkgDir, file), 'utf8');
    if (/@import\b/.test(css)) throw new Error(`${file} still has @import rules`);
    const tokens = new Set(css.match(/--cip-[\w-]+(?=\s*:)/g) ?? []);
    if (tokens.size < 10) throw new Error(`${file} defines ${tokens.size} --cip-* tokens`);
    if (!(pkg.sideEffects ?? []).some((pattern) => pattern === '*.css' || pattern.endsWith('styles.css'))) {
      throw new Error('"sideEffects" does not keep the stylesheet');
    }
    return `${tokens.size} tokens, ${css.length} bytes`;
  });

  await report.check('no development-only code: no react/jsx-dev-runtime in dist/', () => {
    const dev = files.filter((file) => file.endsWith('.js') && readFileSync(join(pkgDir, file), 'utf8').includes('jsx-dev-runtime'));
    if (dev.length) throw new Error(`development JSX in ${dev.slice(0, 5).join(', ')}`);
  });

  await report.check('the packed zh-CN locale holds exactly the messages of its source', async () => {
    const packed = (await import(pathToFileURL(join(pkgDir, exportTarget(pkg, './locales/zh-CN'))).href)).zhCN;
    const source = (await runnerImport(join(repoRoot, 'src/i18n/messages/zh-CN.ts'), { configFile: false, root: repoRoot, logLevel: 'silent' }))
      .module.zhCN;
    const differing = Object.keys({ ...source, ...packed }).filter((key) => packed[key] !== source[key]);
    if (differing.length) throw new Error(`differs at ${differing.slice(0, 5).join(', ')}`);
    return `${Object.keys(source).length} messages`;
  });
  report.finish();
} catch (error) {
  console.log(`\n  FAIL  a step the checks need:\n${indent(String(error?.stack ?? error))}`);
  process.exitCode = 1;
} finally {
  cancelDeadline();
  removeDir(work);
}

// ---------------------------------------------------------------------------------------------

function runAllowingFailure(command, commandArgs) {
  try {
    return { status: 0, stdout: run(command, commandArgs, { timeoutMs: 120_000 }), stderr: '' };
  } catch (error) {
    if (error.status == null) throw error;
    return { status: error.status, stdout: error.stdout ?? '', stderr: error.stderr ?? '' };
  }
}

function toArrayBuffer(buffer) {
  return buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength);
}

function listFiles(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split('\\').join('/'))
    .sort();
}

function isBuiltin(spec) {
  return spec.startsWith('node:') || builtinModules.includes(spec);
}

function packageName(spec) {
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** The `default` (else `import`) file of an export, relative to the package. */
function exportTarget(pkg, subpath) {
  let target = pkg.exports[subpath];
  while (target && typeof target === 'object') target = target.default ?? target.import;
  if (typeof target !== 'string') throw new Error(`no file for export ${subpath}`);
  return posix.normalize(target);
}

/**
 * Every JS and declaration file's imports: bare specifiers, resolved relative ones, and relative
 * ones that resolve to nothing. Comments are ignored (JSDoc examples are not imports); type-only
 * imports count (the declarations need them).
 */
function moduleGraph(pkgDir, files) {
  const graph = new Map();
  for (const file of files.filter((f) => /\.(m?js|d\.ts)$/.test(f))) {
    const code = readFileSync(join(pkgDir, file), 'utf8');
    const parsed = parseSync(file, code, { lang: file.endsWith('.d.ts') ? 'dts' : 'js', sourceType: 'module' });
    if (parsed.errors.length) throw new Error(`${file}: ${parsed.errors[0].message}`);
    const specs = new Set();
    for (const item of parsed.module.staticImports) specs.add(item.moduleRequest.value);
    for (const item of parsed.module.staticExports) {
      for (const entry of item.entries) if (entry.moduleRequest) specs.add(entry.moduleRequest.value);
    }
    // `import("x")` (dynamic, or a type query in declarations), outside comments.
    let code2 = code;
    for (const c of parsed.comments) code2 = code2.slice(0, c.start) + ' '.repeat(c.end - c.start) + code2.slice(c.end);
    for (const [, , spec] of code2.matchAll(/\bimport\(\s*(['"])([^'"]+)\1\s*\)/g)) specs.add(spec);

    const node = { bare: [], relative: [], missing: [], specs: [...specs] };
    for (const spec of specs) {
      if (!spec.startsWith('.')) {
        node.bare.push(spec);
        continue;
      }
      const target = posix.normalize(posix.join(posix.dirname(file), spec));
      const candidates = file.endsWith('.d.ts')
        ? [target.replace(/\.js$/, '.d.ts'), `${target}.d.ts`, `${target}/index.d.ts`]
        : [target];
      const found = candidates.find((c) => files.includes(c));
      if (found) node.relative.push(found);
      else node.missing.push(spec);
    }
    graph.set(file, node);
  }
  return graph;
}

/** [file, specifier] for every import reachable from `entry` through relative imports. */
function reachableImports(graph, entry) {
  const seen = new Set();
  const out = [];
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    const node = graph.get(file);
    if (!node) throw new Error(`${file} is not a published module`);
    for (const spec of node.specs) out.push([file, spec]);
    for (const next of node.relative) visit(next);
  };
  visit(entry);
  return out;
}

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
//     `cec-call-panel/...` specifiers in the docs that exist, one flattened stylesheet;
//   - and run: `.` starts with "use client" and re-exports by name (React Server Components hosts);
//     every JS entry imported in plain Node reads no window, document or other DOM global (the
//     custom element's entry reads `customElements` alone, its guard, and runs nothing more); the
//     `cec-call-panel-sim` bin, linked as npm links it, prints --help and serves the simulator.
//
//   node scripts/check-package.mjs            build, pack, check
//   node scripts/check-package.mjs --no-build check what dist/ holds now
//   node scripts/check-package.mjs --tarball cec-call-panel-0.1.0.tgz
//   --timeout 240   seconds for the whole run (each command has its own limit too)
//
// Exits 1 when a check fails. Temporary files go under the OS temp directory and are removed.
import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, symlinkSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, join, posix, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
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

  await report.check('the tarball holds package.json, README, CHANGELOG, LICENSE and dist/ only', () => {
    const stray = files.filter(
      (f) => !f.startsWith('dist/') && !['package.json', 'README.md', 'CHANGELOG.md'].includes(f) && !/^LICEN[CS]E/i.test(f),
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

  // zod/mini only: classic zod compiles its parsers with `new Function`, which a strict
  // Content-Security-Policy (no 'unsafe-eval') forbids. The Node simulator may use classic zod.
  const classicZod = (spec) => packageName(spec) === 'zod' && spec !== 'zod/mini';
  await report.check('browser entries reach no Node built-in and of zod only zod/mini', () => {
    const problems = [];
    for (const [subpath, forbidden] of [
      ['.', (spec) => isBuiltin(spec) || classicZod(spec) || spec.includes('zh-CN') || /locales\/ar\b|messages\/ar\b/.test(spec)],
      ['./simulator', (spec) => isBuiltin(spec) || classicZod(spec)],
      ['./locales/zh-CN', (spec) => isBuiltin(spec) || !spec.startsWith('.')],
      ['./locales/ar', (spec) => isBuiltin(spec) || !spec.startsWith('.')],
      // The custom element is one self-contained file: React, react-query and zod/mini inside.
      ['./element', () => true],
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

  for (const [file, name] of [['zh-CN', 'zhCN'], ['ar', 'ar']]) {
    await report.check(`the packed ${file} locale holds exactly the messages of its source`, async () => {
      const packed = (await import(pathToFileURL(join(pkgDir, exportTarget(pkg, `./locales/${file}`))).href))[name];
      const source = (await runnerImport(join(repoRoot, `src/i18n/messages/${file}.ts`), { configFile: false, root: repoRoot, logLevel: 'silent' }))
        .module[name];
      const differing = Object.keys({ ...source, ...packed }).filter((key) => packed[key] !== source[key]);
      if (differing.length) throw new Error(`differs at ${differing.slice(0, 5).join(', ')}`);
      return `${Object.keys(source).length} messages`;
    });
  }
  await report.check('the `.` entry is a client boundary: "use client" first, re-exports by name', () => {
    const file = exportTarget(pkg, '.');
    const code = readFileSync(join(pkgDir, file), 'utf8');
    const parsed = parseSync(file, code, { lang: 'js', sourceType: 'module' });
    const first = parsed.program.body[0];
    if (first?.type !== 'ExpressionStatement' || first.directive !== 'use client') {
      throw new Error(`${file} does not start with the "use client" directive (React Server Components hosts need it)`);
    }
    // Next.js: "It's currently unsupported to use "export *" in a client boundary."
    const star = parsed.program.body.filter((node) => node.type === 'ExportAllDeclaration');
    if (star.length) throw new Error(`${file} has ${star.length} \`export *\`: Next.js refuses them in a "use client" module`);
    return file;
  });

  // The peers the packed JS imports, as an app that installed the package would have them: the
  // repo's node_modules, next to the unpacked package (Node walks up from the package to find them).
  symlinkSync(join(repoRoot, 'node_modules'), join(pkgDir, '../node_modules'), 'dir');

  /** Entries that define a custom element where `customElements` exists: the globals their guard reads. */
  const GUARDED = { './element': ['customElements', 'HTMLElement'] };
  await report.check('importing each JS entry in plain Node touches no window, document or other DOM global', async () => {
    const entries = Object.keys(pkg.exports).filter((key) => /\.m?js$/.test(exportTarget(pkg, key)));
    const ours = [];
    const theirs = new Set();
    for (const subpath of entries) {
      const url = pathToFileURL(join(pkgDir, exportTarget(pkg, subpath))).href;
      const out = run(process.execPath, ['--input-type=module', '-e', domProbe(), url], { cwd: pkgDir, timeoutMs: 60_000 });
      const { touches: all, exported } = JSON.parse(out.trim().split('\n').at(-1));
      let touches = all;
      if (subpath in GUARDED) {
        // A side-effect entry (it exports types only): its one guard reads these globals, and
        // having read them proves the probe imported it; nothing else may be read.
        const guard = GUARDED[subpath];
        if (!touches.some(({ global }) => global === guard[0])) throw new Error(`${subpath} did not check \`${guard[0]}\`: the probe did not import it`);
        touches = touches.filter(({ global }) => !guard.includes(global));
      } else if (exported === 0) throw new Error(`${subpath} exported nothing: the probe did not import it`);
      for (const { global, file, line } of touches) {
        const path = file.startsWith('file:') ? fileURLToPath(file) : file;
        if (path.startsWith(pkgDir + sep)) ours.push(`${subpath}: ${relative(pkgDir, path)}:${line} reads \`${global}\``);
        else theirs.add(`${global} (${path.includes('node_modules') ? path.slice(path.lastIndexOf('node_modules') + 13) : path})`);
      }
    }
    if (ours.length) throw new Error(`the package reads DOM globals when imported (server rendering and Node scripts break):\n${ours.join('\n')}`);
    return `${entries.join(', ')}${theirs.size ? `; peers only: ${[...theirs].join(', ')}` : ''}`;
  });

  await report.check('the cec-call-panel-sim bin: a Node script that prints --help and serves the simulator', async () => {
    const bins = typeof pkg.bin === 'string' ? { [pkg.name]: pkg.bin } : (pkg.bin ?? {});
    const target = bins['cec-call-panel-sim'];
    if (!target) throw new Error('package.json "bin" has no cec-call-panel-sim');
    const file = posix.normalize(target);
    if (!files.includes(file)) throw new Error(`"bin" names ${target}, which is not in the tarball`);
    if (!readFileSync(join(pkgDir, file), 'utf8').startsWith('#!/usr/bin/env node\n')) throw new Error(`${file} does not start with #!/usr/bin/env node`);
    // As npm links it on install: node_modules/.bin/<name> -> the package's file, made executable.
    const binDir = join(work, 'app/node_modules/.bin');
    mkdirSync(binDir, { recursive: true });
    symlinkSync(pkgDir, join(work, 'app/node_modules', pkg.name), 'dir');
    const bin = join(binDir, 'cec-call-panel-sim');
    symlinkSync(join('..', pkg.name, file), bin);
    chmodSync(join(pkgDir, file), 0o755);

    const help = run(bin, ['--help'], { cwd: join(work, 'app'), timeoutMs: 30_000 });
    if (!/^Usage: cec-call-panel-sim/.test(help) || !help.includes('--port')) throw new Error(`--help printed:\n${help}`);
    return await serveOnce(bin, join(work, 'app'));
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

/**
 * Run by `node -e` with an entry's file URL: every DOM global a browser has and Node 20 lacks is
 * a getter that records who read it (the first stack frame below the getter) and answers
 * `undefined`, as a plain Node would (so `window.x` still throws). Prints the touches as JSON.
 */
function domProbe() {
  return `
const GLOBALS = ['window', 'document', 'navigator', 'location', 'self', 'localStorage', 'sessionStorage', 'matchMedia', 'HTMLElement', 'customElements'];
const touches = [];
for (const global of GLOBALS) {
  if (global in globalThis) continue; // Node's own (Node 21+ has navigator): not a DOM stand-in
  Object.defineProperty(globalThis, global, {
    configurable: true,
    get() {
      const frame = (new Error().stack ?? '').split('\\n')[2] ?? '';
      const at = /\\(?((?:file:|\\/)[^\\s()]+):(\\d+):\\d+\\)?\\s*$/.exec(frame);
      touches.push({ global, file: at?.[1] ?? frame.trim(), line: Number(at?.[2] ?? 0) });
      return undefined;
    },
  });
}
const module = await import(process.argv[1]);
await new Promise((resolve) => setTimeout(resolve, 50)); // module-level timers and microtasks too
console.log(JSON.stringify({ touches, exported: Object.keys(module).length }));
`;
}

/**
 * Starts the bin on a free port, asks the printed URL for the printed agent's call with the
 * printed Guid, and stops it with SIGTERM. Resolves with what it saw; rejects on any surprise.
 */
function serveOnce(bin, cwd) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(bin, ['--port', '0', '--scenario', 'idle'], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let asked = false;
    const fail = (error) => {
      child.kill('SIGKILL');
      reject(new Error(`${error.message}\nstdout:\n${stdout}\nstderr:\n${stderr}`));
    };
    const timer = setTimeout(() => fail(new Error('no answer within 30 s')), 30_000);
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.stdout.on('data', async (chunk) => {
      stdout += chunk;
      const url = /simulator on (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout)?.[1];
      const agent = /agent:\s+(\d+)/.exec(stdout)?.[1];
      const guid = /Guid:\s+(\S+)/.exec(stdout)?.[1];
      if (asked || !url || !agent || !guid) return;
      asked = true;
      try {
        const response = await fetch(`${url}/agentgateway/resource/calldata/${agent}/callinfo`, { headers: { Guid: guid } });
        const body = await response.json();
        if (response.status !== 200 || body.retcode !== '0') throw new Error(`the simulator answered ${response.status} ${JSON.stringify(body)}`);
        if (!response.headers.get('date')) throw new Error('the answer has no Date header');
        child.once('exit', (code, signal) => {
          clearTimeout(timer);
          if (code === 0) resolvePromise(`--help, then ${url}: retcode "0" for agent ${agent}, stopped by SIGTERM`);
          else reject(new Error(`exit ${code ?? signal} after SIGTERM\n${stderr}`));
        });
        child.kill('SIGTERM');
      } catch (error) {
        clearTimeout(timer);
        fail(error);
      }
    });
    child.once('error', (error) => {
      clearTimeout(timer);
      fail(error);
    });
    child.once('exit', (code) => {
      if (!asked) {
        clearTimeout(timer);
        fail(new Error(`exited (${code}) before serving`));
      }
    });
  });
}

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

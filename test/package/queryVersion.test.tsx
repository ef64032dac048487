/**
 * Which @tanstack/react-query the test run is really on. The `query-floor` project points it at
 * test/package/query-floor (the lowest release of our peer range) and sets EXPECTED_QUERY_FLOOR;
 * every other project runs the repo's devDependency. A `query-floor` run that silently fell back
 * to the repo's release, or loaded the floor's react-query over another query-core, fails here
 * rather than passing for the wrong reason.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { QueryClient, notifyManager } from '@tanstack/react-query';
import { describe, expect, it, vi } from 'vitest';

const onFloor = process.env.EXPECTED_QUERY_FLOOR === '1';
const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8'));

const rootPackage = readJson(resolve(__dirname, '../../package.json'));
const floorPackage = readJson(resolve(__dirname, 'query-floor/package.json'));
/** `^5.0.0` -> `5.0.0`: the peer range's lowest release. */
const declaredFloor = String(rootPackage.peerDependencies['@tanstack/react-query']).replace(/^\^/, '');
const modules = resolve(__dirname, onFloor ? 'query-floor/node_modules' : '../../node_modules');
const reactQueryDir = join(modules, '@tanstack/react-query');
const queryCoreDir = join(modules, '@tanstack/query-core');
const version = (dir: string): string => readJson(join(dir, 'package.json')).version;
/** The file an ESM `import` of the package loads. */
const importEntry = (dir: string) => join(dir, readJson(join(dir, 'package.json')).exports['.'].import.default);

const compare = (a: string, b: string) => {
  const [x, y] = [a, b].map((v) => v.split('.').map(Number));
  return x!.map((n, i) => n - y![i]!).find((d) => d !== 0) ?? 0;
};

describe(onFloor ? `@tanstack/react-query at the floor, ${declaredFloor}` : '@tanstack/react-query, the repo\'s release', () => {
  it('the peer range is ^<floor>, and test/package/query-floor pins exactly that release', () => {
    expect(rootPackage.peerDependencies['@tanstack/react-query']).toMatch(/^\^5\.\d+\.\d+$/);
    expect(floorPackage.dependencies['@tanstack/react-query']).toBe(declaredFloor);
  });

  it(onFloor ? 'the installed release is the floor, with its own query-core' : 'the installed release is inside the peer range', () => {
    if (onFloor) {
      expect(version(reactQueryDir)).toBe(declaredFloor);
      expect(version(queryCoreDir)).toBe(readJson(join(reactQueryDir, 'package.json')).dependencies['@tanstack/query-core']);
    } else {
      expect(version(reactQueryDir).split('.')[0]).toBe('5');
      expect(compare(version(reactQueryDir), declaredFloor)).toBeGreaterThanOrEqual(0);
    }
  });

  it('the @tanstack/react-query the tests import is that release, over that query-core (one copy)', async () => {
    const reactQuery = await import(/* @vite-ignore */ importEntry(reactQueryDir));
    const queryCore = await import(/* @vite-ignore */ importEntry(queryCoreDir));
    expect(reactQuery.QueryClient).toBe(QueryClient);
    expect(queryCore.QueryClient).toBe(QueryClient);
  });

  it('hands its notifications to React on a microtask (test/setup.ts; before 5.17, the query-floor plugin)', async () => {
    const notified = vi.fn();
    notifyManager.schedule(notified);
    await new Promise<void>((resolve) => queueMicrotask(resolve));
    expect(notified).toHaveBeenCalledOnce();
  });
});

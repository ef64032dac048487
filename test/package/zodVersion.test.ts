/**
 * Which zod the test run is really on. The `zod-floor` project points `zod` and `zod/mini` at
 * test/package/zod-floor (the lowest release of our peer range) and sets EXPECTED_ZOD_FLOOR;
 * every other project runs the repo's devDependency. A floor run that silently fell back to the
 * repo's release fails here rather than passing for the wrong reason.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import * as z from 'zod/mini';
import { describe, expect, it } from 'vitest';

const onFloor = process.env.EXPECTED_ZOD_FLOOR === '1';
const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8'));
const rootPackage = readJson(resolve(__dirname, '../../package.json'));
const floorPackage = readJson(resolve(__dirname, 'zod-floor/package.json'));
/** `^4.1.0` -> `4.1.0`: the peer range's lowest release. */
const declaredFloor = String(rootPackage.peerDependencies.zod).replace(/^\^/, '');
const running = `${z.core.version.major}.${z.core.version.minor}.${z.core.version.patch}`;

describe(onFloor ? `zod at the floor, ${declaredFloor}` : "zod, the repo's release", () => {
  it('the peer range is ^<floor> from 4.1 on (4.0 mini compiles with new Function), and zod-floor pins it', () => {
    expect(rootPackage.peerDependencies.zod).toMatch(/^\^4\.(?:[1-9]|\d{2,})\.\d+$/);
    expect(floorPackage.dependencies.zod).toBe(declaredFloor);
    expect(rootPackage.dependencies?.zod).toBeUndefined();
  });

  it(onFloor ? 'zod/mini is the floor release' : 'zod/mini is the repo release, inside the peer range', () => {
    if (onFloor) expect(running).toBe(declaredFloor);
    else expect(running).toBe(readJson(resolve(__dirname, '../../node_modules/zod/package.json')).version);
  });
});

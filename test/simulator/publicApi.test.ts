import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as browserApi from '../../src/simulator';
import * as nodeApi from '../../src/simulator/node';

const SRC = resolve(__dirname, '../../src/simulator');

/** The relative imports of a module, followed to their files (bounded by the simulator's file count). */
function importGraph(entry: string): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  const queue = [entry];
  while (queue.length > 0 && graph.size < 200) {
    const file = queue.shift() as string;
    if (graph.has(file)) continue;
    const source = readFileSync(file, 'utf8');
    const specifiers = [...source.matchAll(/^(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]/gm)].map((m) => m[1] as string);
    graph.set(file, specifiers);
    for (const spec of specifiers) if (spec.startsWith('.')) queue.push(`${resolve(dirname(file), spec)}.ts`);
  }
  return graph;
}

describe('public API', () => {
  it('the browser entry reaches no Node-only module and no server code', () => {
    const graph = importGraph(resolve(SRC, 'index.ts'));
    expect(graph.size).toBeGreaterThan(10);
    for (const [file, specifiers] of graph) {
      expect(file).not.toMatch(/server\.ts$|node\.ts$/);
      for (const spec of specifiers) expect(spec, `${file} imports ${spec}`).not.toMatch(/^node:|^(http|net|fs|path)$/);
    }
    expect('startSimulatorServer' in browserApi).toBe(false);
  });

  it('the node entry adds the server and the control endpoint to everything else', () => {
    expect(typeof nodeApi.startSimulatorServer).toBe('function');
    expect(typeof nodeApi.handleControlRequest).toBe('function');
    for (const name of Object.keys(browserApi)) expect(name in nodeApi).toBe(true);
    expect(typeof browserApi.GatewaySimulator).toBe('function');
    expect(browserApi.SCENARIO_LIST).toHaveLength(17);
  });
});

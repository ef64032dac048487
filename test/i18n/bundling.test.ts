import { readFileSync, existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../..');

/** Every source module reachable from `entry` through relative static imports. */
function reachable(entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const source = readFileSync(file, 'utf8');
    for (const [, spec] of source.matchAll(/(?:import|export)[^'"]*?from\s+'(\.[^']+)'/g)) {
      const base = resolve(dirname(file), spec!);
      const target = ['.ts', '.tsx', '/index.ts'].map((ext) => base + ext).find(existsSync);
      if (target) visit(target);
    }
  };
  visit(resolve(root, entry));
  return seen;
}

describe('locale modules', () => {
  it.each(['src/components/CallInfoPanel/CallInfoPanel.tsx', 'src/components/index.ts', 'src/i18n/index.ts'])(
    '%s does not pull in zh-CN or ar (other locales stay tree-shakable)',
    (entry) => {
      const files = [...reachable(entry)].map((f) => f.slice(root.length + 1));
      expect(files.length).toBeGreaterThan(3);
      expect(files).toContain('src/i18n/messages/en.ts');
      expect(files.filter((f) => f.includes('zh-CN') || f.endsWith('messages/ar.ts'))).toEqual([]);
    },
  );

  it.each(['zh-CN', 'ar'])('%s is importable on its own, needing only types', (locale) => {
    const source = readFileSync(resolve(root, `src/i18n/messages/${locale}.ts`), 'utf8');
    const imports = [...source.matchAll(/^import .*$/gm)].map((m) => m[0]);
    expect(imports).toEqual(["import type { Messages } from '../Messages';"]);
  });
});

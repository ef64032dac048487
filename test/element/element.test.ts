// `cec-call-panel/element` where there is no DOM (Node, server rendering): importing it throws
// nothing and defines nothing. The built file's own guard is checked by scripts/check-package.mjs
// (imported in plain Node, it reads `customElements` and nothing else).
import { describe, expect, it } from 'vitest';

describe('cec-call-panel/element without a DOM', () => {
  it('imports without throwing and defines nothing', async () => {
    expect(typeof customElements).toBe('undefined');
    expect(typeof HTMLElement).toBe('undefined');
    const module = await import('../../src/element/index');
    // Types only at runtime: the element class is not evaluated here.
    expect(Object.keys(module)).toEqual([]);
    expect(typeof customElements).toBe('undefined');
  });
});

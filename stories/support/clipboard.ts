import { fn } from 'storybook/test';

/**
 * A story `beforeEach` that stands a spy in for `navigator.clipboard` (the test browser may refuse
 * the real one, and a story must not write to the viewer's clipboard). `outcome: 'reject'` makes
 * every copy fail, as a browser that denies clipboard access does. The cleanup restores the real one.
 */
export function stubClipboard(outcome: 'resolve' | 'reject' = 'resolve') {
  return () => {
    const writeText = fn(async (_text: string): Promise<void> => {
      if (outcome === 'reject') throw new DOMException('Clipboard access denied', 'NotAllowedError');
    }).mockName('navigator.clipboard.writeText');
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText } });
    return () => {
      Reflect.deleteProperty(navigator, 'clipboard');
    };
  };
}

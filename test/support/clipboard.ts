import { afterEach, beforeEach, vi } from 'vitest';

/**
 * A `navigator.clipboard` whose `writeText` is a spy, installed before each test of the file and
 * removed after it (with real timers back). Returns a reader of the current spy.
 */
export function mockClipboard(): () => ReturnType<typeof vi.fn> {
  let writeText = vi.fn(() => Promise.resolve());
  beforeEach(() => {
    writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText } });
  });
  afterEach(() => {
    Reflect.deleteProperty(navigator, 'clipboard');
    vi.useRealTimers();
  });
  return () => writeText;
}

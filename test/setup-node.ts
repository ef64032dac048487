import { notifyManager } from '@tanstack/react-query';
import { afterEach } from 'vitest';

// The setup of the Node-environment projects (`*.test.ts`, see vite.config.ts): test/setup.ts
// without Testing Library, which these files do not render with and which loads react-dom.
// TanStack Query's scheduler is the same as there, should a Node test drive a QueryClient on fake
// timers: a microtask rather than a 0 ms timeout that fake timers fire a millisecond late.
notifyManager.setScheduler?.(queueMicrotask);

// A `.test.ts` file that asks for a DOM (`// @vitest-environment jsdom` at its top) gets
// Testing Library's cleanup after each test, as test/setup.ts gives every `.test.tsx` file.
if (typeof document !== 'undefined') {
  const { cleanup } = await import('@testing-library/react');
  afterEach(() => {
    cleanup();
  });
}

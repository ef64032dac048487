import { notifyManager } from '@tanstack/react-query';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

// TanStack Query batches its notifications to React in a 0 ms timeout, which fake timers fire
// a millisecond late. A microtask keeps the batching and lets fake time land exactly on a poll.
// Releases before 5.17 have no setScheduler: the `query-floor` project (vite.config.ts) makes
// their notifyManager schedule on a microtask instead.
notifyManager.setScheduler?.(queueMicrotask);

afterEach(() => {
  cleanup();
});

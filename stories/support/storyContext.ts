import { QueryClient } from '@tanstack/react-query';

/**
 * What the preview's loader gives every story: the moment it rendered (live timers start from
 * it) and its own QueryClient.
 */
export interface LoadedBase {
  now: number;
  queryClient: QueryClient;
}

/** Reads the preview loader's values from a story context's `loaded`, checking they are there. */
export function loadedBase(loaded: Record<string, unknown> | undefined): LoadedBase {
  const now = loaded?.now;
  const queryClient = loaded?.queryClient;
  if (typeof now !== 'number' || !(queryClient instanceof QueryClient)) {
    throw new Error('The preview loader did not run: stories need `loaded.now` and `loaded.queryClient`.');
  }
  return { now, queryClient };
}

/** The story's clock: when the story rendered, else now (a docs snippet, say). */
export function storyNow(loaded: Record<string, unknown> | undefined): number {
  return typeof loaded?.now === 'number' ? loaded.now : Date.now();
}

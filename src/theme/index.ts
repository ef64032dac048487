// Internal barrel for tests; the public API is src/index.ts.
export { UnstyledContext, useUnstyled } from './UnstyledContext';
export type { ColorScheme, Density } from './types';

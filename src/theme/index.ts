export { UnstyledContext, useUnstyled } from './UnstyledContext';
export type { ColorScheme, Density } from './types';

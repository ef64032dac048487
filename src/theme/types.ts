/** `auto` follows the system's `prefers-color-scheme`. */
export type ColorScheme = 'light' | 'dark' | 'auto';
/** Spacing density. */
export type Density = 'comfortable' | 'compact';

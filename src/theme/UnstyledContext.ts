import { createContext, useContext } from 'react';

/**
 * Set by `CallInfoView` / `CallInfoPanel` when `unstyled`: every part below keeps its structure,
 * classes and data attributes but drops the library's look (its root carries `data-unstyled`).
 */
export const UnstyledContext = createContext(false);

/** A part's own `unstyled` prop wins; otherwise the nearest `UnstyledContext`. */
export function useUnstyled(unstyled: boolean | undefined): boolean {
  const inherited = useContext(UnstyledContext);
  return unstyled ?? inherited;
}

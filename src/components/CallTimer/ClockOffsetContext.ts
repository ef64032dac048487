import { createContext } from 'react';

/**
 * The gateway's clock minus the desktop's, in ms, for every running `CallTimer` below: live
 * durations count from the gateway's moments, so they are read on the gateway's clock. Set by
 * `CallInfoView` from its `clockOffset` prop (which `CallInfoPanel` measures). Default 0.
 */
export const ClockOffsetContext = createContext(0);

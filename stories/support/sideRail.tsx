import type { Decorator } from '@storybook/react-vite';

/**
 * A part shown alone as it sits in a 320 px side-rail panel: a box that is the panel's size
 * container (`cip-panel`), so the part's narrow layout applies as it does inside `CallInfoView`.
 */
export const inSideRail: Decorator = (Story) => (
  <div style={{ inlineSize: 320, containerType: 'inline-size', containerName: 'cip-panel' }}>
    <Story />
  </div>
);

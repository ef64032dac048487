import type { StoryContext } from '@storybook/react-vite';
import { refreshCallInfo } from '../../src/query/refreshCallInfo';
import { CallInfoPanel, type CallInfoPanelProps } from '../../src/components/CallInfoPanel/CallInfoPanel';
import { loadedSimulator } from './simulator';
import { loadedBase } from './storyContext';

/**
 * Renders `CallInfoPanel` against the story's own simulated gateway: the simulator's `fetch` as
 * the panel's `fetch`, and the Guid as a function read at every request (never in a URL).
 */
export function renderSimulatedPanel(args: CallInfoPanelProps, { loaded }: Pick<StoryContext, 'loaded'>) {
  const { fetch, guid } = loadedSimulator(loaded);
  return (
    <div className="cip-story-panel">
      <CallInfoPanel {...args} fetch={fetch} guid={guid} />
    </div>
  );
}

/**
 * As `renderSimulatedPanel`, with a host that re-authenticates: "Sign in again" calls the story's
 * `onReauthenticate` spy, then asks the gateway again at once with `refreshCallInfo` (the Guid
 * function then reads the agent's current Guid).
 */
export function renderReauthenticatingPanel(args: CallInfoPanelProps, { loaded }: Pick<StoryContext, 'loaded'>) {
  const { fetch, guid } = loadedSimulator(loaded);
  const { queryClient } = loadedBase(loaded);
  const onReauthenticate = () => {
    args.onReauthenticate?.();
    void refreshCallInfo(queryClient, args.agentId);
  };
  return (
    <div className="cip-story-panel">
      <CallInfoPanel {...args} fetch={fetch} guid={guid} onReauthenticate={onReauthenticate} />
    </div>
  );
}

import { expect, waitFor, within } from 'storybook/test';
import type { CallInfoFreshness, CallInfoStatus } from '../../src/components/CallInfoView/types';
import type { CallPhase } from '../../src/gateway/model';

export interface PanelState {
  status: CallInfoStatus;
  freshness?: CallInfoFreshness;
  phase?: CallPhase;
}

/** The panel (its labelled region) inside a story's canvas. */
export async function findPanel(canvasElement: HTMLElement, timeout = 5_000): Promise<HTMLElement> {
  return within(canvasElement).findByRole('region', {}, { timeout });
}

/** Waits until the panel shows `state` (its `data-status`, `data-freshness`, `data-phase`). */
export async function waitForPanel(canvasElement: HTMLElement, state: PanelState, timeout = 5_000): Promise<HTMLElement> {
  const panel = await findPanel(canvasElement, timeout);
  await waitFor(
    () => {
      expect(panel).toHaveAttribute('data-status', state.status);
      if (state.freshness) expect(panel).toHaveAttribute('data-freshness', state.freshness);
      if (state.phase) expect(panel).toHaveAttribute('data-phase', state.phase);
    },
    { timeout },
  );
  return panel;
}

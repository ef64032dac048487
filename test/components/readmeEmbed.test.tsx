/**
 * The README's own embed ("Embed the panel"), as a new integrator pastes it: a Guid getter over a
 * mutable session and an async `onReauthenticate` that stores the new Guid (issue #10). The
 * session expires (000-003), the agent signs in again, and the call is back.
 */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { CallInfoPanel } from '../../src/components';
import { failure, respond, talkingCall } from '../fixtures/wire';
import { advance, setDocumentVisibility } from '../query/renderWithClient';

beforeEach(() => {
  vi.useFakeTimers();
  setDocumentVisibility('visible');
});
afterEach(() => vi.useRealTimers());

it("the README's embed: Session expired -> Sign in again -> the call is back", async () => {
  const session = { agentId: '60015', guid: 'guid-1' };
  let issued = 1;
  // The sign-in takes a while, as a real one does.
  const signIn = () => new Promise<string>((resolve) => setTimeout(() => resolve(`guid-${++issued}`), 500));
  const fetch = vi.fn<typeof globalThis.fetch>(async (_url, init) => {
    const guid = (init?.headers as Record<string, string>).Guid;
    return respond(guid === 'guid-1' ? failure('000-003') : talkingCall());
  });
  const queryClient = new QueryClient();

  function AgentDesktop() {
    return (
      <QueryClientProvider client={queryClient}>
        <CallInfoPanel
          agentId={session.agentId}
          baseUrl="/cc"
          guid={() => session.guid}
          isNoContainLastCall
          onReauthenticate={async () => {
            session.guid = await signIn();
          }}
          fetch={fetch}
        />
      </QueryClientProvider>
    );
  }

  render(<AgentDesktop />);
  await advance(0);
  const region = screen.getByRole('region');
  expect(region.getAttribute('data-status')).toBe('auth-expired');
  expect(screen.getByText('Session expired')).toBeTruthy();
  // Polling has stopped: no request with the expired Guid.
  await advance(30_000);
  expect(fetch).toHaveBeenCalledTimes(1);

  fireEvent.click(screen.getByRole('button', { name: 'Sign in again' }));
  await act(() => vi.advanceTimersByTimeAsync(500));
  await advance(0);
  expect(session.guid).toBe('guid-2');
  expect(fetch).toHaveBeenCalledTimes(2);
  expect(region.getAttribute('data-status')).toBe('live');
  expect(screen.getByText('+8613800138000')).toBeTruthy();
  expect(screen.queryByText('Session expired')).toBeNull();
  queryClient.clear();
});

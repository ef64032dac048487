/**
 * The README's own embed ("Embed the panel"), as a new integrator pastes it: a Guid getter over a
 * mutable session and an async `onReauthenticate` that stores the new Guid (issue #10). The
 * session expires (000-003), the agent signs in again, and the call is back. The first two tests
 * hold a copy of it with the session in their hands; the last runs the README's block itself.
 */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ComponentType } from 'react';
import { afterEach, beforeEach, expect, it, onTestFinished, vi } from 'vitest';
import { CallInfoPanel } from '../../src/components';
import { callInfoRequests, isCallInfoUrl, siblingAnswer, failure, respond, talkingCall } from '../fixtures/wire';
import { advance, setDocumentVisibility } from '../query/renderWithClient';
import { codeBlocks } from '../support/markdown';

beforeEach(() => {
  vi.useFakeTimers();
  setDocumentVisibility('visible');
});
afterEach(() => vi.useRealTimers());

/** The README's embed, as pasted: a Guid getter over the session, an async sign-in again. */
function readmeEmbed(session: { agentId: string; guid: string }, signIn: () => Promise<string>, fetch: typeof globalThis.fetch) {
  const queryClient = new QueryClient();
  render(
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
    </QueryClientProvider>,
  );
  return queryClient;
}

it("the README's embed: Session expired -> Sign in again -> the call is back", async () => {
  const session = { agentId: '60015', guid: 'guid-1' };
  let issued = 1;
  // The sign-in takes a while, as a real one does.
  const signIn = () => new Promise<string>((resolve) => setTimeout(() => resolve(`guid-${++issued}`), 500));
  const fetch = vi.fn<typeof globalThis.fetch>(async (url, init) => {
    const guid = (init?.headers as Record<string, string>).Guid;
    const answer = guid === 'guid-1' ? failure('000-003') : talkingCall();
    return respond(isCallInfoUrl(url) ? answer : siblingAnswer(answer, url));
  });
  const queryClient = readmeEmbed(session, signIn, fetch);
  await advance(0);
  const region = screen.getByRole('region');
  expect(region.getAttribute('data-status')).toBe('auth-expired');
  expect(screen.getByText('Session expired')).toBeTruthy();
  // Polling has stopped: no request with the expired Guid.
  await advance(30_000);
  expect(callInfoRequests(fetch)).toBe(1);

  fireEvent.click(screen.getByRole('button', { name: 'Sign in again' }));
  await act(() => vi.advanceTimersByTimeAsync(500));
  await advance(0);
  expect(session.guid).toBe('guid-2');
  expect(callInfoRequests(fetch)).toBe(2);
  expect(region.getAttribute('data-status')).toBe('live');
  expect(screen.getByText('+8613800138000')).toBeTruthy();
  expect(screen.queryByText('Session expired')).toBeNull();
  queryClient.clear();
});

it("the README's embed through a whole shift: late sign-in, odd answers, expiry, sign-in again, 100-006, back", async () => {
  // The README's session: no Guid until the desktop's sign-in finishes.
  const session = { agentId: '60015', guid: '' };
  let issued = 1;
  const signIn = () => new Promise<string>((resolve) => setTimeout(() => resolve(`guid-${++issued}`), 500));
  const gateway = { next: talkingCall() as unknown, status: 200 };
  const sent: string[] = [];
  const fetch = vi.fn<typeof globalThis.fetch>(async (url, init) => {
    sent.push((init?.headers as Record<string, string>).Guid!);
    const answer = isCallInfoUrl(url) ? gateway.next : siblingAnswer(gateway.next, url);
    return typeof answer === 'string' ? new Response(answer, { status: gateway.status }) : respond(answer, gateway.status);
  });
  const queryClient = readmeEmbed(session, signIn, fetch);
  const region = screen.getByRole('region');
  const state = () => [region.getAttribute('data-status'), region.getAttribute('data-freshness')];

  // Mounted before sign-in: signed out, no request, "Sign in" offered.
  await advance(0);
  expect(region.getAttribute('data-status')).toBe('signed-out');
  expect(screen.getByRole('button', { name: 'Sign in' })).toBeTruthy();
  await advance(10_000);
  expect(fetch).not.toHaveBeenCalled();

  // The desktop's own sign-in finishes: the next read of the getter brings the call.
  session.guid = 'guid-1';
  await advance(3_000);
  expect(state()).toEqual(['live', 'fresh']);
  expect(screen.getByText('+8613800138000')).toBeTruthy();

  // Odd answers real gateways send: numbers as strings, a hex "number", an HTML error page.
  gateway.next = talkingCall({ mediaType: '0x10', callskillid: '20011', caller: '013912345678' });
  await advance(3_000);
  expect(state()).toEqual(['live', 'fresh']);
  expect(screen.getByText('013912345678')).toBeTruthy();
  gateway.next = '<html><body>502 Bad Gateway</body></html>';
  gateway.status = 502;
  await advance(3_000);
  expect(state()).toEqual(['live', 'stale']); // the last good call kept, marked stale
  expect(screen.getByText('013912345678')).toBeTruthy();
  gateway.next = talkingCall();
  gateway.status = 200;
  await advance(5_000);
  expect(state()).toEqual(['live', 'fresh']);

  // The session expires mid-call: the caller stays on screen, under the notice and its action.
  gateway.next = failure('000-003');
  await advance(3_000);
  expect(state()).toEqual(['auth-expired', 'stale']);
  expect(screen.getByText('+8613800138000')).toBeTruthy();
  const requestsWhileExpired = fetch.mock.calls.length;
  await advance(30_000);
  expect(fetch.mock.calls.length).toBe(requestsWhileExpired); // the same Guid is never sent again, to any interface

  // Sign in again through the panel's own action: the new Guid goes at once.
  gateway.next = talkingCall();
  fireEvent.click(screen.getByRole('button', { name: 'Sign in again' }));
  await act(() => vi.advanceTimersByTimeAsync(500));
  await advance(0);
  expect(state()).toEqual(['live', 'fresh']);
  expect(sent.at(-1)).toBe(session.guid);

  // Signed out at the gateway (100-006): signed out, call kept; a new Guid from the getter resumes.
  gateway.next = failure('100-006');
  await advance(3_000);
  expect(state()).toEqual(['signed-out', 'stale']);
  const requestsWhileSignedOut = fetch.mock.calls.length;
  await advance(9_000);
  expect(fetch.mock.calls.length).toBe(requestsWhileSignedOut);
  gateway.next = talkingCall();
  session.guid = 'guid-from-the-event-loop';
  await advance(3_000);
  expect(state()).toEqual(['live', 'fresh']);
  expect(sent.at(-1)).toBe('guid-from-the-event-loop');
  // Never the Guid anywhere on screen.
  expect(document.body.textContent).not.toMatch(/guid-/);
  queryClient.clear();
});

/** The README's "Embed the panel" block as a module of its own, its package imports pointed at src/. */
async function importReadmeEmbed(): Promise<{ AgentDesktop: ComponentType }> {
  const root = resolve(fileURLToPath(import.meta.url), '../../..');
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const from = readme.split('\n').indexOf('## Embed the panel') + 1;
  const block = codeBlocks(readme).find((b) => b.lang === 'tsx' && b.line > from);
  if (!from || !block) throw new Error('README.md: no ```tsx block under "## Embed the panel"');
  // A directory of this run's own: the unit and react18 projects run this file side by side.
  const dir = join(root, 'test/.readme-blocks', `${process.pid}-${Date.now()}`);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'embed.tsx');
  writeFileSync(file, block.code.replace("from 'cec-call-panel';", "from '../../../src';").replace("import 'cec-call-panel/styles.css';", ''));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return import(/* @vite-ignore */ file);
}

it("the README's embed block itself through a shift: signs in late, odd answers, expiry, sign-in again, 100-006", async () => {
  // The gateway: its sign-in (PUT onlineagent) hands out a new Guid in Set-GUID, slowly; every
  // other request is answered from `gateway`, and only for the Guid it handed out last.
  let issued = 0;
  const gateway = { next: talkingCall() as unknown, status: 200 };
  const sent: string[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn<typeof globalThis.fetch>(async (url, init) => {
      if (init?.method === 'PUT' && String(url).endsWith('/agentgateway/resource/onlineagent/60015')) {
        await new Promise((settle) => setTimeout(settle, 500));
        return new Response(null, { headers: { 'Set-GUID': `JSESSIONID=guid-${++issued}` } });
      }
      const guid = (init?.headers as Record<string, string>).Guid!;
      sent.push(guid);
      if (guid !== `guid-${issued}`) return respond(failure('000-003'));
      const answer = isCallInfoUrl(url) ? gateway.next : siblingAnswer(gateway.next, url);
      return typeof answer === 'string' ? new Response(answer, { status: gateway.status }) : respond(answer, gateway.status);
    }),
  );
  onTestFinished(() => void vi.unstubAllGlobals());
  const { AgentDesktop } = await importReadmeEmbed();
  const { unmount } = render(<AgentDesktop />);
  onTestFinished(unmount);
  const region = screen.getByRole('region');
  const state = () => [region.getAttribute('data-status'), region.getAttribute('data-freshness')];

  // Mounted before any sign-in: signed out, nothing asked of the gateway, "Sign in" offered.
  await advance(0);
  expect(state()[0]).toBe('signed-out');
  await advance(10_000);
  expect(sent).toEqual([]);
  fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
  await act(() => vi.advanceTimersByTimeAsync(500));
  await advance(0);
  expect(state()).toEqual(['live', 'fresh']);
  // The call and the list of the agent's calls, both with the Guid the sign-in gave.
  expect(new Set(sent)).toEqual(new Set(['guid-1']));

  // Odd answers: numbers as strings and a hex "number", then a proxy's HTML error page.
  gateway.next = talkingCall({ mediaType: '0x10', callskillid: '20011', caller: '013912345678' });
  await advance(3_000);
  expect(screen.getByText('013912345678')).toBeTruthy();
  gateway.next = '<html><body>502 Bad Gateway</body></html>';
  gateway.status = 502;
  await advance(3_000);
  expect(state()).toEqual(['live', 'stale']);
  gateway.next = talkingCall();
  gateway.status = 200;
  await advance(5_000);
  expect(state()).toEqual(['live', 'fresh']);

  // The Guid expires (another sign-in elsewhere): "Sign in again", and the new Guid goes at once.
  issued++;
  await advance(3_000);
  expect(state()).toEqual(['auth-expired', 'stale']);
  const whileExpired = sent.length;
  await advance(30_000);
  expect(sent.length).toBe(whileExpired);
  fireEvent.click(screen.getByRole('button', { name: 'Sign in again' }));
  await act(() => vi.advanceTimersByTimeAsync(500));
  await advance(0);
  expect(state()).toEqual(['live', 'fresh']);
  expect(sent.at(-1)).toBe(`guid-${issued}`);

  // Signed out at the gateway (100-006): the call kept, marked stale; "Sign in" brings it back.
  gateway.next = failure('100-006');
  await advance(3_000);
  expect(state()).toEqual(['signed-out', 'stale']);
  gateway.next = talkingCall();
  fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
  await act(() => vi.advanceTimersByTimeAsync(500));
  await advance(0);
  expect(state()).toEqual(['live', 'fresh']);
  expect(sent.at(-1)).toBe(`guid-${issued}`);
  expect(document.body.textContent).not.toMatch(/guid-/);
});

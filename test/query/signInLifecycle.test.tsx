/**
 * The sign-in lifecycle (issue #10): no Guid yet is "signed out" with no request; after a
 * sign-in failure the Guid source is read once per interval and a new Guid asks again at once;
 * `onReauthenticate`'s promise settling asks again; an expired session mid-call keeps the call.
 */
import { act, fireEvent, render, renderHook, screen } from '@testing-library/react';
import { QueryClientProvider } from '@tanstack/react-query';
import type { ComponentProps } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CallInfoPanel } from '../../src/components';
import { GatewayError } from '../../src/gateway/GatewayError';
import type { GuidSource } from '../../src/gateway/requestGateway';
import { useCallInfo } from '../../src/query/useCallInfo';
import { callInfoRequests, failure, isCallInfoUrl, respond, siblingAnswer, talkingCall } from '../fixtures/wire';
import { advance, clientWrapper, createTestQueryClient, setDocumentVisibility } from './renderWithClient';

const CALLER = '+8613800138000';

/** A gateway stand-in: `answer` decides from the Guid the request carried. */
function gateway(answer: (guid: string | undefined) => unknown = () => talkingCall()) {
  const fetch = vi.fn<typeof globalThis.fetch>(async (url, init) => {
    const next = answer((init?.headers as Record<string, string>).Guid);
    return respond(isCallInfoUrl(url) ? next : siblingAnswer(next, url));
  });
  return fetch;
}

function renderCallInfo(guid: GuidSource, fetch: typeof globalThis.fetch, refetchInterval = 1_000) {
  const client = createTestQueryClient();
  const utils = renderHook(
    (props: { guid: GuidSource }) => {
      const { callInfo, error } = useCallInfo({ agentId: '60015', guid: props.guid, fetch, refetchInterval });
      return { callInfo, error };
    },
    { wrapper: clientWrapper(client), initialProps: { guid } },
  );
  return { ...utils, client };
}

function renderPanel(props: Partial<ComponentProps<typeof CallInfoPanel>> & { fetch: typeof globalThis.fetch }) {
  const client = createTestQueryClient();
  const utils = render(
    <QueryClientProvider client={client}>
      <CallInfoPanel agentId="60015" refetchInterval={1_000} {...props} />
    </QueryClientProvider>,
  );
  const rerender = (next: Partial<ComponentProps<typeof CallInfoPanel>>) =>
    utils.rerender(
      <QueryClientProvider client={client}>
        <CallInfoPanel agentId="60015" refetchInterval={1_000} {...props} {...next} />
      </QueryClientProvider>,
    );
  return { ...utils, rerender, client };
}

const region = () => screen.getByRole('region');

beforeEach(() => {
  vi.useFakeTimers();
  setDocumentVisibility('visible');
});
afterEach(() => vi.useRealTimers());

describe('no Guid yet', () => {
  it.each<[string, GuidSource]>([
    ['an empty string', ''],
    ['only spaces', ' \t '],
    ['a getter returning empty', () => ''],
    ['a getter that throws', () => {
      throw new Error('session not ready');
    }],
    ['a getter that rejects', () => Promise.reject(new Error('session not ready'))],
  ])('%s: no request, a not-signed-in GatewayError, "Signed out"', async (_name, guid) => {
    const fetch = gateway();
    const { result } = renderCallInfo(guid, fetch);
    await advance(0);
    expect(result.current.error).toBeInstanceOf(GatewayError);
    expect(result.current.error?.kind).toBe('not-signed-in');
    await advance(10_000);
    expect(fetch).not.toHaveBeenCalled();
  });

  it('the panel shows signed-out, not session-expired, with "Sign in" when onReauthenticate is given', async () => {
    const fetch = gateway();
    renderPanel({ fetch, guid: '', onReauthenticate: () => {} });
    await advance(0);
    expect(region().getAttribute('data-status')).toBe('signed-out');
    expect(screen.queryByText('Session expired')).toBeNull();
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeTruthy();
  });
});

describe('recovering from a sign-in failure', () => {
  it.each([['100-006'], ['100-008'], ['000-003']])(
    'after %s, a getter is read once per interval with no request, and a new Guid asks again at once',
    async (retcode) => {
      const session = { guid: 'guid-old' };
      const getter = vi.fn(() => session.guid);
      const fetch = gateway((guid) => (guid === 'guid-old' ? failure(retcode) : talkingCall()));
      const { result } = renderCallInfo(getter, fetch);
      await advance(0);
      expect(result.current.error?.retcode).toBe(retcode);
      expect(callInfoRequests(fetch)).toBe(1);
      getter.mockClear();

      await advance(5_000);
      expect(callInfoRequests(fetch)).toBe(1);
      expect(getter).toHaveBeenCalledTimes(5);

      session.guid = 'guid-new';
      await advance(1_000);
      expect(callInfoRequests(fetch)).toBe(2);
      expect(result.current.error).toBeNull();
      expect(result.current.callInfo?.caller).toBe(CALLER);
      // Polling is back.
      await advance(1_000);
      expect(callInfoRequests(fetch)).toBe(3);
    },
  );

  it('a new Guid string asks again at once, the same one does not', async () => {
    const fetch = gateway((guid) => (guid === 'guid-old' ? failure('100-006') : talkingCall()));
    const { result, rerender } = renderCallInfo('guid-old', fetch);
    await advance(0);
    expect(result.current.error?.kind).toBe('not-signed-in');
    rerender({ guid: ' guid-old ' });
    await advance(5_000);
    expect(callInfoRequests(fetch)).toBe(1);
    rerender({ guid: 'guid-new' });
    await advance(0);
    expect(callInfoRequests(fetch)).toBe(2);
    expect(result.current.callInfo?.caller).toBe(CALLER);
  });

  it('an async getter that rejected once recovers when it resolves', async () => {
    let ready = false;
    const fetch = gateway();
    const { result } = renderCallInfo(() => (ready ? Promise.resolve('guid-1') : Promise.reject(new Error('not yet'))), fetch);
    await advance(0);
    expect(result.current.error?.kind).toBe('not-signed-in');
    ready = true;
    await advance(1_000);
    expect(callInfoRequests(fetch)).toBe(1);
    expect(result.current.callInfo?.caller).toBe(CALLER);
  });

  it('a panel mounted before sign-in finishes shows the call once the Guid arrives', async () => {
    const session = { guid: '' };
    const fetch = gateway();
    renderPanel({ fetch, guid: () => session.guid });
    await advance(0);
    expect(region().getAttribute('data-status')).toBe('signed-out');
    await advance(3_000);
    expect(region().getAttribute('data-status')).toBe('signed-out');
    expect(fetch).not.toHaveBeenCalled();
    session.guid = 'guid-1';
    await advance(1_000);
    expect(callInfoRequests(fetch)).toBe(1);
    expect(region().getAttribute('data-status')).toBe('live');
    expect(screen.getByText(CALLER)).toBeTruthy();
  });
});

describe('onReauthenticate', () => {
  it('asks again at once when its promise settles', async () => {
    const session = { guid: 'guid-old' };
    let finish!: () => void;
    const onReauthenticate = vi.fn(
      () =>
        new Promise<void>((resolve) => {
          finish = () => {
            session.guid = 'guid-new';
            resolve();
          };
        }),
    );
    const fetch = gateway((guid) => (guid === 'guid-old' ? failure('000-003') : talkingCall()));
    // A long interval: the answer must come from the promise settling, not from the next read.
    renderPanel({ fetch, guid: () => session.guid, onReauthenticate, refetchInterval: 60_000 });
    await advance(0);
    expect(region().getAttribute('data-status')).toBe('auth-expired');
    fireEvent.click(screen.getByRole('button', { name: 'Sign in again' }));
    expect(onReauthenticate).toHaveBeenCalledTimes(1);
    await advance(0);
    expect(callInfoRequests(fetch)).toBe(1);
    await act(async () => finish());
    await advance(0);
    expect(callInfoRequests(fetch)).toBe(2);
    expect(region().getAttribute('data-status')).toBe('live');
  });
});

describe('session lost during a call', () => {
  it.each([
    ['000-003', 'auth-expired', 'Session expired', 'Sign in again'],
    ['100-008', 'signed-out', 'Signed out', 'Sign in'],
  ])('after %s the caller stays on screen, stale, under the notice and its action', async (retcode, status, notice, action) => {
    const state = { expired: false };
    const fetch = gateway(() => (state.expired ? failure(retcode) : talkingCall()));
    renderPanel({ fetch, guid: 'guid-1', onReauthenticate: () => {} });
    await advance(0);
    expect(region().getAttribute('data-status')).toBe('live');
    state.expired = true;
    await advance(1_000);
    expect(region().getAttribute('data-status')).toBe(status);
    expect(region().getAttribute('data-freshness')).toBe('stale');
    expect(screen.getByText(CALLER)).toBeTruthy();
    expect(screen.getByText(notice)).toBeTruthy();
    const button = screen.getByRole('button', { name: action });
    // The notice and its action come before the call.
    expect(button.compareDocumentPosition(screen.getByText(CALLER)) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull();
  });
});

/**
 * Agent IDs that try to steer the request path (or are simply not work numbers) are refused
 * before any request, through the hook path as hosts use it: `<CallInfoPanel>` with a spy
 * `fetch`. Zero requests, the Guid never even read, the error state with the invalid-agent-id
 * words, and still nothing after a minute, a Retry or a host refresh.
 */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CallInfoPanel } from '../../src/components';
import { en } from '../../src/i18n/messages/en';
import { zhCN } from '../../src/i18n/messages/zh-CN';
import { refreshCallInfo } from '../../src/query';
import { callInfoRequests, respond, talkingCall } from '../fixtures/wire';
import { advance } from '../query/renderWithClient';

const HOSTILE_IDS: ReadonlyArray<[string, string]> = [
  ['parent directory', '../'],
  ['encoded slash', '%2F'],
  ['encoded dot-dot-slash', '..%2F60015'],
  ['path traversal after a good ID', '60015/../1'],
  ['trailing slash', '60015/'],
  ['leading space', ' 60015'],
  ['trailing space', '60015 '],
  ['inner space', '600 15'],
  ['tab', '60015\t'],
  ['new line', '60015\n'],
  ['exponent', '1e6'],
  ['hex', '0x1F'],
  ['negative', '-60015'],
  ['plus sign', '+60015'],
  ['decimal point', '600.15'],
  ['full-width digits', '６００１５'],
  ['Arabic-Indic digits', '٦٠٠١٥'],
  ['Devanagari digits', '६००१५'],
  ['superscript digits', '¹²³'],
  ['query string', '60015?x=1'],
  ['fragment', '60015#'],
  ['encoded query', '60015%3Fx=1'],
  ['empty', ''],
  ['leading zero', '060015'],
  ['below the range', '100'],
  ['above the range', '1000000'],
  ['null byte', '60015\u0000'],
  ['absolute URL', 'https://evil.example/60015'],
  ['backslash', '60015\\..\\1'],
];

const CALL_FETCH = () => respond(talkingCall());

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(1_764_000_000_000);
});
afterEach(() => {
  vi.useRealTimers();
});

function mount(agentId: string, messages?: typeof zhCN) {
  const fetch = vi.fn<typeof globalThis.fetch>(async () => CALL_FETCH());
  const guid = vi.fn(() => 'guid-hardening-SECRET');
  const client = new QueryClient();
  render(
    <QueryClientProvider client={client}>
      <CallInfoPanel agentId={agentId} guid={guid} fetch={fetch} {...(messages ? { locale: 'zh-CN', messages } : {})} />
    </QueryClientProvider>,
  );
  return { fetch, guid, client };
}

describe('agent IDs refused before any request', () => {
  it.each(HOSTILE_IDS)('%s (%j): no request, the error state, and no request after Retry or refresh', async (_name, agentId) => {
    const { fetch, guid, client } = mount(agentId);
    await advance(0);
    const panel = screen.getByRole('region');
    expect(panel.getAttribute('data-status')).toBe('error');
    expect(panel.textContent).toContain(en['error.invalid-agent-id']);
    expect(fetch).not.toHaveBeenCalled();
    expect(guid).not.toHaveBeenCalled();

    await advance(60_000);
    fireEvent.click(screen.getByRole('button', { name: en['action.retry'] }));
    await refreshCallInfo(client);
    await advance(60_000);
    expect(fetch).not.toHaveBeenCalled();
    expect(guid).not.toHaveBeenCalled();
    expect(screen.getByRole('region').getAttribute('data-status')).toBe('error');
    expect(screen.getByRole('region').innerHTML).not.toContain('guid-hardening-SECRET');
  });

  it('says so in the panel\'s language too', async () => {
    const { fetch } = mount('../', zhCN);
    await advance(0);
    expect(screen.getByRole('region').textContent).toContain(zhCN['error.invalid-agent-id']);
    expect(fetch).not.toHaveBeenCalled();
  });

  it('the same panel with a valid work number does ask (the spy would see a request)', async () => {
    for (const agentId of ['101', '60015', '999999']) {
      const { fetch } = mount(agentId);
      await advance(0);
      expect(callInfoRequests(fetch)).toBe(1);
      expect(String(fetch.mock.calls[0]![0])).toBe(`/agentgateway/resource/calldata/${agentId}/callinfo`);
    }
    expect(screen.getAllByRole('region').map((r) => r.getAttribute('data-status'))).toEqual(['live', 'live', 'live']);
  });
});

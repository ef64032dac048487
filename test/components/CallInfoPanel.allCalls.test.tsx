/**
 * The panel with every call of the agent (issue 12): a strip of tabs when there are two or more,
 * the call the agent is on selected, the others held; one call looks as it always did.
 */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, within } from '@testing-library/react';
import type { ComponentProps } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CallInfoPanel } from '../../src/components';
import { GatewaySimulator } from '../../src/simulator';
import { isCallInfoUrl } from '../fixtures/wire';
import { advance, setDocumentVisibility } from '../query/renderWithClient';

const AGENT = '60015';
const CUSTOMER = '+8613800000042';

function mount(props: Partial<ComponentProps<typeof CallInfoPanel>> = {}) {
  const sim = new GatewaySimulator();
  const client = new QueryClient({ defaultOptions: { queries: { gcTime: Infinity } } });
  const fetch = vi.fn<typeof globalThis.fetch>((input, init) => sim.fetch(input, init));
  const utils = render(
    <QueryClientProvider client={client}>
      <CallInfoPanel agentId={AGENT} guid={() => sim.getGuid(AGENT)} fetch={fetch} refetchInterval={1_000} {...props} />
    </QueryClientProvider>,
  );
  return { sim, fetch, ...utils };
}

/** The customer's call answered, then held for a consultation with a colleague who answers. */
async function consulting(sim: GatewaySimulator) {
  sim.startCall(AGENT, { state: 'talking', fields: { caller: CUSTOMER } });
  await advance(1_000);
  const customerId = sim.state().agents[0]!.callid!;
  sim.consult(AGENT, { state: 'talking' });
  const consultId = sim.state().agents[0]!.callid!;
  await advance(1_000);
  await advance(1_000);
  return { customerId, consultId };
}

const region = () => screen.getByRole('region');
const tabs = () => screen.queryAllByRole('tab');
const body = () => region().querySelector<HTMLElement>('.cip-CallInfoView-body')!;
const otherParty = () => body().querySelector('[data-role="other"] .cip-CallParties-number')?.textContent;
const announced = () => region().querySelector('.cip-CallInfoView-announcer')!.textContent;

beforeEach(() => {
  vi.useFakeTimers();
  setDocumentVisibility('visible');
});
afterEach(() => vi.useRealTimers());

describe('CallInfoPanel with every call of the agent', () => {
  it('shows a consultation as two tabs: the customer held, the consultation selected and shown', async () => {
    const { sim } = mount();
    const { customerId, consultId } = await consulting(sim);
    expect(screen.getByRole('tablist', { name: 'Calls' })).toBeTruthy();
    expect(tabs().map((tab) => [tab.getAttribute('data-call-id'), tab.getAttribute('data-phase'), tab.getAttribute('aria-selected')])).toEqual([
      [customerId, 'held', 'false'],
      [consultId, 'talking', 'true'],
    ]);
    expect(tabs()[0]!.textContent).toContain(CUSTOMER);
    expect(tabs()[0]!.textContent).toContain('On hold');
    // The agent placed the consultation (it is its caller): the colleague is the other party.
    expect(tabs()[1]!.querySelector('.cip-CallLegs-number')!.textContent).toBe('2006');
    expect(otherParty()).toBe('2006');
    const panel = screen.getByRole('tabpanel');
    expect(panel.getAttribute('aria-labelledby')).toBe(tabs()[1]!.id);
    expect(tabs()[1]!.getAttribute('aria-controls')).toBe(panel.id);
    expect(region().querySelector('[data-entry="callId"]')!.textContent).toContain(consultId);
  });

  it('shows the held customer when picked, on hold, and announces nothing for the pick', async () => {
    const { sim } = mount();
    const { customerId } = await consulting(sim);
    const before = announced();
    fireEvent.click(tabs()[0]!);
    expect(tabs()[0]!.getAttribute('aria-selected')).toBe('true');
    expect(region().querySelector('[data-entry="callId"]')!.textContent).toContain(customerId);
    expect(otherParty()).toBe(CUSTOMER);
    const band = region().querySelector('.cip-CallInfoView-phase')!;
    expect(band.getAttribute('data-phase')).toBe('held');
    // Since when it has been held is unknown (it was held before the panel saw it): no hold timer.
    expect(band.querySelector('time')).toBeNull();
    expect(tabs()[0]!.querySelector('time')).not.toBeNull(); // its tab counts from its begin
    // A call asked by ID has no trace: no track to show for it.
    expect(region().querySelector('[data-slot="trace-timeline"] li')).toBeNull();
    await advance(3_000);
    expect(announced()).toBe(before);
    expect(tabs()[0]!.getAttribute('aria-selected')).toBe('true'); // the pick holds across polls
  });

  it('moves between calls with the arrow keys', async () => {
    const { sim } = mount();
    const { customerId } = await consulting(sim);
    fireEvent.keyDown(tabs()[1]!, { key: 'ArrowLeft' });
    expect(document.activeElement).toBe(tabs()[0]);
    expect(region().querySelector('[data-entry="callId"]')!.textContent).toContain(customerId);
  });

  it('when the consultation ends, drops its tab and shows the customer again, selected', async () => {
    const { sim } = mount();
    const { customerId, consultId } = await consulting(sim);
    fireEvent.click(tabs()[0]!);
    sim.release(AGENT, { callid: consultId });
    sim.unhold(AGENT, { callid: customerId });
    await advance(1_000);
    await advance(1_000);
    expect(tabs()).toEqual([]);
    expect(screen.queryByRole('tabpanel')).toBeNull();
    expect(region().getAttribute('data-phase')).toBe('talking');
    expect(otherParty()).toBe(CUSTOMER);
  });

  it('selects the new current call when it changes, even after a pick', async () => {
    const { sim } = mount();
    const { customerId, consultId } = await consulting(sim);
    fireEvent.click(tabs()[1]!); // the consultation, picked
    sim.hold(AGENT, { callid: consultId });
    sim.unhold(AGENT, { callid: customerId }); // back to the customer, the colleague waiting
    await advance(1_000);
    await advance(1_000);
    const selected = tabs().find((tab) => tab.getAttribute('aria-selected') === 'true');
    expect(selected?.getAttribute('data-call-id')).toBe(customerId);
    expect(selected?.hasAttribute('data-current')).toBe(true);
  });

  it('with one call, looks as it always did: no strip, no tab panel', async () => {
    const { sim } = mount();
    sim.startCall(AGENT, { state: 'talking', fields: { caller: CUSTOMER } });
    await advance(1_000);
    await advance(3_000);
    expect(screen.queryByRole('tablist')).toBeNull();
    expect(body().getAttribute('role')).toBeNull();
    expect(otherParty()).toBe(CUSTOMER);
  });

  it('with showAllCalls={false}, asks "query call information" alone and shows the current call', async () => {
    const { sim, fetch } = mount({ showAllCalls: false });
    await consulting(sim);
    await advance(10_000);
    expect(fetch.mock.calls.every(([url]) => isCallInfoUrl(url))).toBe(true);
    expect(screen.queryByRole('tablist')).toBeNull();
    expect(otherParty()).not.toBe(CUSTOMER);
  });

  it('gives each tab the other party as the host formats it', async () => {
    const { sim } = mount({ formatNumber: (number) => `••${number.slice(-2)}` });
    await consulting(sim);
    expect(within(tabs()[0]!).getByText('••42')).toBeTruthy();
  });
});

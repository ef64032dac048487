import { fireEvent, render, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CallInfoView, type CallInfoExtraSection, type CallInfoViewProps } from '../../src/components';
import type { CallInfo } from '../../src/gateway/model';
import { NOW, endedLastCall, makeCall, outgoingCall, voiceLiveCall } from '../fixtures/callInfos';

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(NOW);
});
afterEach(() => vi.useRealTimers());

const region = () => screen.getByRole('region', { name: 'Call information' });
const header = () => region().querySelector('header')!;
const sectionNames = (root: Element) => [...root.querySelectorAll('[data-section]')].map((s) => s.getAttribute('data-section'));
const groupsOf = (container: HTMLElement) =>
  [...container.querySelectorAll('.cip-CallInfoView-group')].map((group) => [group.getAttribute('data-group'), sectionNames(group)]);
/** Only our own development-build message, not React's own report of a caught error. */
const ourErrors = (spy: { mock: { calls: unknown[][] } }) =>
  spy.mock.calls.filter(([first]) => typeof first === 'string' && first.startsWith('cec-call-panel:')).map(([first]) => first);

const actions = (call: CallInfo) => (
  <>
    <button type="button">Hold {call.callId}</button>
    <button type="button">Transfer</button>
  </>
);

describe('CallInfoView renderActions', () => {
  it('renders the host controls in the header, after the title and badge, with the call shown and the view state', () => {
    const renderActions = vi.fn(actions);
    const { container } = render(<CallInfoView callInfo={voiceLiveCall} status="live" renderActions={renderActions} classNames={{ actions: 'mine' }} />);
    expect(renderActions).toHaveBeenCalledWith(voiceLiveCall, { status: 'live', freshness: 'fresh' });
    const wrapper = header().querySelector('.cip-CallInfoView-actions')!;
    expect(wrapper.className).toBe('cip-CallInfoView-actions mine');
    expect([...header().children].map((child) => child.className.split(' ')[0])).toEqual([
      'cip-CallInfoView-title',
      'cip-CallInfoView-badge',
      'cip-CallInfoView-actions',
    ]);
    const hold = within(wrapper as HTMLElement).getByRole('button', { name: `Hold ${voiceLiveCall.callId}` });
    // Keyboard order is the document's: the host's controls before anything of the call's body.
    const firstCopy = container.querySelector('.cip-CallInfoView-body button')!;
    expect(hold.compareDocumentPosition(firstCopy) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(container.querySelectorAll('[tabindex]:not([tabindex="0"])')).toHaveLength(0);
  });

  it.each<[string, Partial<CallInfoViewProps>, string, string]>([
    ['a last call', { callInfo: endedLastCall, status: 'last-call' }, 'last-call', 'fresh'],
    ['a stale call', { callInfo: voiceLiveCall, status: 'live', freshness: 'stale' }, 'live', 'stale'],
    ['a stale call under a session-expired notice', { callInfo: voiceLiveCall, status: 'auth-expired', freshness: 'stale' }, 'auth-expired', 'stale'],
    ['a stale call under a signed-out notice', { callInfo: voiceLiveCall, status: 'signed-out', freshness: 'stale' }, 'signed-out', 'stale'],
  ])('renders them for %s, telling the host which', (_, props, status, freshness) => {
    const renderActions = vi.fn(actions);
    render(<CallInfoView callInfo={null} status="live" {...props} renderActions={renderActions} />);
    expect(renderActions).toHaveBeenLastCalledWith(props.callInfo, { status, freshness });
    expect(within(header()).getByRole('button', { name: 'Transfer' })).toBeTruthy();
  });

  it.each<[string, Partial<CallInfoViewProps>]>([
    ['loading', { callInfo: undefined, status: 'loading' }],
    ['no call', { callInfo: null, status: 'no-call' }],
    ['an error', { callInfo: undefined, status: 'error' }],
    ['signed out, the call not kept', { callInfo: voiceLiveCall, status: 'signed-out' }],
    ['session expired, no call', { callInfo: null, status: 'auth-expired', freshness: 'stale' }],
    ['a live status without a call', { callInfo: null, status: 'live' }],
  ])('renders nothing of them for %s', (_, props) => {
    const renderActions = vi.fn(actions);
    const { container } = render(<CallInfoView callInfo={null} status="no-call" {...props} renderActions={renderActions} />);
    expect(renderActions).not.toHaveBeenCalled();
    expect(container.querySelector('.cip-CallInfoView-actions')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Transfer' })).toBeNull();
  });

  it('keeps the controls of a call across polls and gives a new call fresh ones', () => {
    function Note() {
      const [text, setText] = useState('');
      return <input aria-label="Note" value={text} onChange={(event) => setText(event.target.value)} />;
    }
    const { rerender } = render(<CallInfoView callInfo={voiceLiveCall} status="live" renderActions={() => <Note />} />);
    fireEvent.change(screen.getByRole('textbox', { name: 'Note' }), { target: { value: 'VIP' } });
    rerender(<CallInfoView callInfo={{ ...voiceLiveCall, waitSeconds: 13 }} status="live" renderActions={() => <Note />} />);
    expect(screen.getByRole<HTMLInputElement>('textbox', { name: 'Note' }).value).toBe('VIP');
    rerender(<CallInfoView callInfo={outgoingCall} status="live" renderActions={() => <Note />} />);
    expect(screen.getByRole<HTMLInputElement>('textbox', { name: 'Note' }).value).toBe('');
  });

  it('contains a render function that throws: the panel stays, the controls are gone, logged in development', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const { container } = render(
      <CallInfoView
        callInfo={voiceLiveCall}
        status="live"
        renderActions={() => {
          throw new Error('host bug');
        }}
      />,
    );
    expect(container.querySelector('.cip-CallInfoView-actions')!.childElementCount).toBe(0);
    expect(sectionNames(container)).toContain('parties');
    expect(screen.getByText('70004')).toBeTruthy();
    expect(ourErrors(error)).toEqual(['cec-call-panel: renderActions threw']);
  });
});

describe('CallInfoView extraSections', () => {
  const crm: CallInfoExtraSection = { id: 'crm', title: 'Customer', render: (call) => <p>Customer of {call.caller}</p> };
  const notes: CallInfoExtraSection = { id: 'notes', title: 'Notes', render: () => <textarea aria-label="Notes" />, group: 'glance' };

  it('without `sections`, follows ours in the group it names (default "more")', () => {
    const { container } = render(<CallInfoView callInfo={voiceLiveCall} status="live" extraSections={[crm, notes]} />);
    expect(groupsOf(container)).toEqual([
      ['glance', ['parties', 'callType', 'media', 'skill', 'timers', 'notes']],
      ['more', ['trace', 'details', 'callData', 'crm']],
    ]);
  });

  it('renders each as a section like ours: the part, data-section and an h3 heading, with the call shown', () => {
    const { container } = render(<CallInfoView callInfo={voiceLiveCall} status="live" extraSections={[crm]} classNames={{ section: 's', sectionTitle: 'st' }} />);
    const section = container.querySelector('[data-section="crm"]')!;
    expect(section.className).toBe('cip-CallInfoView-section s');
    const heading = within(section as HTMLElement).getByRole('heading', { level: 3, name: 'Customer' });
    expect(heading.className).toBe('cip-CallInfoView-sectionTitle st');
    expect(heading.tagName).toBe(container.querySelector('[data-section="trace"] > h3')!.tagName);
    expect(section.textContent).toBe('CustomerCustomer of 70004');
  });

  it('is placed by `sections` with ours, in order, groups by first appearance; what is left out is not shown', () => {
    const { container } = render(
      <CallInfoView callInfo={voiceLiveCall} status="live" extraSections={[crm, notes]} sections={['crm', 'parties', 'notes', 'details', 'timers']} />,
    );
    expect(groupsOf(container)).toEqual([
      ['more', ['crm', 'details']],
      ['glance', ['parties', 'notes', 'timers']],
    ]);
    render(<CallInfoView callInfo={voiceLiveCall} status="live" aria-label="second" extraSections={[crm, notes]} sections={['parties']} />);
    expect(sectionNames(screen.getByRole('region', { name: 'second' }))).toEqual(['parties']);
  });

  it('hides a section that renders nothing, and one without a title has no heading', () => {
    const empty: CallInfoExtraSection = { id: 'empty', title: 'Empty', render: () => null };
    const bare: CallInfoExtraSection = { id: 'bare', title: '', render: () => 'plain' };
    const { container } = render(<CallInfoView callInfo={voiceLiveCall} status="live" extraSections={[empty, bare]} />);
    expect(container.querySelector('[data-section="empty"]')).toBeNull();
    expect(container.querySelector('[data-section="bare"]')!.innerHTML).toBe('plain');
  });

  it('contains a section that throws, or whose content throws: the rest renders, logged in development only', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    function Broken(): never {
      throw new Error('widget bug');
    }
    const sections: CallInfoExtraSection[] = [
      { id: 'boom', title: 'Boom', render: () => { throw new Error('host bug'); } },
      crm,
      { id: 'widget', title: 'Widget', render: () => <Broken /> },
      notes,
    ];
    const { container, rerender } = render(<CallInfoView callInfo={voiceLiveCall} status="live" extraSections={sections} renderActions={actions} />);
    expect(sectionNames(container)).toEqual(['parties', 'callType', 'media', 'skill', 'timers', 'notes', 'trace', 'details', 'callData', 'crm']);
    expect(screen.queryByRole('heading', { name: 'Boom' })).toBeNull();
    expect(screen.getByRole('heading', { name: 'Customer' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Transfer' })).toBeTruthy();
    expect(ourErrors(error)).toEqual(['cec-call-panel: extra section "boom" threw', 'cec-call-panel: extra section "widget" threw']);

    error.mockClear();
    vi.stubEnv('NODE_ENV', 'production');
    rerender(<CallInfoView callInfo={outgoingCall} status="live" extraSections={sections} />);
    expect(container.querySelector('[data-section="boom"]')).toBeNull();
    expect(screen.getByText('Customer of 60015')).toBeTruthy();
    expect(ourErrors(error)).toEqual([]);
    vi.unstubAllEnvs();
  });

  it('tries a failed section again with new call data', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const flaky: CallInfoExtraSection = {
      id: 'flaky',
      title: 'Flaky',
      render: (call) => {
        if (call.waitSeconds === 12) throw new Error('not yet');
        return `waited ${call.waitSeconds}`;
      },
    };
    const call = makeCall({ waitSeconds: 12 });
    const { container, rerender } = render(<CallInfoView callInfo={call} status="live" extraSections={[flaky]} />);
    expect(container.querySelector('[data-section="flaky"]')).toBeNull();
    rerender(<CallInfoView callInfo={call} status="live" extraSections={[flaky]} showEmptyFields />);
    expect(container.querySelector('[data-section="flaky"]')).toBeNull();
    rerender(<CallInfoView callInfo={{ ...call, waitSeconds: 13 }} status="live" extraSections={[flaky]} />);
    expect(container.querySelector('[data-section="flaky"]')!.textContent).toBe('Flakywaited 13');
  });

  it('an extra section named like one of ours replaces it, in its place and group', () => {
    const data: CallInfoExtraSection = { id: 'callData', title: 'Order', render: () => 'order 42' };
    const { container } = render(<CallInfoView callInfo={voiceLiveCall} status="live" extraSections={[data]} />);
    expect(groupsOf(container)).toEqual([
      ['glance', ['parties', 'callType', 'media', 'skill', 'timers']],
      ['more', ['trace', 'details', 'callData']],
    ]);
    expect(container.querySelector('[data-section="callData"]')!.textContent).toBe('Orderorder 42');
    expect(container.querySelector('.cip-CallDataView-root')).toBeNull();
  });

  it('skips a name in `sections` that is neither ours nor an extra one, prototype names included', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { container, rerender } = render(<CallInfoView callInfo={voiceLiveCall} status="live" sections={['constructor', 'toString', 'parties', 'nope']} />);
    expect(sectionNames(container)).toEqual(['parties']);
    // Said once, not at every render of a new array with the same names.
    rerender(<CallInfoView callInfo={voiceLiveCall} status="live" sections={['constructor', 'toString', 'parties', 'nope']} />);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]![0]).toContain('no section named "constructor", "toString", "nope"');
    // An extra section's id is a name.
    rerender(<CallInfoView callInfo={voiceLiveCall} status="live" extraSections={[crm]} sections={['parties', crm.id]} />);
    expect(warn).toHaveBeenCalledTimes(1);
    warn.mockRestore();
  });

  it('shows no extra section without a call', () => {
    const renderCrm = vi.fn(crm.render);
    const { container } = render(<CallInfoView callInfo={null} status="no-call" extraSections={[{ ...crm, render: renderCrm }]} />);
    expect(container.querySelector('[data-section]')).toBeNull();
    expect(renderCrm).not.toHaveBeenCalled();
  });
});

import { act, fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { mockClipboard } from '../support/clipboard';
import { CallParties, directionOf } from '../../src/components';
import { otherPartyOf } from '../../src/components/CallTypeBadge/directionOf';
import { CALL_TYPES } from '../../src/gateway/codes';
import { I18nProvider } from '../../src/i18n';
import { zhCN } from '../../src/i18n/messages/zh-CN';

const clipboard = mockClipboard();

const incoming = { code: 0, kind: 'incoming' } as const;

describe('CallParties', () => {
  it('shows caller and called as a description list, numbers exactly as received', () => {
    const { container } = render(<CallParties caller="+8613800138000" called="060015" callType={incoming} />);
    const terms = [...container.querySelectorAll('dt')].map((dt) => dt.textContent);
    const numbers = [...container.querySelectorAll('.cip-CallParties-number')].map((n) => n.textContent);
    expect(terms).toEqual(['Caller', 'Called']);
    expect(numbers).toEqual(['+8613800138000', '060015']);
    expect(container.querySelector('[data-party="caller"]')!.getAttribute('data-role')).toBe('other');
    expect(container.querySelector('[data-party="called"]')!.hasAttribute('data-role')).toBe(false);
  });

  it('isolates numbers left-to-right so they read right in RTL layouts', () => {
    const { container } = render(<CallParties caller="+8613800138000" called="60015" />);
    for (const n of container.querySelectorAll('.cip-CallParties-number')) expect(n.getAttribute('dir')).toBe('ltr');
  });

  it('shows the original called number only when it differs', () => {
    const { container, rerender } = render(<CallParties caller="70004" called="60015" originalCalled="4008001234" />);
    expect(container.querySelector('[data-party="originalCalled"]')!.textContent).toContain('4008001234');
    expect(screen.getByText('Originally called')).toBeTruthy();
    rerender(<CallParties caller="70004" called="60015" originalCalled="60015" />);
    expect(container.querySelector('[data-party="originalCalled"]')).toBeNull();
    rerender(<CallParties caller="70004" called="60015" originalCalled={null} />);
    expect(container.querySelector('[data-party="originalCalled"]')).toBeNull();
  });

  it.each([
    [incoming, 'incoming'],
    [{ code: 7, kind: 'outgoing' } as const, 'outgoing'],
    [{ code: 6, kind: 'internal' } as const, 'internal'],
    [{ code: 51, kind: 'consult-two-party' } as const, 'consultation'],
    [{ code: 53, kind: 'conference' } as const, 'conference'],
    [{ code: 99, kind: 'unknown' } as const, 'unknown'],
    [null, 'unknown'],
  ])('keeps data-direction for %o on the root, but no direction paragraph of its own', (callType, direction) => {
    const { container } = render(<CallParties caller="1" called="2" callType={callType} />);
    const root = container.firstElementChild!;
    expect(root.getAttribute('data-direction')).toBe(direction);
    expect(root.querySelector('[class*="cip-CallParties-direction"]')).toBeNull();
    expect(root.querySelector('p')).toBeNull();
    // The direction is the call-type badge's to say: no direction words, no direction icon.
    expect(root.querySelector('[data-icon="incoming"], [data-icon="outgoing"], [data-icon="question"]')).toBeNull();
    for (const word of ['Incoming', 'Outgoing', 'Internal', 'Consultation', 'Conference', 'Direction unknown']) {
      expect(root.textContent).not.toContain(word);
    }
    expect(root.querySelectorAll('[data-party]')).toHaveLength(2);
  });

  it.each(Object.entries(CALL_TYPES).map(([code, kind]) => [kind, Number(code)] as const))(
    'puts the other party of a %s call first, marked data-role="other"',
    (kind, code) => {
      const callType = { code, kind };
      const other = directionOf(callType) === 'outgoing' ? 'called' : 'caller';
      const { container } = render(
        <CallParties caller="70004" called="60015" originalCalled="4008001234" callType={callType} />,
      );
      const entries = [...container.querySelectorAll('.cip-CallParties-party')];
      expect(entries.map((e) => e.getAttribute('data-party'))).toEqual(
        other === 'called' ? ['called', 'caller', 'originalCalled'] : ['caller', 'called', 'originalCalled'],
      );
      expect(entries.map((e) => e.getAttribute('data-role'))).toEqual(['other', null, null]);
      expect(container.querySelectorAll('[data-role]')).toHaveLength(1);
      expect(otherPartyOf(callType)).toBe(other);
    },
  );

  it('shows the called number first for outgoing kinds, with its term and copy button', () => {
    for (const callType of [
      { code: 7, kind: 'outgoing' },
      { code: 40, kind: 'reserved-outbound' },
      { code: 41, kind: 'presold-outbound' },
      { code: 43, kind: 'predicted-outbound' },
      { code: 44, kind: 'preview-outbound' },
      { code: 45, kind: 'reserved-callback' },
    ] as const) {
      const { container, unmount } = render(<CallParties caller="60015" called="+8613800138000" callType={callType} />);
      const terms = [...container.querySelectorAll('dt')].map((dt) => dt.textContent);
      const numbers = [...container.querySelectorAll('.cip-CallParties-number')].map((n) => n.textContent);
      expect(terms, callType.kind).toEqual(['Called', 'Caller']);
      expect(numbers, callType.kind).toEqual(['+8613800138000', '60015']);
      const other = container.querySelector('[data-role="other"]')!;
      expect(other.getAttribute('data-party')).toBe('called');
      expect(other.querySelector('button')!.getAttribute('aria-label')).toBe('Copy called number +8613800138000');
      expect(container.querySelectorAll('button')[0]).toBe(other.querySelector('button'));
      unmount();
    }
  });

  it('takes the caller as the other party of every other kind, an unknown or missing call type included', () => {
    for (const callType of [
      incoming,
      { code: 6, kind: 'internal' },
      { code: 51, kind: 'consult-two-party' },
      { code: 52, kind: 'consult-three-party' },
      { code: 53, kind: 'conference' },
      { code: 99, kind: 'unknown' },
      null,
      undefined,
    ] as const) {
      const { container, unmount } = render(<CallParties caller="+8613800138000" called="60015" callType={callType} />);
      const entries = [...container.querySelectorAll('.cip-CallParties-party')];
      expect(entries.map((e) => e.getAttribute('data-party')), String(callType?.kind)).toEqual(['caller', 'called']);
      expect(entries[0]!.getAttribute('data-role')).toBe('other');
      expect(entries[1]!.hasAttribute('data-role')).toBe(false);
      unmount();
    }
  });

  it('keeps the original called number last, and only when it differs, whoever the other party is', () => {
    const outgoing = { code: 7, kind: 'outgoing' } as const;
    const { container, rerender } = render(
      <CallParties caller="60015" called="70004" originalCalled="4008001234" callType={outgoing} />,
    );
    const order = () => [...container.querySelectorAll('[data-party]')].map((e) => e.getAttribute('data-party'));
    expect(order()).toEqual(['called', 'caller', 'originalCalled']);
    expect(container.querySelector('[data-party="originalCalled"]')!.hasAttribute('data-role')).toBe(false);
    rerender(<CallParties caller="60015" called="70004" originalCalled="70004" callType={outgoing} />);
    expect(order()).toEqual(['called', 'caller']);
  });

  it('marks the other party even when its number is not reported', () => {
    const { container } = render(<CallParties caller="" called="60015" callType={incoming} />);
    const other = container.querySelector('[data-role="other"]')!;
    expect(other.getAttribute('data-party')).toBe('caller');
    expect(other.querySelector('.cip-CallParties-number')!.textContent).toBe('Not reported');
    expect(other.querySelector('button')).toBeNull();
  });

  it('shows and copies a number as the wire spells it, without bidi controls that would spoof it', () => {
    // U+202E (right-to-left override) would display "\u202E1234-555 1+" as "+1 555-4321".
    const spoofed = '\u202E1234-555 1+';
    const { container } = render(<CallParties caller={spoofed} called={'\u2066600\u206915\u200F'} />);
    const numbers = [...container.querySelectorAll('.cip-CallParties-number')].map((n) => n.textContent);
    expect(numbers).toEqual(['1234-555 1+', '60015']);
    fireEvent.click(screen.getByRole('button', { name: 'Copy caller number 1234-555 1+' }));
    expect(clipboard()).toHaveBeenCalledWith('1234-555 1+');
  });

  it('strips bidi controls from the other party too when it is the called number', () => {
    const { container } = render(
      <CallParties caller="60015" called={'\u202E1234-555 1+'} callType={{ code: 7, kind: 'outgoing' }} />,
    );
    expect(container.querySelector('[data-role="other"] .cip-CallParties-number')!.textContent).toBe('1234-555 1+');
    fireEvent.click(screen.getByRole('button', { name: 'Copy called number 1234-555 1+' }));
    expect(clipboard()).toHaveBeenCalledWith('1234-555 1+');
  });

  it('copies a number with a named button and confirms politely', async () => {
    render(<CallParties caller="70004" called="60015" />);
    const button = screen.getByRole('button', { name: 'Copy caller number 70004' });
    expect(button.getAttribute('type')).toBe('button');
    expect(screen.getByRole('button', { name: 'Copy called number 60015' })).toBeTruthy();
    fireEvent.click(button);
    expect(clipboard()).toHaveBeenCalledWith('70004');
    const status = await screen.findByText('Copied');
    expect(status.getAttribute('role')).toBe('status');
    expect(button.getAttribute('data-state')).toBe('copied');
  });

  it('names a copy button with at most 200 characters of a megabyte number, and copies it whole', () => {
    const caller = '+86'.repeat(350_000);
    const { container } = render(<CallParties caller={caller} called={'6'.repeat(2 ** 20)} originalCalled={'4'.repeat(2 ** 20)} />);
    const names = [...container.querySelectorAll('button')].map((b) => b.getAttribute('aria-label')!);
    expect(names).toHaveLength(3);
    for (const name of names) expect(name.length).toBeLessThanOrEqual(250);
    expect(names[0]).toBe(`Copy caller number ${caller.slice(0, 200)}…`);
    expect(container.querySelector('.cip-CallParties-number')!.textContent).toBe(caller);
    fireEvent.click(container.querySelector('button')!);
    expect(clipboard()).toHaveBeenCalledWith(caller);
  });

  it('clears the confirmation after a moment', async () => {
    vi.useFakeTimers();
    render(<CallParties caller="70004" called="60015" />);
    const button = screen.getByRole('button', { name: 'Copy caller number 70004' });
    await act(async () => {
      fireEvent.click(button);
    });
    expect(button.getAttribute('data-state')).toBe('copied');
    act(() => vi.advanceTimersByTime(2000));
    expect(button.getAttribute('data-state')).toBe('idle');
    expect(screen.queryByText('Copied')).toBeNull();
  });

  it('says so when the clipboard refuses', async () => {
    clipboard().mockImplementation(() => Promise.reject(new Error('denied')));
    render(<CallParties caller="70004" called="60015" />);
    fireEvent.click(screen.getByRole('button', { name: 'Copy called number 60015' }));
    expect(await screen.findByText('Could not copy')).toBeTruthy();
  });

  it('puts classNames on its parts, the copy buttons included', () => {
    const { container } = render(
      <CallParties caller="1" called="2" classNames={{ number: 'num', copy: 'cp', term: 'tm' }} />,
    );
    expect(container.querySelectorAll('.num')).toHaveLength(2);
    expect(container.querySelectorAll('button.cp.cip-CopyButton-root')).toHaveLength(2);
    expect(container.querySelectorAll('dt.tm')).toHaveLength(2);
  });

  it('speaks Simplified Chinese, copy buttons included', () => {
    render(
      <I18nProvider locale="zh-CN" messages={zhCN}>
        <CallParties caller="70004" called="60015" callType={incoming} />
      </I18nProvider>,
    );
    expect(screen.getByText('主叫号码')).toBeTruthy();
    expect(screen.getByText(zhCN['label.called'])).toBeTruthy();
    // No direction words any more: the call-type badge says "呼入".
    expect(screen.queryByText(zhCN['callType.incoming'])).toBeNull();
    expect(screen.getByRole('button', { name: '复制主叫号码 70004' })).toBeTruthy();
    expect(screen.getByRole('button', { name: zhCN['copy.called'].replace('{value}', '60015') }).closest('[data-party]')!.getAttribute('data-party')).toBe('called');
  });

  it('shows the called number as the other party of a call the agent placed itself (agentId is its caller)', () => {
    const consultation = { code: 51, kind: 'consult-two-party' } as const;
    const { container, rerender } = render(<CallParties caller="60015" called="2006" callType={consultation} agentId="60015" />);
    expect(container.querySelector('[data-role="other"]')!.getAttribute('data-party')).toBe('called');
    // A consultation a colleague placed to this agent: the colleague calls, the caller is the other party.
    rerender(<CallParties caller="2006" called="60015" callType={consultation} agentId="60015" />);
    expect(container.querySelector('[data-role="other"]')!.getAttribute('data-party')).toBe('caller');
  });
});

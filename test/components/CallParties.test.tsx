import { act, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CallParties } from '../../src/components';
import { I18nProvider } from '../../src/i18n';
import { zhCN } from '../../src/i18n/messages/zh-CN';

let writeText: ReturnType<typeof vi.fn>;
beforeEach(() => {
  writeText = vi.fn(() => Promise.resolve());
  Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText } });
});
afterEach(() => {
  Reflect.deleteProperty(navigator, 'clipboard');
  vi.useRealTimers();
});

const incoming = { code: 0, kind: 'incoming' } as const;

describe('CallParties', () => {
  it('shows caller and called as a description list, numbers exactly as received', () => {
    const { container } = render(<CallParties caller="+8613800138000" called="060015" callType={incoming} />);
    const terms = [...container.querySelectorAll('dt')].map((dt) => dt.textContent);
    const numbers = [...container.querySelectorAll('.cip-CallParties-number')].map((n) => n.textContent);
    expect(terms).toEqual(['Caller', 'Called']);
    expect(numbers).toEqual(['+8613800138000', '060015']);
    expect(container.querySelector('[data-party="caller"]')).not.toBeNull();
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
    [incoming, 'incoming', 'Incoming'],
    [{ code: 7, kind: 'outgoing' } as const, 'outgoing', 'Outgoing'],
    [{ code: 6, kind: 'internal' } as const, 'internal', 'Internal'],
    [{ code: 51, kind: 'consult-two-party' } as const, 'consultation', 'Consultation'],
    [{ code: 53, kind: 'conference' } as const, 'conference', 'Conference'],
    [{ code: 99, kind: 'unknown' } as const, 'unknown', 'Direction unknown'],
  ])('shows the direction of %o in words and with an icon', (callType, direction, label) => {
    const { container } = render(<CallParties caller="1" called="2" callType={callType} />);
    expect(container.firstElementChild!.getAttribute('data-direction')).toBe(direction);
    expect(container.querySelector('.cip-CallParties-directionLabel')!.textContent).toBe(label);
    expect(container.querySelector('.cip-CallParties-directionIcon')!.getAttribute('aria-hidden')).toBe('true');
  });

  it('shows and copies a number as the wire spells it, without bidi controls that would spoof it', () => {
    // U+202E (right-to-left override) would display "\u202E1234-555 1+" as "+1 555-4321".
    const spoofed = '\u202E1234-555 1+';
    const { container } = render(<CallParties caller={spoofed} called={'\u2066600\u206915\u200F'} />);
    const numbers = [...container.querySelectorAll('.cip-CallParties-number')].map((n) => n.textContent);
    expect(numbers).toEqual(['1234-555 1+', '60015']);
    fireEvent.click(screen.getByRole('button', { name: 'Copy caller number 1234-555 1+' }));
    expect(writeText).toHaveBeenCalledWith('1234-555 1+');
  });

  it('copies a number with a named button and confirms politely', async () => {
    render(<CallParties caller="70004" called="60015" />);
    const button = screen.getByRole('button', { name: 'Copy caller number 70004' });
    expect(button.getAttribute('type')).toBe('button');
    expect(screen.getByRole('button', { name: 'Copy called number 60015' })).toBeTruthy();
    fireEvent.click(button);
    expect(writeText).toHaveBeenCalledWith('70004');
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
    expect(writeText).toHaveBeenCalledWith(caller);
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
    writeText.mockImplementation(() => Promise.reject(new Error('denied')));
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
    expect(screen.getByText('呼入')).toBeTruthy();
    expect(screen.getByRole('button', { name: '复制主叫号码 70004' })).toBeTruthy();
  });
});

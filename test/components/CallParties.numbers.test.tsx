import { fireEvent, render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { mockClipboard } from '../support/clipboard';
import { CallInfoView, CallParties } from '../../src/components';
import { displayNumber, type FormatNumber } from '../../src/components/internal/partyNumber';
import { NOW, makeCall, outgoingCall, videoRingingCall, voiceLiveCall } from '../fixtures/callInfos';

const clipboard = mockClipboard();

const mask: FormatNumber = (number) => `••••${number.slice(-4)}`;
const outgoing = { code: 7, kind: 'outgoing' } as const;
const incoming = { code: 0, kind: 'incoming' } as const;
const numbers = (container: HTMLElement) => [...container.querySelectorAll('.cip-CallParties-number')].map((n) => n.textContent);
const copyNames = (container: HTMLElement) => [...container.querySelectorAll('.cip-CallParties-copy')].map((b) => b.getAttribute('aria-label'));

describe('displayNumber', () => {
  it('strips the dial prefix from the called number of an outgoing call only, the first match, never to nothing', () => {
    const options = { dialPrefix: ['00', '9', '90'] };
    expect(displayNumber('913800138000', 'called', true, options)).toBe('13800138000');
    expect(displayNumber('9013800138000', 'called', true, options)).toBe('013800138000');
    expect(displayNumber('913800138000', 'called', false, options)).toBe('913800138000');
    expect(displayNumber('913800138000', 'caller', true, options)).toBe('913800138000');
    expect(displayNumber('913800138000', 'original', true, options)).toBe('913800138000');
    expect(displayNumber('9', 'called', true, options)).toBe('9');
    expect(displayNumber('0013800138000', 'called', true, { dialPrefix: '00' })).toBe('13800138000');
    expect(displayNumber('13800138000', 'called', true, { dialPrefix: '' })).toBe('13800138000');
  });

  it('formats after the prefix, with the role, and falls back to the unformatted number', () => {
    const formatNumber = vi.fn(mask);
    expect(displayNumber('912345678', 'called', true, { dialPrefix: '9', formatNumber })).toBe('••••5678');
    expect(formatNumber).toHaveBeenCalledWith('12345678', { role: 'called' });
    const throws: FormatNumber = () => {
      throw new Error('bug');
    };
    expect(displayNumber('912345678', 'called', true, { dialPrefix: '9', formatNumber: throws })).toBe('12345678');
    expect(displayNumber('70004', 'caller', false, { formatNumber: (() => 42) as unknown as FormatNumber })).toBe('70004');
    expect(displayNumber('70004', 'caller', false, { formatNumber: (() => undefined) as unknown as FormatNumber })).toBe('70004');
  });

  it('keeps numbers bidi-safe: no bidi controls in, none out of the formatter', () => {
    const formatNumber = vi.fn((number: string) => `\u202E${number}`);
    expect(displayNumber('\u202E1234-555 1+', 'caller', false, { formatNumber })).toBe('1234-555 1+');
    expect(formatNumber).toHaveBeenCalledWith('1234-555 1+', { role: 'caller' });
    expect(displayNumber('\u20669\u2069123', 'called', true, { dialPrefix: '9' })).toBe('123');
  });

  it('leaves an empty number empty, without asking the formatter', () => {
    const formatNumber = vi.fn(mask);
    expect(displayNumber('', 'caller', false, { formatNumber })).toBe('');
    expect(formatNumber).not.toHaveBeenCalled();
  });
});

describe('CallParties number display', () => {
  it('formats each number with its role: caller, called, original', () => {
    const formatNumber = vi.fn((number: string, { role }: { role: string }) => `${role}:${number}`);
    const { container } = render(<CallParties caller="70004" called="60015" originalCalled="4008001234" callType={incoming} formatNumber={formatNumber} />);
    expect(numbers(container)).toEqual(['caller:70004', 'called:60015', 'original:4008001234']);
    expect(formatNumber.mock.calls.map(([number, { role }]) => [number, role])).toEqual([
      ['70004', 'caller'],
      ['60015', 'called'],
      ['4008001234', 'original'],
    ]);
  });

  it('masks what is shown, what the copy button is named with and what it copies', () => {
    const { container } = render(<CallParties caller="13800138000" called="60015" callType={incoming} formatNumber={mask} />);
    expect(numbers(container)).toEqual(['••••8000', '••••0015']);
    expect(copyNames(container)).toEqual(['Copy caller number ••••8000', 'Copy called number ••••0015']);
    fireEvent.click(screen.getByRole('button', { name: 'Copy caller number ••••8000' }));
    expect(clipboard()).toHaveBeenCalledWith('••••8000');
    expect(container.textContent).not.toContain('13800138000');
  });

  it('strips the dial prefix from the other party of an outgoing call only, shown and copied', () => {
    const { container, rerender } = render(
      <CallParties caller="960015" called="913800138000" originalCalled="94008001234" callType={outgoing} dialPrefix="9" />,
    );
    expect(numbers(container)).toEqual(['13800138000', '960015', '94008001234']);
    fireEvent.click(screen.getByRole('button', { name: 'Copy called number 13800138000' }));
    expect(clipboard()).toHaveBeenCalledWith('13800138000');
    rerender(<CallParties caller="960015" called="913800138000" callType={incoming} dialPrefix="9" />);
    expect(numbers(container)).toEqual(['960015', '913800138000']);
    rerender(<CallParties caller="960015" called="913800138000" callType={null} dialPrefix="9" />);
    expect(numbers(container)).toEqual(['960015', '913800138000']);
  });

  it('shows a number unformatted when the formatter throws, and the rest still formatted', () => {
    const formatNumber: FormatNumber = (number, { role }) => {
      if (role === 'caller') throw new Error('bug');
      return mask(number, { role });
    };
    const { container } = render(<CallParties caller="70004" called="60015" formatNumber={formatNumber} />);
    expect(numbers(container)).toEqual(['70004', '••••0015']);
  });

  it('stays bidi-safe with a formatter: no control characters on screen or on the clipboard', () => {
    const { container } = render(<CallParties caller={'\u202E1234-555 1+'} called="60015" formatNumber={(number) => `\u2067${number}`} />);
    expect(numbers(container)).toEqual(['1234-555 1+', '60015']);
    for (const n of container.querySelectorAll('.cip-CallParties-number')) expect(n.getAttribute('dir')).toBe('ltr');
    fireEvent.click(screen.getByRole('button', { name: 'Copy caller number 1234-555 1+' }));
    expect(clipboard()).toHaveBeenCalledWith('1234-555 1+');
  });
});

describe('CallInfoView number display', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(NOW);
  });
  const announcer = (container: HTMLElement) => container.querySelector('.cip-CallInfoView-announcer')!;

  it('passes formatNumber to the parties and speaks the masked party in every announcement', () => {
    const { container, rerender } = render(<CallInfoView callInfo={videoRingingCall} status="live" formatNumber={mask} />);
    expect(numbers(container)).toEqual(['••••0004', '••••0015', '••••1234']);
    expect(announcer(container).textContent).toBe('Incoming video call from ••••0004, skill voice');
    rerender(<CallInfoView callInfo={{ ...videoRingingCall, phase: 'held' }} status="live" formatNumber={mask} />);
    expect(announcer(container).textContent).toBe('Call with ••••0004 on hold');
    rerender(<CallInfoView callInfo={null} status="no-call" formatNumber={mask} />);
    expect(announcer(container).textContent).toBe('Call with ••••0004 ended');
    expect(container.textContent).not.toContain('70004');
  });

  it('passes dialPrefix: an outgoing call is shown and announced without it', () => {
    const call = makeCall({ ...outgoingCall, called: '9+8613800138000' });
    const { container } = render(<CallInfoView callInfo={call} status="live" dialPrefix={['0', '9']} />);
    expect(container.querySelector('[data-role="other"] .cip-CallParties-number')!.textContent).toBe('+8613800138000');
    expect(announcer(container).textContent).toBe('Outgoing previewed outbound call to +8613800138000, skill voice');
  });

  it('does not touch an incoming call with a dial prefix, nor a formatter that throws', () => {
    const call = makeCall({ ...voiceLiveCall, caller: '970004' });
    const { container } = render(
      <CallInfoView
        callInfo={call}
        status="live"
        dialPrefix="9"
        formatNumber={() => {
          throw new Error('bug');
        }}
      />,
    );
    expect(numbers(container)).toEqual(['970004', '60015']);
    expect(announcer(container).textContent).toBe('Incoming voice call from 970004, skill voice');
  });
});

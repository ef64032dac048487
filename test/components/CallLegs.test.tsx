import { act, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CallLegs, type CallLegsProps } from '../../src/components/CallLegs/CallLegs';
import { I18nProvider } from '../../src/i18n';
import { ar } from '../../src/i18n/messages/ar';
import { NOW, T0, consultLeg, heldCustomerLeg, makeCall, outgoingCall } from '../fixtures/callInfos';

const third = makeCall({ callId: '1764000090-103', caller: '013912345678', beginTime: T0 + 90_000, trace: null, phase: 'held' });

function renderLegs(props: Partial<CallLegsProps> = {}) {
  const onSelectCall = vi.fn();
  const utils = render(
    <CallLegs
      calls={[heldCustomerLeg, consultLeg, third]}
      currentCallId={consultLeg.callId}
      selectedCallId={consultLeg.callId}
      onSelectCall={onSelectCall}
      panelId="body"
      {...props}
    />,
  );
  return { ...utils, onSelectCall };
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(NOW);
});
afterEach(() => vi.useRealTimers());

describe('CallLegs', () => {
  it('is a tablist of the calls, each with its ID, state in words and own timer', () => {
    renderLegs();
    expect(screen.getByRole('tablist', { name: 'Calls' })).toBeTruthy();
    const tabs = screen.getAllByRole('tab');
    expect(tabs.map((tab) => tab.getAttribute('data-call-id'))).toEqual([heldCustomerLeg.callId, consultLeg.callId, third.callId]);
    expect(tabs[0]!.textContent).toBe('70004On hold1:05');
    expect(tabs[1]!.textContent).toBe('2006Talking0:35');
    expect(tabs[0]!.getAttribute('data-phase')).toBe('held');
    expect(tabs[1]!.hasAttribute('data-current')).toBe(true);
    expect(tabs[0]!.hasAttribute('data-current')).toBe(false);
    for (const tab of tabs) expect(tab.getAttribute('aria-controls')).toBe('body');
  });

  it('selects the given call and makes it the one tab stop', () => {
    renderLegs();
    const tabs = screen.getAllByRole('tab');
    expect(tabs.map((tab) => tab.getAttribute('aria-selected'))).toEqual(['false', 'true', 'false']);
    expect(tabs.map((tab) => tab.tabIndex)).toEqual([-1, 0, -1]);
  });

  it('moves and selects with the arrow keys, wrapping, and Home and End', () => {
    const { onSelectCall } = renderLegs();
    const [first, second, last] = screen.getAllByRole('tab');
    fireEvent.keyDown(second!, { key: 'ArrowRight' });
    expect(onSelectCall).toHaveBeenLastCalledWith(third.callId);
    expect(document.activeElement).toBe(last);
    fireEvent.keyDown(last!, { key: 'ArrowRight' });
    expect(onSelectCall).toHaveBeenLastCalledWith(heldCustomerLeg.callId);
    fireEvent.keyDown(first!, { key: 'ArrowLeft' });
    expect(onSelectCall).toHaveBeenLastCalledWith(third.callId);
    fireEvent.keyDown(second!, { key: 'Home' });
    expect(onSelectCall).toHaveBeenLastCalledWith(heldCustomerLeg.callId);
    fireEvent.keyDown(second!, { key: 'End' });
    expect(onSelectCall).toHaveBeenLastCalledWith(third.callId);
    onSelectCall.mockClear();
    fireEvent.keyDown(second!, { key: 'a' });
    expect(onSelectCall).not.toHaveBeenCalled();
  });

  it('mirrors left and right in a right-to-left language', () => {
    const onSelectCall = vi.fn();
    render(
      <I18nProvider locale="ar" messages={ar}>
        <CallLegs calls={[heldCustomerLeg, consultLeg]} currentCallId={consultLeg.callId} selectedCallId={heldCustomerLeg.callId} onSelectCall={onSelectCall} />
      </I18nProvider>,
    );
    fireEvent.keyDown(screen.getAllByRole('tab')[0]!, { key: 'ArrowLeft' });
    expect(onSelectCall).toHaveBeenLastCalledWith(consultLeg.callId);
  });

  it('selects on click', () => {
    const { onSelectCall } = renderLegs();
    fireEvent.click(screen.getAllByRole('tab')[0]!);
    expect(onSelectCall).toHaveBeenCalledWith(heldCustomerLeg.callId);
  });

  it('shows the other party: the called number of an outgoing call, its dialling prefix stripped when asked', () => {
    const dialled = { ...outgoingCall, called: '99903013912345678' };
    renderLegs({ calls: [dialled, consultLeg], dialPrefix: '99903' });
    expect(screen.getAllByRole('tab')[0]!.textContent).toMatch(/^013912345678/);
  });

  it('shows numbers without bidi controls and masked as the host formats them', () => {
    const spoof = { ...heldCustomerLeg, caller: '\u202E8765' };
    renderLegs({ calls: [spoof, consultLeg], formatNumber: (number) => `••${number.slice(-2)}` });
    const [first, second] = screen.getAllByRole('tab');
    expect(first!.querySelector('.cip-CallLegs-number')!.textContent).toBe('••65');
    expect(second!.querySelector('.cip-CallLegs-number')!.textContent).toBe('••06');
  });

  it('counts an ended call to its end and a call without a begin time not at all', () => {
    const ended = { ...heldCustomerLeg, phase: 'ended' as const, endTime: T0 + 20_000 };
    const unknownStart = { ...third, beginTime: null };
    renderLegs({ calls: [ended, consultLeg, unknownStart] });
    const tabs = screen.getAllByRole('tab');
    expect(tabs[0]!.textContent).toBe('70004Ended0:20');
    expect(tabs[2]!.querySelector('time')).toBeNull();
    act(() => void vi.advanceTimersByTime(2_000));
    expect(tabs[0]!.textContent).toBe('70004Ended0:20');
    expect(tabs[1]!.textContent).toBe('2006Talking0:37');
  });
});

import { act, render } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CallTimer } from '../../src/components';
import { ClockOffsetContext } from '../../src/components/CallTimer/ClockOffsetContext';
import { I18nProvider } from '../../src/i18n';
import { en } from '../../src/i18n/messages/en';
import { zhCN } from '../../src/i18n/messages/zh-CN';
import { NOW, T0 } from '../fixtures/callInfos';

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(NOW);
});
afterEach(() => {
  vi.useRealTimers();
});

const timeEl = (container: HTMLElement) => container.querySelector('time')!;

describe('CallTimer', () => {
  it('shows the elapsed time as m:ss in a <time> with an ISO 8601 duration', () => {
    const { container } = render(<CallTimer start={T0} />);
    expect(timeEl(container).textContent).toBe('1:05');
    expect(timeEl(container).getAttribute('dateTime')).toBe('PT1M5S');
    expect(timeEl(container).getAttribute('data-state')).toBe('running');
  });

  it('ticks once a second', () => {
    const { container } = render(<CallTimer start={T0} />);
    act(() => vi.advanceTimersByTime(3000));
    expect(timeEl(container).textContent).toBe('1:08');
    expect(timeEl(container).getAttribute('dateTime')).toBe('PT1M8S');
  });

  it('stops at the end time and schedules nothing', () => {
    const setIntervalSpy = vi.spyOn(globalThis, 'setInterval');
    const { container } = render(<CallTimer start={T0} end={T0 + 3_725_000} />);
    expect(timeEl(container).textContent).toBe('1:02:05');
    expect(timeEl(container).getAttribute('dateTime')).toBe('PT1H2M5S');
    expect(timeEl(container).getAttribute('data-state')).toBe('stopped');
    act(() => vi.advanceTimersByTime(5000));
    expect(timeEl(container).textContent).toBe('1:02:05');
    expect(setIntervalSpy).not.toHaveBeenCalled();
  });

  it('freezes when the call ends, and the shared interval stops', () => {
    const { container, rerender } = render(<CallTimer start={T0} />);
    act(() => vi.advanceTimersByTime(2000));
    rerender(<CallTimer start={T0} end={NOW + 2000} />);
    expect(timeEl(container).textContent).toBe('1:07');
    expect(vi.getTimerCount()).toBe(0);
    act(() => vi.advanceTimersByTime(3000));
    expect(timeEl(container).textContent).toBe('1:07');
  });

  it('reads 0:00, not a negative, for a start up to 2 s ahead (the offset\'s and the tick\'s error)', () => {
    const { container } = render(<CallTimer start={NOW + 1_900} />);
    expect(timeEl(container).textContent).toBe('0:00');
    expect(timeEl(container).getAttribute('dateTime')).toBe('PT0S');
    expect(timeEl(container).getAttribute('data-state')).toBe('running');
  });

  /** A timer that reads "Not reported": no duration, no `dateTime`. */
  const expectUnknown = (el: HTMLElement) => {
    expect(el.textContent).toBe(en['value.notReported']);
    expect(el.hasAttribute('dateTime')).toBe(false);
    expect(el.getAttribute('data-state')).toBe('unknown');
  };

  it('reads unknown for a duration that would be negative, running or closed, never "-0:03"', () => {
    const { container, rerender } = render(<CallTimer start={NOW + 30_000} />);
    expectUnknown(timeEl(container));
    rerender(<CallTimer start={T0 + 3_000} end={T0} />);
    expectUnknown(timeEl(container));
    // It keeps ticking: once the start is past, it counts.
    rerender(<CallTimer start={NOW + 5_000} />);
    expectUnknown(timeEl(container));
    act(() => vi.advanceTimersByTime(8_000));
    expect(timeEl(container).textContent).toBe('0:03');
    expect(timeEl(container).getAttribute('data-state')).toBe('running');
  });

  it('reads unknown for a moment more than a day ahead of the gateway\'s clock, never 8760 hours', () => {
    const year = 365 * 24 * 3_600_000;
    const { container, rerender } = render(<CallTimer start={NOW + year} />);
    expectUnknown(timeEl(container));
    // A closed span ending a year ahead: its two moments give 8760:00:31, which no call lasts.
    rerender(<CallTimer start={T0} end={NOW + year} />);
    expectUnknown(timeEl(container));
    // On the gateway's clock: a day ahead of the desktop is fine on a gateway a day ahead.
    rerender(<CallTimer start={T0} end={NOW + 86_400_000 + 1_000} clockOffset={86_400_000} />);
    expect(timeEl(container).getAttribute('data-state')).toBe('stopped');
    rerender(
      <I18nProvider locale="zh-CN" messages={zhCN}>
        <CallTimer start={NOW + year} />
      </I18nProvider>,
    );
    expect(timeEl(container).textContent).toBe(zhCN['value.notReported']);
  });

  it('counts on the gateway\'s clock: its clockOffset prop, else the enclosing CallInfoView\'s', () => {
    // The gateway is 2 minutes ahead of the desktop: talk began at T0 on its clock, 65 s ago.
    const ahead = 120_000;
    const { container, rerender } = render(<CallTimer start={T0 + ahead} clockOffset={ahead} />);
    expect(timeEl(container).textContent).toBe('1:05');
    rerender(
      <ClockOffsetContext.Provider value={-3_600_000}>
        <CallTimer start={T0 - 3_600_000} />
      </ClockOffsetContext.Provider>,
    );
    expect(timeEl(container).textContent).toBe('1:05');
    // A stopped span is the gateway's own two moments: no offset applies.
    rerender(
      <ClockOffsetContext.Provider value={-3_600_000}>
        <CallTimer start={T0} end={T0 + 49_000} />
      </ClockOffsetContext.Provider>,
    );
    expect(timeEl(container).textContent).toBe('0:49');
  });

  it('shows more than 24 hours as is, and never NaN: a NaN moment reads unknown', () => {
    const { container, rerender } = render(<CallTimer start={NOW - 25 * 3600_000 - 1000} />);
    expect(timeEl(container).textContent).toBe('25:00:01');
    rerender(<CallTimer start={Number.NaN} />);
    expectUnknown(timeEl(container));
    rerender(<CallTimer start={T0} end={Number.NaN} />);
    expectUnknown(timeEl(container));
  });

  it('shares one interval among all timers, started with the first and stopped with the last', () => {
    const setIntervalSpy = vi.spyOn(globalThis, 'setInterval');
    const clearIntervalSpy = vi.spyOn(globalThis, 'clearInterval');
    const { container, rerender, unmount } = render(
      <>
        <CallTimer start={T0} />
        <CallTimer start={T0 + 10_000} />
        <CallTimer start={T0 + 20_000} />
      </>,
    );
    expect(setIntervalSpy).toHaveBeenCalledTimes(1);
    expect(setIntervalSpy).toHaveBeenCalledWith(expect.any(Function), 1000);
    act(() => vi.advanceTimersByTime(1000));
    expect([...container.querySelectorAll('time')].map((t) => t.textContent)).toEqual(['1:06', '0:56', '0:46']);

    rerender(<CallTimer start={T0} />);
    expect(clearIntervalSpy).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(1);
    unmount();
    expect(clearIntervalSpy).toHaveBeenCalledTimes(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('formats with the locale digits', () => {
    const { container } = render(
      <I18nProvider locale="ar-EG">
        <CallTimer start={T0} />
      </I18nProvider>,
    );
    const digits = new Intl.NumberFormat('ar-EG', { minimumIntegerDigits: 2 }).format(5);
    expect(timeEl(container).textContent).toBe(`${new Intl.NumberFormat('ar-EG').format(1)}:${digits}`);
    expect(timeEl(container).textContent).not.toBe('1:05');
    expect(timeEl(container).getAttribute('dateTime')).toBe('PT1M5S');
  });
});

import { fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CallDetails } from '../../src/components';
import { I18nProvider, getFormatters } from '../../src/i18n';
import { zhCN } from '../../src/i18n/messages/zh-CN';
import { T0 } from '../fixtures/callInfos';

afterEach(() => {
  Reflect.deleteProperty(navigator, 'clipboard');
});

const entries = (container: HTMLElement) =>
  [...container.querySelectorAll('dl > div')].map((d) => [d.getAttribute('data-entry'), d.querySelector('dt')!.textContent, d.querySelector('dd')!.textContent]);

describe('CallDetails', () => {
  it('lists the call facts as a description list', () => {
    const { container } = render(
      <CallDetails callId="1476838963-224" priority={3} trunkNo={12} vdnId={214} beginTime={T0} waitSeconds={12} />,
    );
    expect(container.firstElementChild!.tagName).toBe('DL');
    expect(entries(container)).toEqual([
      ['callId', 'Call ID', '1476838963-224'],
      ['priority', 'Customer priority', '3'],
      ['trunk', 'Trunk', '12'],
      ['vdn', 'VDN', '214'],
      ['beginTime', 'Started', getFormatters('en-US').dateTime(T0)],
      ['waitTime', 'Waiting time', '0:12'],
    ]);
    const times = container.querySelectorAll('time');
    expect(times[0]!.getAttribute('dateTime')).toBe('2025-11-24T16:00:00.000Z');
    expect(times[1]!.getAttribute('dateTime')).toBe('PT12S');
  });

  it('shows "None" for no trunk and hides what the gateway did not send', () => {
    const { container } = render(<CallDetails callId="c-1" trunkNo={null} />);
    expect(entries(container)).toEqual([
      ['callId', 'Call ID', 'c-1'],
      ['trunk', 'Trunk', 'None'],
    ]);
  });

  it('copies the call ID', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText } });
    render(<CallDetails callId="1476838963-224" />);
    fireEvent.click(screen.getByRole('button', { name: 'Copy call ID 1476838963-224' }));
    expect(writeText).toHaveBeenCalledWith('1476838963-224');
    expect(await screen.findByText('Copied')).toBeTruthy();
  });

  it('names the copy button with at most 200 characters of a megabyte call ID, and copies it whole', () => {
    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText } });
    const callId = `x${'😀'.repeat(2 ** 19)}`;
    render(<CallDetails callId={callId} />);
    const button = screen.getByRole('button');
    // 'x' first: a cut at 200 units would split the 100th emoji; it stops before it.
    expect(button.getAttribute('aria-label')).toBe(`Copy call ID x${'😀'.repeat(99)}…`);
    fireEvent.click(button);
    expect(writeText).toHaveBeenCalledWith(callId);
  });

  it('formats the begin time for the locale and speaks Simplified Chinese', () => {
    const { container } = render(
      <I18nProvider locale="zh-CN" messages={zhCN}>
        <CallDetails callId="c-1" beginTime={T0} trunkNo={null} />
      </I18nProvider>,
    );
    expect(screen.getByText('开始时间')).toBeTruthy();
    expect(screen.getByText('无')).toBeTruthy();
    expect(container.querySelector('time')!.textContent).toBe(
      new Intl.DateTimeFormat('zh-CN', { dateStyle: 'medium', timeStyle: 'medium' }).format(T0),
    );
  });
});

import { fireEvent, render, screen } from '@testing-library/react';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
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

  it('hides fields with no value: no trunk (65535), priority 0, VDN 0, and what the gateway did not send', () => {
    const { container, rerender } = render(<CallDetails callId="c-1" trunkNo={null} priority={0} vdnId={0} />);
    expect(entries(container)).toEqual([['callId', 'Call ID', 'c-1']]);
    rerender(<CallDetails callId="c-1" />);
    expect(entries(container)).toEqual([['callId', 'Call ID', 'c-1']]);
    expect(screen.queryByText('None')).toBeNull();
  });

  it('shows the empty fields with showEmptyFields', () => {
    const { container, rerender } = render(<CallDetails callId="c-1" trunkNo={null} priority={0} vdnId={0} showEmptyFields />);
    expect(entries(container)).toEqual([
      ['callId', 'Call ID', 'c-1'],
      ['priority', 'Customer priority', '0'],
      ['trunk', 'Trunk', 'None'],
      ['vdn', 'VDN', '0'],
    ]);
    rerender(<CallDetails callId="c-1" showEmptyFields />);
    expect(entries(container).map(([name, , value]) => [name, value])).toEqual([
      ['callId', 'c-1'],
      ['priority', 'None'],
      ['trunk', 'None'],
      ['vdn', 'None'],
    ]);
  });

  it('shows the call duration as a CallTimer, only when given', () => {
    const { container, rerender } = render(<CallDetails callId="c-1" beginTime={T0} endTime={T0 + 65_000} showDuration />);
    expect(entries(container)).toEqual([
      ['callId', 'Call ID', 'c-1'],
      ['beginTime', 'Started', expect.any(String)],
      ['duration', 'Call duration', '1:05'],
    ]);
    const timer = container.querySelector('[data-entry="duration"] time')!;
    expect(timer.getAttribute('data-timer')).toBe('call');
    expect(timer.getAttribute('data-slot')).toBe('call-timer');
    expect(timer.getAttribute('data-state')).toBe('stopped');
    expect(timer.getAttribute('dateTime')).toBe('PT1M5S');
    rerender(<CallDetails callId="c-1" beginTime={T0} />);
    expect(container.querySelector('[data-entry="duration"]')).toBeNull();
  });

  it('lays its terms out in the panel\'s one label column', () => {
    const css = readFileSync(resolve(process.cwd(), 'src/components/CallDetails/CallDetails.css'), 'utf8');
    expect(css).toMatch(/\.cip-CallDetails-root:where\(:not\(\[data-unstyled\]\)\) \{[^}]*grid-template-columns: var\(--cip-label-column\) minmax\(0, 1fr\)/);
  });

  it('copies the call ID', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText } });
    render(<CallDetails callId="1476838963-224" />);
    const button = screen.getByRole('button', { name: 'Copy call ID 1476838963-224' });
    fireEvent.click(button);
    expect(writeText).toHaveBeenCalledWith('1476838963-224');
    // Announced politely, and shown as a bubble out of flow (the class positions it absolutely).
    const status = await screen.findByRole('status');
    expect(status.textContent).toBe('Copied');
    expect(status.classList).toContain('cip-CopyButton-status');
    expect(status.parentElement!.classList).toContain('cip-CopyButton-anchor');
    expect(button.getAttribute('data-state')).toBe('copied');
    expect(button.querySelector('[data-icon="check"]')).not.toBeNull();
  });

  it('shows the copy confirmation without reflow: an absolutely positioned bubble, a 24 px+ target, a focus ring', () => {
    const css = readFileSync(resolve(process.cwd(), 'src/components/internal/CopyButton.css'), 'utf8');
    const rule = (selector: string) => {
      const at = css.indexOf(`${selector} {`);
      expect(at, selector).toBeGreaterThan(-1);
      return css.slice(at, css.indexOf('}', at));
    };
    expect(rule('.cip-CopyButton-anchor:where(:not([data-unstyled]))')).toMatch(/position: relative;/);
    const status = rule('.cip-CopyButton-status:where(:not([data-unstyled] *))');
    expect(status).toMatch(/position: absolute;/);
    expect(status).toMatch(/white-space: nowrap;/);
    const button = rule('.cip-CopyButton-root:where(:not([data-unstyled]))');
    for (const size of button.matchAll(/(?:inline|block)-size: ([\d.]+)rem/g)) expect(Number(size[1]) * 16).toBeGreaterThanOrEqual(24);
    expect(rule('.cip-CopyButton-root:where(:not([data-unstyled]):focus-visible)')).toMatch(/outline: var\(--cip-focus-ring-width\) solid var\(--cip-focus-ring\)/);
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
        <CallDetails callId="c-1" beginTime={T0} trunkNo={null} showEmptyFields />
      </I18nProvider>,
    );
    expect(screen.getByText('开始时间')).toBeTruthy();
    expect(screen.getAllByText('无')).toHaveLength(3);
    expect(container.querySelector('time')!.textContent).toBe(
      new Intl.DateTimeFormat('zh-CN', { dateStyle: 'medium', timeStyle: 'medium' }).format(T0),
    );
  });
});

import { fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { CallDataView, parseCallData } from '../../src/components';
import { I18nProvider } from '../../src/i18n';
import { zhCN } from '../../src/i18n/messages/zh-CN';
import { longJsonCallData, xssPairsCallData, xssPayloads } from '../fixtures/callInfos';

declare global {
  var __pwned: boolean | undefined;
}
afterEach(() => {
  delete globalThis.__pwned;
});

const pairs = (container: HTMLElement) =>
  [...container.querySelectorAll('dl > div')].map((d) => [d.querySelector('dt')!.textContent, d.querySelector('dd')!.textContent]);

describe('parseCallData', () => {
  it.each([
    ['a=1;b=2', 'pairs'],
    ['a=1&b=2', 'pairs'],
    ['a=1|b=2', 'pairs'],
    ['a=1\nb=2', 'pairs'],
    ['a=1\r\nb=2;', 'pairs'],
    ['{"a":"1","b":2}', 'json'],
    ['please call back after 5pm', 'text'],
    ['x = 1 is the answer; really', 'text'],
    ['{not json', 'text'],
    ['', 'empty'],
    ['   ', 'empty'],
    ['{}', 'empty'],
  ])('reads %j as %s', (data, format) => {
    expect(parseCallData(data).format).toBe(format);
  });

  it('keeps values with "=" in them and stringifies JSON values', () => {
    expect(parseCallData('token=abc==;n=1')).toEqual({ format: 'pairs', entries: [['token', 'abc=='], ['n', '1']] });
    expect(parseCallData('{"n":1,"o":{"x":true},"s":null}')).toEqual({
      format: 'json',
      entries: [['n', '1'], ['o', '{"x":true}'], ['s', 'null']],
    });
  });
});

describe('CallDataView', () => {
  it('shows key=value pairs as a description list', () => {
    const { container } = render(<CallDataView data="orderId=A-1001;tier=gold" />);
    expect(pairs(container)).toEqual([
      ['orderId', 'A-1001'],
      ['tier', 'gold'],
    ]);
    expect(container.firstElementChild!.getAttribute('data-format')).toBe('pairs');
    expect(container.firstElementChild!.getAttribute('data-state')).toBe('full');
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('shows a JSON object as a description list', () => {
    const { container } = render(<CallDataView data='{"vip":true,"lang":"zh"}' />);
    expect(pairs(container)).toEqual([
      ['vip', 'true'],
      ['lang', 'zh'],
    ]);
    expect(container.firstElementChild!.getAttribute('data-format')).toBe('json');
  });

  it('shows other data as text, and says when there is none', () => {
    const { container, rerender } = render(<CallDataView data="call back after 5pm" />);
    expect(container.querySelector('p.cip-CallDataView-text')!.textContent).toBe('call back after 5pm');
    rerender(<CallDataView data="" />);
    expect(container.textContent).toBe('No call data');
    expect(container.firstElementChild!.getAttribute('data-format')).toBe('empty');
  });

  it.each([
    ['text', `${xssPayloads.script}${xssPayloads.img}`],
    ['pairs', xssPairsCallData],
    ['json', JSON.stringify({ a: xssPayloads.script, [xssPayloads.img]: xssPayloads.img })],
  ])('renders a markup payload (%s) as inert text', (_format, data) => {
    const { container } = render(<CallDataView data={data} defaultExpanded />);
    expect(container.querySelector('script, img')).toBeNull();
    expect(container.textContent).toContain(xssPayloads.img);
    expect(globalThis.__pwned).toBeUndefined();
  });

  it('collapses long data behind a button that says what it controls', () => {
    const { container } = render(<CallDataView data={longJsonCallData} />);
    const root = container.firstElementChild!;
    const button = screen.getByRole('button', { name: 'Show all' });
    expect(button.getAttribute('type')).toBe('button');
    expect(root.getAttribute('data-state')).toBe('collapsed');
    expect(button.getAttribute('aria-expanded')).toBe('false');
    const controlled = document.getElementById(button.getAttribute('aria-controls')!);
    expect(controlled).toBe(container.querySelector('dl'));
    const collapsedCount = pairs(container).length;
    expect(collapsedCount).toBeLessThanOrEqual(6);

    fireEvent.click(button);
    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect(button.textContent).toBe('Show less');
    expect(root.getAttribute('data-state')).toBe('expanded');
    expect(pairs(container)).toHaveLength(10);
    expect(document.getElementById(button.getAttribute('aria-controls')!)).toBe(container.querySelector('dl'));

    fireEvent.click(button);
    expect(pairs(container)).toHaveLength(collapsedCount);
  });

  it('collapses more than 6 short pairs, and long text', () => {
    const { container } = render(<CallDataView data="a=1;b=2;c=3;d=4;e=5;f=6;g=7" />);
    expect(pairs(container)).toHaveLength(6);
    const text = 'x'.repeat(250);
    const long = render(<CallDataView data={`note: ${text}`} />).container;
    expect(long.querySelector('p')!.textContent).toHaveLength(201);
    expect(long.firstElementChild!.getAttribute('data-state')).toBe('collapsed');
  });

  it('cuts collapsed text and values between characters, never inside a surrogate pair', () => {
    const lone = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
    // 'x' first puts every pair across the odd cut at 200 units.
    const text = render(<CallDataView data={`x${'😀'.repeat(150)}`} />).container;
    expect(text.querySelector('p')!.textContent).toMatch(/…$/);
    expect(lone.test(text.querySelector('p')!.textContent!)).toBe(false);
    const pair = render(<CallDataView data={`k=x${'😀'.repeat(150)}`} />).container;
    const value = pair.querySelector('dd')!.textContent!;
    expect(value).toMatch(/…$/);
    expect(lone.test(value)).toBe(false);
  });

  it('puts classNames on its parts', () => {
    const { container } = render(
      <CallDataView data="a=1;b=2;c=3;d=4;e=5;f=6;g=7" classNames={{ key: 'k', value: 'v', toggle: 't', list: 'l' }} />,
    );
    expect(container.querySelectorAll('dt.k.cip-CallDataView-key')).toHaveLength(6);
    expect(container.querySelectorAll('dd.v')).toHaveLength(6);
    expect(container.querySelector('button.t.cip-CallDataView-toggle')).not.toBeNull();
    expect(container.querySelector('dl.l')).not.toBeNull();
  });

  it('speaks Simplified Chinese', () => {
    render(
      <I18nProvider locale="zh-CN" messages={zhCN}>
        <CallDataView data={longJsonCallData} />
        <CallDataView data="" />
      </I18nProvider>,
    );
    expect(screen.getByRole('button', { name: '展开全部' })).toBeTruthy();
    expect(screen.getByText('无随路数据')).toBeTruthy();
  });
});

import { fireEvent, render, screen } from '@testing-library/react';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CallDataView, parseCallData } from '../../src/components';
import { CALL_DATA_READ_MAX, isBlankCallData } from '../../src/components/CallDataView/parseCallData';
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
  [...container.querySelectorAll('.cip-CallDataView-root > dl > div')].map((d) => [d.querySelector('dt')!.textContent, d.querySelector('dd')!.textContent]);

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

  it('keeps values with "=" in them and nests JSON objects and arrays', () => {
    expect(parseCallData('token=abc==;n=1')).toEqual({ format: 'pairs', entries: [['token', 'abc=='], ['n', '1']] });
    expect(parseCallData('{"n":1,"o":{"x":true},"a":["p",2],"s":null,"e":{},"z":[]}')).toEqual({
      format: 'json',
      entries: [
        ['n', '1'],
        ['o', { kind: 'object', entries: [['x', 'true']] }],
        ['a', { kind: 'array', entries: [['1', 'p'], ['2', '2']] }],
        ['s', 'null'],
        ['e', '{}'],
        ['z', '[]'],
      ],
    });
  });

  it('nests at most 4 lists deep, deeper values as JSON text', () => {
    const parsed = parseCallData('{"a":{"b":{"c":{"d":{"e":1}}}}}');
    const d = { kind: 'object', entries: [['d', '{"e":1}']] };
    expect(parsed).toEqual({
      format: 'json',
      entries: [['a', { kind: 'object', entries: [['b', { kind: 'object', entries: [['c', d]] }]] }]],
    });
  });
});

describe('isBlankCallData', () => {
  it('says blank exactly where parseCallData reads empty', () => {
    const samples = ['', '   ', '\n\t', '{}', ' { \n } ', '{"a":1}', '[]', 'x', 'a=1', '{ "a": "" }', '{}x'];
    for (const sample of samples) expect(isBlankCallData(sample), JSON.stringify(sample)).toBe(parseCallData(sample).format === 'empty');
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

  it('shows nested JSON as nested description lists, not as JSON text', () => {
    const { container } = render(
      <CallDataView data='{"order":{"id":"A-1","items":["x","y"]},"deep":{"a":{"b":{"c":{"d":1}}}}}' defaultExpanded />,
    );
    const top = container.querySelector('.cip-CallDataView-root > dl')!;
    const order = top.querySelector(':scope > div > dd > dl[data-kind="object"]')!;
    expect([...order.querySelectorAll(':scope > div > dt')].map((dt) => dt.textContent)).toEqual(['id', 'items']);
    const items = order.querySelector('dl[data-kind="array"]')!;
    expect([...items.querySelectorAll('dd')].map((dd) => dd.textContent)).toEqual(['x', 'y']);
    expect(container.textContent).not.toContain('["x","y"]');
    // 4 lists deep at most: the fourth holds `{"d":1}` as text.
    expect(container.querySelectorAll('dl dl dl dl')).toHaveLength(1);
    expect(container.querySelector('dl dl dl dl dl')).toBeNull();
    expect(container.querySelector('dl dl dl dl dd')!.textContent).toBe('{"d":1}');
  });

  it('isolates keys and values in <bdi>, so cells align to the panel edge under RTL', () => {
    const { container } = render(
      <div dir="rtl">
        <CallDataView data='{"orderId":"A-1001","ملاحظة":"اتصل لاحقا","o":{"k":"v"}}' />
        <CallDataView data="call back after 5pm" />
      </div>,
    );
    const cells = container.querySelectorAll('dt, dd, p');
    expect(cells.length).toBeGreaterThan(0);
    for (const cell of cells) expect(cell.hasAttribute('dir')).toBe(false);
    const bdis = [...container.querySelectorAll('bdi')].map((b) => [b.parentElement!.tagName, b.textContent]);
    expect(bdis).toEqual([
      ['DT', 'orderId'],
      ['DD', 'A-1001'],
      ['DT', 'ملاحظة'],
      ['DD', 'اتصل لاحقا'],
      ['DT', 'o'],
      ['DT', 'k'],
      ['DD', 'v'],
      ['P', 'call back after 5pm'],
    ]);
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
    const button = screen.getByRole('button', { name: 'Show all (10)' });
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
    const { container } = render(<CallDataView data="a=1;b=2;c=3;d=4;e=5;f=6;g=7;h=8;i=9;j=10;k=11;l=12" />);
    expect(pairs(container)).toHaveLength(6);
    // The button counts every entry, shown and hidden.
    expect(screen.getByRole('button').textContent).toBe('Show all (12)');
    const text = 'x'.repeat(250);
    const long = render(<CallDataView data={`note: ${text}`} />).container;
    expect(long.querySelector('p')!.textContent).toHaveLength(201);
    expect(long.firstElementChild!.getAttribute('data-state')).toBe('collapsed');
    expect(long.querySelector('button')!.textContent).toBe('Show all');
  });

  it('collapses nested JSON within the same character budget', () => {
    const data = JSON.stringify({ a: { b: 'x'.repeat(150), c: 'y'.repeat(150) }, d: 'z' });
    const { container } = render(<CallDataView data={data} />);
    expect(container.querySelector('dl dl')!.textContent!.length).toBeLessThanOrEqual(205);
    expect(container.textContent).not.toContain('y'.repeat(150));
    fireEvent.click(screen.getByRole('button', { name: 'Show all (2)' }));
    expect(container.textContent).toContain('y'.repeat(150));
  });

  it('wraps long unbroken values: the cells break anywhere and may shrink below their content', () => {
    const css = readFileSync(resolve(process.cwd(), 'src/components/CallDataView/CallDataView.css'), 'utf8');
    const cells = css.slice(css.indexOf('.cip-CallDataView-key:where'));
    const rule = cells.slice(0, cells.indexOf('}'));
    for (const part of ['key', 'value', 'text']) expect(rule).toContain(`.cip-CallDataView-${part}:where(`);
    expect(rule).toMatch(/min-inline-size: 0;/);
    expect(rule).toMatch(/overflow-wrap: anywhere;/);
    // The one label column of the panel, and a value column that may shrink to 0.
    expect(css).toMatch(/grid-template-columns: var\(--cip-label-column\) minmax\(0, 1fr\)/);
    const { container } = render(<CallDataView data={`k=${'x'.repeat(400)}`} defaultExpanded />);
    expect(container.querySelector('dd')!.classList).toContain('cip-CallDataView-value');
    expect(container.querySelector('dd')!.textContent).toHaveLength(400);
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
    expect(screen.getByRole('button', { name: '展开全部（10）' })).toBeTruthy();
    expect(screen.getByText('无随路数据')).toBeTruthy();
  });
});

describe('CallDataView with hostile amounts of data', () => {
  const MB = 2 ** 20;
  const lone = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
  const root = (container: HTMLElement) => container.firstElementChild!;

  it('reads the first 64 KB of 10 MB of text, shows it all when expanded, and says it is cut', () => {
    const data = 'call back after 5pm; '.repeat(Math.ceil((10 * MB) / 21)).slice(0, 10 * MB);
    const { container } = render(<CallDataView data={data} />);
    expect(root(container).getAttribute('data-extent')).toBe('cut');
    expect(root(container).getAttribute('data-format')).toBe('text');
    expect(root(container).getAttribute('data-state')).toBe('collapsed');
    expect(screen.getByText('Showing the first 64 KB').className).toContain('cip-CallDataView-note');
    fireEvent.click(screen.getByRole('button', { name: 'Show all' }));
    expect(container.querySelector('.cip-CallDataView-text')!.textContent).toBe(data.slice(0, CALL_DATA_READ_MAX).trim());
    expect(container.textContent!.length).toBeLessThan(CALL_DATA_READ_MAX + 100);
    // Still the note when expanded: the rest is never shown.
    expect(screen.getByText('Showing the first 64 KB')).toBeTruthy();
  });

  it('marks nothing when the data fits', () => {
    const data = `a=${'x'.repeat(CALL_DATA_READ_MAX - 2)}`;
    const { container } = render(<CallDataView data={data} defaultExpanded />);
    expect(root(container).getAttribute('data-extent')).toBe('whole');
    expect(container.querySelector('.cip-CallDataView-note')).toBeNull();
    expect(container.querySelector('dd')!.textContent).toHaveLength(CALL_DATA_READ_MAX - 2);
    expect(parseCallData(data).cut).toBeUndefined();
  });

  it('shows JSON of more than 64 KB as cut text, without parsing it', () => {
    const data = JSON.stringify({ note: 'x'.repeat(CALL_DATA_READ_MAX), tier: 'gold' });
    const parse = vi.spyOn(JSON, 'parse');
    try {
      const { container } = render(<CallDataView data={data} defaultExpanded />);
      expect(parse).not.toHaveBeenCalled();
      expect(root(container).getAttribute('data-format')).toBe('text');
      expect(root(container).getAttribute('data-extent')).toBe('cut');
      expect(container.querySelector('dl')).toBeNull();
      expect(container.querySelector('.cip-CallDataView-text')!.textContent).toBe(data.slice(0, CALL_DATA_READ_MAX));
    } finally {
      parse.mockRestore();
    }
    // The same object under 64 KB is still a list.
    expect(parseCallData(JSON.stringify({ note: 'x', tier: 'gold' })).format).toBe('json');
  });

  it('reads key=value pairs only within the first 64 KB, dropping a key the cut fell in', () => {
    const data = Array.from({ length: 20_000 }, (_, i) => `key${i}=value${i}`).join(';');
    const parsed = parseCallData(data);
    expect(parsed.format).toBe('pairs');
    expect(parsed.cut).toBe(true);
    const entries = parsed.format === 'pairs' ? parsed.entries : [];
    expect(entries.length).toBeGreaterThan(1000);
    expect(entries.length).toBeLessThan(20_000);
    expect(entries[0]).toEqual(['key0', 'value0']);
    expect(entries.reduce((sum, [k, v]) => sum + k.length + v.length + 2, 0)).toBeLessThanOrEqual(CALL_DATA_READ_MAX + 1);
    // Every key is one the gateway sent: none is a cut-short start of a key.
    for (const [index, [key]] of entries.entries()) expect(key).toBe(`key${index}`);
    // A cut value keeps its start.
    const cutValue = parseCallData(`a=1;b=${'v'.repeat(CALL_DATA_READ_MAX)}`);
    expect(cutValue).toEqual({ format: 'pairs', entries: [['a', '1'], ['b', 'v'.repeat(CALL_DATA_READ_MAX - 6)]], cut: true });
    // Prose past the first pair is text, cut or not.
    expect(parseCallData(`a=1;${'no pairs here '.repeat(10_000)}`)).toMatchObject({ format: 'text', cut: true });
  });

  it('cuts on a code-point boundary: no lone surrogate, whatever the parity', () => {
    for (const lead of ['', 'x']) {
      const data = lead + '😀'.repeat(CALL_DATA_READ_MAX);
      const parsed = parseCallData(data);
      const text = parsed.format === 'text' ? parsed.text : '';
      expect(text.length).toBeGreaterThanOrEqual(CALL_DATA_READ_MAX - 1);
      expect(text.length).toBeLessThanOrEqual(CALL_DATA_READ_MAX);
      expect(lone.test(text)).toBe(false);
      const { container, unmount } = render(<CallDataView data={data} defaultExpanded />);
      expect(lone.test(container.textContent!)).toBe(false);
      unmount();
    }
  });

  it('leaves the data it was given untouched', () => {
    const data = `k=${'v'.repeat(10 * MB)}`;
    const model = Object.freeze({ callData: data });
    render(<CallDataView data={model.callData} defaultExpanded />);
    expect(model.callData).toBe(data);
    expect(model.callData).toHaveLength(10 * MB + 2);
  });

  it('says it is cut in Simplified Chinese', () => {
    render(
      <I18nProvider locale="zh-CN" messages={zhCN}>
        <CallDataView data={'x'.repeat(CALL_DATA_READ_MAX + 1)} />
      </I18nProvider>,
    );
    expect(screen.getByText('仅显示前 64 KB')).toBeTruthy();
  });
});

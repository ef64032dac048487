import { render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { CallDataView, type CallDataViewProps } from '../../src/components/CallDataView/CallDataView';
import { I18nProvider } from '../../src/i18n';
import { ar } from '../../src/i18n/messages/ar';
import { zhCN } from '../../src/i18n/messages/zh-CN';
import { xssPayloads } from '../fixtures/callInfos';

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
const rows = (container: HTMLElement) =>
  [...container.querySelectorAll('.cip-CallDataView-root > dl > div')].map((d) => [d.querySelector('dt')!.textContent, d.querySelector('dd')!.textContent]);
const root = (container: HTMLElement) => container.firstElementChild!;
const view = (props: Partial<CallDataViewProps> & { data: string }) => render(<CallDataView defaultExpanded {...props} />).container;

describe('CallDataView callDataEncoding="base64"', () => {
  it('decodes Base64 of JSON and shows it as a list', () => {
    const container = view({ data: b64('{"orderId":"A-1","city":"深圳"}'), callDataEncoding: 'base64' });
    expect(rows(container)).toEqual([['orderId', 'A-1'], ['city', '深圳']]);
    expect(root(container).getAttribute('data-format')).toBe('json');
    expect(root(container).getAttribute('data-encoding')).toBe('base64');
  });

  it('decodes the URL-safe alphabet too, unpadded', () => {
    const text = '{"orderId":"A-1","note":"???>>>"}';
    const urlSafe = Buffer.from(text, 'utf8').toString('base64url');
    expect(urlSafe).toMatch(/[-_]/);
    const container = view({ data: urlSafe, callDataEncoding: 'base64' });
    expect(rows(container)).toEqual([['orderId', 'A-1'], ['note', '???>>>']]);
    expect(root(container).getAttribute('data-encoding')).toBe('base64');
  });

  it('shows text that is not Base64 of UTF-8 as it is', () => {
    const bad = Buffer.from([0xff, 0xfe, 0x3c]).toString('base64');
    const container = view({ data: bad, callDataEncoding: 'base64' });
    expect(container.querySelector('.cip-CallDataView-text')!.textContent).toBe(bad);
    expect(root(container).getAttribute('data-encoding')).toBe('invalid');
    expect(view({ data: 'a=1' }).firstElementChild!.hasAttribute('data-encoding')).toBe(false);
  });

  it('renders markup inside Base64 as inert text', () => {
    const container = view({ data: b64(`${xssPayloads.script}${xssPayloads.img}`), callDataEncoding: 'base64' });
    expect(container.querySelector('script, img')).toBeNull();
    expect(container.textContent).toContain(xssPayloads.img);
  });

  it('collapses by about the decoded length', () => {
    expect(render(<CallDataView data={b64(`a=${'x'.repeat(140)}`)} callDataEncoding="base64" />).container.firstElementChild!.getAttribute('data-state')).toBe('full');
    expect(render(<CallDataView data={b64('中'.repeat(120))} callDataEncoding="base64" />).container.firstElementChild!.getAttribute('data-state')).toBe('full');
  });
});

describe('CallDataView callDataFields', () => {
  it('names values by position and says "Field N" past the names', () => {
    const container = view({ data: '70004, ,gold,x', callDataFields: ['caller', 'order', 'tier'] });
    expect(rows(container)).toEqual([['caller', '70004'], ['tier', 'gold'], ['Field 4', 'x']]);
    expect(root(container).getAttribute('data-format')).toBe('fields');
  });

  it('says "Field N" in the locale, with its digits', () => {
    const { container } = render(
      <I18nProvider locale="zh-CN" messages={zhCN}>
        <CallDataView data="a,b" callDataFields={['one']} />
      </I18nProvider>,
    );
    expect(rows(container)).toEqual([['one', 'a'], ['字段 2', 'b']]);
    const arabic = render(
      <I18nProvider locale="ar-EG" messages={ar}>
        <CallDataView data="a,b" callDataFields={[]} />
      </I18nProvider>,
    ).container;
    expect(rows(arabic)[1]![0]).toBe(ar['callData.field'].replace('{position}', new Intl.NumberFormat('ar-EG').format(2)));
  });

  it('shows all-empty values as no call data, and counts shown values on the button', () => {
    expect(view({ data: ' , ,', callDataFields: ['a'] }).textContent).toBe('No call data');
    render(<CallDataView data="1,2,3,4,5,6,7,8" callDataFields={['a']} />);
    expect(screen.getByRole('button', { name: 'Show all (8)' })).toBeTruthy();
  });

  it('does not re-read the data for an equal list of names', () => {
    const parse = vi.spyOn(JSON, 'parse');
    const data = '{"a":"1"}';
    const { rerender } = render(<CallDataView data={data} callDataFields={['a', 'b']} />);
    const calls = parse.mock.calls.length;
    expect(calls).toBeGreaterThan(0);
    rerender(<CallDataView data={data} callDataFields={['a', 'b']} className="x" />);
    expect(parse.mock.calls.length).toBe(calls);
    rerender(<CallDataView data={data} callDataFields={['a', 'c']} className="x" />);
    expect(parse.mock.calls.length).toBe(calls + 1);
  });
});

describe('CallDataView callDataLabels', () => {
  it('shows labels instead of keys: the dotted path first, then the bare key', () => {
    const container = view({
      data: JSON.stringify({ acct: 'A-1', order: { id: 'O-1', items: ['x', { id: 'I-2' }] }, id: 'top' }),
      callDataLabels: { acct: 'Account', 'order.id': 'Order number', id: 'Identifier', 'order.items.1': 'First item' },
    });
    const keys = [...container.querySelectorAll('dt')].map((dt) => dt.textContent);
    expect(keys).toEqual(['Account', 'order', 'Order number', 'items', 'First item', '2', 'Identifier', 'Identifier']);
  });

  it('labels pairs and positional fields, unnamed ones by their position', () => {
    expect(rows(view({ data: 'acct=1;x=2', callDataLabels: { acct: 'Account' } }))).toEqual([['Account', '1'], ['x', '2']]);
    expect(rows(view({ data: 'a,b,c', callDataFields: ['acct'], callDataLabels: { acct: 'Account', '3': 'Notes' } }))).toEqual([
      ['Account', 'a'],
      ['Field 2', 'b'],
      ['Notes', 'c'],
    ]);
  });

  it('takes nothing from the prototype: __proto__, constructor and toString keys stay keys', () => {
    const data = '{"__proto__":"p","constructor":"c","toString":"t","hasOwnProperty":"h"}';
    expect(rows(view({ data, callDataLabels: {} }))).toEqual([['__proto__', 'p'], ['constructor', 'c'], ['toString', 't'], ['hasOwnProperty', 'h']]);
    const labels = JSON.parse('{"__proto__":"Prototype","constructor":"Maker"}') as Record<string, string>;
    expect(rows(view({ data, callDataLabels: labels })).map(([key]) => key)).toEqual(['Prototype', 'Maker', 'toString', 'hasOwnProperty']);
  });

  it('shows labels and keys as text, in <bdi>, bidi controls and all', () => {
    const container = view({ data: '{"k\u202E":"v"}', callDataLabels: { 'k\u202E': `${xssPayloads.img}\u202E` } });
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('dt > bdi')!.textContent).toBe(`${xssPayloads.img}\u202E`);
  });
});

describe('CallDataView callDataLinks', () => {
  const link = (result: unknown) => view({ data: 'acct=A-1', callDataLinks: { acct: () => result as string } }).querySelector('a');

  it('makes an https value a link that opens in a new tab and says so in its name', () => {
    const build = vi.fn((value: string) => `https://crm.example/accounts/${encodeURIComponent(value)}`);
    const container = view({ data: 'acct=A 1;x=2', callDataLinks: { acct: build } });
    expect(build).toHaveBeenCalledWith('A 1', 'acct');
    // The words are in the link, so in its accessible name (jsdom loads no CSS: the story checks the name with it).
    const a = screen.getByRole('link', { name: /^A 1 ?\(opens in a new tab\)$/ });
    expect(a.textContent).toBe('A 1 (opens in a new tab)');
    expect(a.getAttribute('href')).toBe('https://crm.example/accounts/A%201');
    expect(a.getAttribute('target')).toBe('_blank');
    expect(a.getAttribute('rel')).toBe('noopener noreferrer');
    expect(a.className).toBe('cip-CallDataView-link');
    expect(a.querySelector('.cip-CallDataView-newTab')!.textContent).toBe(' (opens in a new tab)');
    expect(container.querySelectorAll('a')).toHaveLength(1);
    expect(container.querySelector('[style]')).toBeNull();
  });

  it.each(['tel:+8613800138000', 'mailto:agent@example.com', 'TEL:+86', new URL('mailto:a@example.com')])('opens %s in the same tab, without the new-tab words', (result) => {
    const a = link(result)!;
    expect(a).not.toBeNull();
    expect(a.hasAttribute('target')).toBe(false);
    expect(a.hasAttribute('rel')).toBe(false);
    expect(a.textContent).toBe('A-1');
  });

  it('resolves relative results against the page', () => {
    expect(link('/crm/accounts/A-1')!.getAttribute('href')).toBe(new URL('/crm/accounts/A-1', document.baseURI).href);
    expect(link('?acct=A-1')!.getAttribute('href')).toBe(new URL('?acct=A-1', document.baseURI).href);
    expect(link('//crm.example/a')!.getAttribute('href')).toBe('http://crm.example/a'.replace('http:', new URL(document.baseURI).protocol));
    expect(link(new URL('https://crm.example/x'))!.getAttribute('href')).toBe('https://crm.example/x');
  });

  it.each([
    ['javascript:', 'javascript:window.__pwned=true'],
    ['JAVASCRIPT:', 'JAVASCRIPT:window.__pwned=true'],
    ['leading space', ' javascript:window.__pwned=true'],
    ['leading control characters', '\u0000\u001f javascript:alert(1)'],
    ['a tab inside', 'java\tscript:alert(1)'],
    ['a newline inside', 'java\nscript:alert(1)'],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['vbscript:', 'VBScript:msgbox(1)'],
    ['blob:', 'blob:https://crm.example/1234'],
    ['file:', 'file:///etc/passwd'],
    ['ftp:', 'ftp://crm.example/'],
    ['an empty string', ''],
    ['blank', '   '],
    ['null', null],
    ['undefined', undefined],
    ['a number', 42],
    ['an object with a toString', { toString: () => 'https://crm.example/' }],
    ['not a URL', 'http://[::1'],
  ])('leaves plain text for %s', (_case, result) => {
    expect(link(result)).toBeNull();
    expect(screen.getByText('A-1').tagName).toBe('BDI');
  });

  it('leaves plain text when the builder throws or is not a function', () => {
    const container = view({
      data: 'acct=A-1;b=2',
      callDataLinks: {
        acct: () => {
          throw new Error('no');
        },
        b: 'https://crm.example/' as never,
      },
    });
    expect(container.querySelector('a')).toBeNull();
    expect(rows(container)).toEqual([['acct', 'A-1'], ['b', '2']]);
  });

  it('matches nested keys by dotted path, then bare key, passing the key it matched', () => {
    const build = vi.fn((value: string, key: string) => `https://crm.example/${key}/${value}`);
    const container = view({ data: '{"order":{"id":"O-1"},"id":"T-1","__proto__":"p"}', callDataLinks: { 'order.id': build, id: build } });
    expect([...container.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual([
      'https://crm.example/order.id/O-1',
      'https://crm.example/id/T-1',
    ]);
    expect(build).toHaveBeenCalledTimes(2);
  });

  it('links positional values by name or position, with labels', () => {
    const container = view({
      data: '70004,A-1',
      callDataFields: ['caller'],
      callDataLabels: { caller: 'Caller' },
      callDataLinks: { caller: (v) => `tel:${v}`, '2': (v) => `/orders/${v}` },
    });
    const links = within(container).getAllByRole('link');
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['tel:70004', new URL('/orders/A-1', document.baseURI).href]);
    expect(rows(container)[0]![0]).toBe('Caller');
  });

  it('builds from the whole value when it is shown cut', () => {
    const build = vi.fn((value: string) => `https://crm.example/?q=${value.length}`);
    const { container } = render(<CallDataView data={`note=${'x'.repeat(300)}`} callDataLinks={{ note: build }} />);
    expect(container.querySelector('a bdi')!.textContent).toMatch(/…$/);
    expect(container.querySelector('a')!.getAttribute('href')).toBe('https://crm.example/?q=300');
  });

  it('says "opens in a new tab" in the locale', () => {
    render(
      <I18nProvider locale="zh-CN" messages={zhCN}>
        <CallDataView data="a=1" callDataLinks={{ a: () => 'https://crm.example/' }} />
      </I18nProvider>,
    );
    expect(screen.getByRole('link').textContent).toBe(`1 ${zhCN['callData.newTab']}`);
  });
});

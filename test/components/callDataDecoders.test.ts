import { describe, expect, it } from 'vitest';
import { CALL_DATA_READ_MAX, decodeCallData, isBlankCallData, type CallDataDecodeOptions } from '../../src/components/CallDataView/decodeCallData';
import { parseCallData } from '../../src/components/CallDataView/parseCallData';

/** Base64 of UTF-8 text, as the gateway's `isEncodeResult=true` sends it. */
const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
const BASE64: CallDataDecodeOptions = { callDataEncoding: 'base64' };
const MB = 2 ** 20;
const lone = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe('decodeCallData: Base64', () => {
  it('decodes UTF-8 text, then reads it as JSON, pairs or text', () => {
    expect(decodeCallData(b64('{"orderId":"A-1","vip":true}'), BASE64)).toEqual({
      format: 'json',
      entries: [['orderId', 'A-1'], ['vip', 'true']],
      base64: true,
    });
    expect(decodeCallData(b64('lang=中文;menu=2'), BASE64)).toEqual({ format: 'pairs', entries: [['lang', '中文'], ['menu', '2']], base64: true });
    expect(decodeCallData(b64('请回电 😀'), BASE64)).toEqual({ format: 'text', text: '请回电 😀', base64: true });
    expect(decodeCallData(b64('A-1,gold'), { ...BASE64, callDataFields: ['order', 'tier'] })).toMatchObject({ format: 'fields', base64: true });
  });

  it('ignores line breaks and missing padding', () => {
    const code = b64('note=a long enough note to wrap');
    expect(decodeCallData(`${code.slice(0, 8)}\r\n${code.slice(8)}`.replace(/=+$/, ''), BASE64)).toMatchObject({ format: 'pairs', base64: true });
  });

  it.each([
    ['not Base64 at all', 'hello world!'],
    ['a stray character', 'YWJj*ZGVm'],
    ['a bad length', 'YWJjZ'],
    ['padding in the middle', 'YQ==YWJj'],
    ['invalid UTF-8 (a lone continuation byte)', Buffer.from([0x61, 0x80, 0x62]).toString('base64')],
    ['invalid UTF-8 (an overlong encoding)', Buffer.from([0xc0, 0xaf]).toString('base64')],
    ['invalid UTF-8 (an encoded surrogate)', Buffer.from([0xed, 0xa0, 0x80]).toString('base64')],
    ['binary that happens to be UTF-8 (NUL bytes)', 'AAAA'],
    ['plain JSON the gateway did not encode', '{"a":"1"}'],
    ['plain pairs', 'a=1;b=2'],
  ])('shows %s as the raw text', (_case, data) => {
    expect(decodeCallData(data, BASE64)).toEqual({ format: 'text', text: data, base64: false });
  });

  it('reads the URL-safe alphabet as the standard one', () => {
    expect(b64('???>>>')).toBe('Pz8/Pj4+');
    expect(decodeCallData('Pz8_Pj4-', BASE64)).toEqual({ format: 'text', text: '???>>>', base64: true });
  });

  it('reads blank as empty, and Base64 of blank or {} as empty', () => {
    expect(decodeCallData('  ', BASE64)).toEqual({ format: 'empty', base64: true });
    expect(decodeCallData(b64(' {} '), BASE64)).toEqual({ format: 'empty', base64: true });
  });

  it('reads the first 64 KB of 1 MB of Base64, dropping a character the cut split', () => {
    const text = `note=${'😀中'.repeat(MB / 4)}`;
    const data = b64(text);
    expect(data.length).toBeGreaterThan(MB);
    const parsed = decodeCallData(data, BASE64);
    expect(parsed).toMatchObject({ format: 'pairs', cut: true, base64: true });
    const value = parsed.format === 'pairs' ? parsed.entries[0]![1] : '';
    expect(value.length).toBeGreaterThan(20_000);
    expect(text.startsWith(`note=${value}`)).toBe(true);
    expect(lone.test(value)).toBe(false);
    // 1 MB of garbage costs 64 KB too: shown raw, cut.
    const garbage = decodeCallData('*'.repeat(MB), BASE64);
    expect(garbage).toMatchObject({ format: 'text', cut: true, base64: false });
    expect(garbage.format === 'text' && garbage.text.length).toBe(CALL_DATA_READ_MAX);
  });
});

describe('decodeCallData: positional fields', () => {
  const fields = ['caller', 'order', 'tier'];

  it('names values by position, extra ones by their 1-based position', () => {
    expect(decodeCallData('70004,A-1,gold,x,y', { callDataFields: fields })).toEqual({
      format: 'fields',
      entries: [['caller', '70004'], ['order', 'A-1'], ['tier', 'gold'], ['4', 'x', 4], ['5', 'y', 5]],
    });
  });

  it('names fewer values than names, trims values and leaves empty ones out (positions kept)', () => {
    expect(decodeCallData(' 70004 , ,gold ', { callDataFields: fields })).toEqual({
      format: 'fields',
      entries: [['caller', '70004'], ['tier', 'gold']],
    });
    expect(decodeCallData('70004', { callDataFields: fields })).toEqual({ format: 'fields', entries: [['caller', '70004']] });
    expect(decodeCallData(',,,,,,', { callDataFields: fields })).toEqual({ format: 'empty' });
    expect(decodeCallData(',,x', { callDataFields: [] })).toEqual({ format: 'fields', entries: [['3', 'x', 3]] });
    expect(decodeCallData('a,b', { callDataFields: ['', 'two'] })).toEqual({ format: 'fields', entries: [['1', 'a', 1], ['two', 'b']] });
  });

  it('still reads JSON first; everything else is split at every comma, "=" and quotes included', () => {
    expect(decodeCallData('{"a":"1,2"}', { callDataFields: fields }).format).toBe('json');
    expect(decodeCallData('a=1;b=2,"x,y"', { callDataFields: fields })).toEqual({
      format: 'fields',
      entries: [['caller', 'a=1;b=2'], ['order', '"x'], ['tier', 'y"']],
    });
  });

  it('keeps unicode and bidi controls in values as they are (the view isolates them)', () => {
    const rlo = '\u202Egold\u202C';
    expect(decodeCallData(`مرحبا,${rlo}`, { callDataFields: fields })).toEqual({
      format: 'fields',
      entries: [['caller', 'مرحبا'], ['order', rlo]],
    });
  });

  it('names positions with any names given, __proto__ and constructor too', () => {
    const parsed = decodeCallData('1,2', { callDataFields: ['__proto__', 'constructor'] });
    expect(parsed).toEqual({ format: 'fields', entries: [['__proto__', '1'], ['constructor', '2']] });
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  });

  it('reads 1 MB of values within the first 64 KB', () => {
    const parsed = decodeCallData('value,'.repeat(MB / 6), { callDataFields: fields });
    expect(parsed).toMatchObject({ format: 'fields', cut: true });
    expect(parsed.format === 'fields' && parsed.entries.length).toBeLessThanOrEqual(CALL_DATA_READ_MAX / 6 + 1);
  });
});

describe('decodeCallData: key=value pairs', () => {
  it.each([
    ['a=b=c', [['a', 'b=c']]],
    ['a=1;b=2;', [['a', '1'], ['b', '2']]],
    ['a=', [['a', '']]],
    ['a=1;a=2', [['a', '1'], ['a', '2']]],
    ['a=1\nb=2|c=3\r\nd=4', [['a', '1'], ['b', '2'], ['c', '3'], ['d', '4']]],
    // Mixed separators: the first of | ; & that makes only pairs; the others stay in values.
    ['a=1;b=2|c=3', [['a', '1;b=2'], ['c', '3']]],
    ['url=https://crm.example/c?id=1&tab=2;tier=gold', [['url', 'https://crm.example/c?id=1&tab=2'], ['tier', 'gold']]],
    ['company=AT&T;tier=gold', [['company', 'AT&T'], ['tier', 'gold']]],
    ['a=1&b=x;y', [['a', '1'], ['b', 'x;y']]],
    ['a=1;b=2|note', [['a', '1'], ['b', '2|note']]],
    // One pair: a comma is no separator.
    ['a=1,b=2', [['a', '1,b=2']]],
    // Joined by &: %XX decoded when valid, + kept.
    ['name=Li%20Lei&city=%E6%B7%B1%E5%9C%B3&tel=+8613800', [['name', 'Li Lei'], ['city', '深圳'], ['tel', '+8613800']]],
    ['rate=50%&bad=%E6%B7&ok=1', [['rate', '50%'], ['bad', '%E6%B7'], ['ok', '1']]],
    ['%E5%90%8D=x&b=1', [['名', 'x'], ['b', '1']]],
    // Not joined by &: written as it is.
    ['name=Li%20Lei;b=1', [['name', 'Li%20Lei'], ['b', '1']]],
    ['__proto__=x;constructor=y', [['__proto__', 'x'], ['constructor', 'y']]],
    ['ملاحظة=اتصل لاحقا;k=\u202Ev\u202C', [['ملاحظة', 'اتصل لاحقا'], ['k', '\u202Ev\u202C']]],
  ])('reads %j as pairs', (data, entries) => {
    expect(decodeCallData(data)).toEqual({ format: 'pairs', entries });
  });

  it.each([
    '=x',
    'a=1;b',
    'a=1;=2',
    'a=1;;note: call back',
    'x = 1 is the answer; really',
    'k\u202E=v',
    'a b=1',
    '%3Cb%3E=1&c=2',
    '<img src=x onerror=alert(1)>',
  ])('reads %j as text', (data) => {
    expect(decodeCallData(data)).toEqual({ format: 'text', text: data });
  });

  it('is parseCallData without options', () => {
    for (const data of ['a=1;b=2', '{"a":1}', 'text', '', 'a=1&b=%20']) expect(parseCallData(data)).toEqual(decodeCallData(data));
  });
});

describe('decodeCallData: 1 MB of anything', () => {
  it.each<[string, string, CallDataDecodeOptions, string]>([
    ['pairs', 'k=v;'.repeat(MB / 4), {}, 'pairs'],
    ['text', 'call back later '.repeat(MB / 16), {}, 'text'],
    ['JSON', JSON.stringify({ a: 'x'.repeat(MB) }), {}, 'text'],
    ['fields', 'v,'.repeat(MB / 2), { callDataFields: ['a'] }, 'fields'],
    ['Base64 of pairs', b64('k=v;'.repeat(MB / 4)), BASE64, 'pairs'],
  ])('reads %s within the first 64 KB, quickly', (_name, data, options, format) => {
    const start = performance.now();
    const parsed = decodeCallData(data, options);
    expect(performance.now() - start).toBeLessThan(500);
    expect(parsed).toMatchObject({ format, cut: true });
    const size = 'entries' in parsed ? parsed.entries.length * 2 : parsed.format === 'text' ? parsed.text.length : 0;
    expect(size).toBeLessThanOrEqual(CALL_DATA_READ_MAX);
  });
});

describe('isBlankCallData agrees with decodeCallData', () => {
  const samples = ['', '   ', '\n\t', '{}', ' { \n } ', '{"a":1}', '[]', 'x', 'a=1', '{ "a": "" }', '{}x', ',', ' , ,\n', ',x', '{},', '=', '\u00a0'];
  const encoded = [...samples, ...samples.map(b64), 'AAAA', '*', 'e30', 'IA'];
  it.each<[string, CallDataDecodeOptions, string[]]>([
    ['no options', {}, samples],
    ['callDataFields', { callDataFields: ['a'] }, samples],
    ['Base64', BASE64, encoded],
    ['Base64 and callDataFields', { ...BASE64, callDataFields: [] }, encoded],
  ])('with %s', (_name, options, list) => {
    for (const sample of list) {
      expect(isBlankCallData(sample, options), JSON.stringify(sample)).toBe(decodeCallData(sample, options).format === 'empty');
    }
  });
});

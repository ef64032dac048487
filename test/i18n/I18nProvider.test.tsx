import { render, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  I18nProvider,
  getFormatters,
  interpolate,
  interpolateNodes,
  localeDirection,
  resolveLocale,
  useFormat,
  useI18n,
  useMessages,
} from '../../src/i18n';
import { zhCN } from '../../src/i18n/messages/zh-CN';
import { ar } from '../../src/i18n/messages/ar';

afterEach(() => vi.restoreAllMocks());

const wrapper =
  (props: { locale?: string; messages?: Record<string, string> }) =>
  ({ children }: { children: ReactNode }) => <I18nProvider {...props}>{children}</I18nProvider>;

describe('I18nProvider', () => {
  it('defaults to the browser locale, and to English words', () => {
    vi.spyOn(navigator, 'language', 'get').mockReturnValue('de-DE');
    const { result } = renderHook(() => useI18n(), { wrapper: wrapper({}) });
    expect(result.current.locale).toBe('de-DE');
    expect(result.current.format.number(1234.5)).toBe('1.234,5');
    expect(result.current.t('status.noCall')).toBe('No call right now');
  });

  it('falls back to en without a browser locale or with an invalid one', () => {
    vi.spyOn(navigator, 'language', 'get').mockReturnValue('');
    expect(resolveLocale()).toBe('en');
    expect(resolveLocale('not a locale!')).toBe('en');
    expect(resolveLocale('zh-cn')).toBe('zh-CN');
    expect(resolveLocale('ar-eg')).toBe('ar-EG');
  });

  it('reads a POSIX locale name as its tag: zh_CN formats as zh-CN, not as en', () => {
    expect(resolveLocale('zh_CN')).toBe('zh-CN');
    expect(resolveLocale('zh_CN.UTF-8')).toBe('zh-CN');
    expect(resolveLocale('ar_AE')).toBe('ar-AE');
    expect(resolveLocale('de_DE@euro')).toBe('de-DE');
    const { result } = renderHook(() => useI18n(), { wrapper: wrapper({ locale: 'de_DE' }) });
    expect(result.current.locale).toBe('de-DE');
    expect(result.current.format.number(1234.5)).toBe('1.234,5');
  });

  it('lays message overrides over English, any subset of keys', () => {
    const { result } = renderHook(() => useMessages(), {
      wrapper: wrapper({ locale: 'en', messages: { 'status.noCall': 'Idle', unknownCode: '?{code}' } }),
    });
    expect(result.current('status.noCall')).toBe('Idle');
    expect(result.current('unknownCode', { code: 99 })).toBe('?99');
    expect(result.current('status.live')).toBe('Live call');
  });

  it('switches language with a whole catalogue', () => {
    const { result } = renderHook(() => useMessages(), { wrapper: wrapper({ locale: 'zh-CN', messages: zhCN }) });
    expect(result.current('unknownCode', { code: 7 })).toBe('未知（代码 7）');
  });

  it('switches to Arabic, right to left, for any Arabic locale', () => {
    for (const locale of ['ar', 'ar-EG', 'ar-SA']) {
      const { result } = renderHook(() => [useMessages(), useI18n().dir] as const, { wrapper: wrapper({ locale, messages: ar }) });
      expect(result.current[0]('unknownCode', { code: 7 })).toBe('غير معروف (الرمز 7)');
      expect(result.current[1]).toBe('rtl');
    }
  });

  it.each([
    ['ar', 'rtl'],
    ['ar-EG', 'rtl'],
    ['ar-SA', 'rtl'],
    ['AR-eg', 'rtl'],
    ['he-IL', 'rtl'],
    ['fa', 'rtl'],
    ['ur-PK', 'rtl'],
    ['en-US', 'ltr'],
    ['zh-CN', 'ltr'],
    ['de', 'ltr'],
  ])('derives the direction of %s: %s', (locale, dir) => {
    expect(localeDirection(locale)).toBe(dir);
    const { result } = renderHook(() => useI18n().dir, { wrapper: wrapper({ locale }) });
    expect(result.current).toBe(dir);
  });

  it('memoises formatters per locale', () => {
    expect(getFormatters('fr-FR')).toBe(getFormatters('fr-FR'));
    expect(getFormatters('fr-FR')).not.toBe(getFormatters('en-GB'));
    const { result, rerender } = renderHook(() => useFormat(), { wrapper: wrapper({ locale: 'en-GB' }) });
    const first = result.current;
    rerender();
    expect(result.current).toBe(first);
    expect(result.current).toBe(getFormatters('en-GB'));
  });

  it('inherits from an enclosing provider what it does not set', () => {
    const { result } = renderHook(() => useI18n(), {
      wrapper: ({ children }) => (
        <I18nProvider locale="zh-CN" messages={zhCN}>
          <I18nProvider messages={{ 'status.noCall': '空闲' }}>{children}</I18nProvider>
        </I18nProvider>
      ),
    });
    expect(result.current.locale).toBe('zh-CN');
    expect(result.current.t('status.noCall')).toBe('空闲');
    expect(result.current.t('status.live')).toBe('当前呼叫');
  });

  it('works without a provider', () => {
    const { result } = renderHook(() => useMessages());
    expect(result.current('panel.title')).toBe('Call information');
  });
});

describe('formatting', () => {
  it.each([
    [0, '0:00'],
    [5_000, '0:05'],
    [65_000, '1:05'],
    [3_605_000, '1:00:05'],
    [90_000_000, '25:00:00'],
    [-5_000, '0:00'],
    [Number.NaN, '0:00'],
    [1_999, '0:01'],
  ])('formats %d ms as %s', (ms, text) => {
    expect(getFormatters('en-US').duration(ms)).toBe(text);
  });

  it('uses the locale digits for durations and times', () => {
    expect(getFormatters('ar-EG').duration(65_000)).toBe('١:٠٥');
    expect(getFormatters('en-GB').time(Date.UTC(2025, 0, 1, 14, 2, 11))).toMatch(/^\d\d:02:11$/);
  });
});

describe('interpolation', () => {
  it('fills {placeholders} and leaves unknown ones as written', () => {
    expect(interpolate('Call with {party} ended', { party: '70004' })).toBe('Call with 70004 ended');
    expect(interpolate('{a}-{b}', { a: 1 })).toBe('1-{b}');
    expect(interpolate('no values {x}')).toBe('no values {x}');
  });

  it('fills placeholders with elements, in the order the locale writes them', () => {
    const { container } = render(
      <p>{interpolateNodes('{end} after {start}', { start: <b>S</b>, end: <i>E</i> })}</p>,
    );
    expect(container.innerHTML).toBe('<p><i>E</i> after <b>S</b></p>');
  });
});

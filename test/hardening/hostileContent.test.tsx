/**
 * Hostile content: a gateway (or whatever feeds it) can put a megabyte into any text field.
 * The panel still shows the text (it may wrap), but no accessible name or tooltip it builds
 * from a field may grow with it: every `aria-label`, `title`, `aria-description` and
 * `aria-valuetext` in the rendered panel stays a few hundred characters. And the call data is
 * read only as far as its first 64 KB, while the model keeps it whole.
 */
import { fireEvent, render } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CallInfoView } from '../../src/components';
import { LABEL_VALUE_MAX } from '../../src/components/internal/CopyButton';
import type { CallInfo } from '../../src/gateway/model';
import { I18nProvider } from '../../src/i18n';
import { zhCN } from '../../src/i18n/messages/zh-CN';
import { NOW, makeCall } from '../fixtures/callInfos';

const MB = 2 ** 20;
/** "A few hundred characters": the longest label any locale's message plus a capped field makes. */
const LABEL_MAX = 300;
const LABELLED = ['aria-label', 'title', 'aria-description', 'aria-valuetext', 'alt', 'aria-roledescription'];
const lone = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** `length` UTF-16 units of `unit` repeated, with an emoji at every odd offset to trap a bad cut. */
const huge = (unit: string, length = MB) => `${unit}😀`.repeat(Math.ceil(length / (unit.length + 2))).slice(0, length);

const hostile: CallInfo = makeCall({
  callId: huge('1'),
  caller: huge('+86'),
  called: huge('6'),
  originalCalled: huge('4'),
  skill: { id: 20011, name: huge('skill ') },
  callData: huge('note ', 10 * MB),
  trace: {
    wait: { begin: NOW - 65_000, end: NOW - 53_000 },
    answer: { begin: NOW - 53_000, end: NOW - 49_000 },
    talk: { begin: NOW - 49_000, end: null },
    device: { no: 2005, type: { code: 2, kind: 'agent' } },
    directMode: { raw: huge('MODE'), kind: 'unknown' },
    enterReason: { code: 0, kind: 'normal', gatewayText: huge('reason ') },
    leaveReason: { code: 99, kind: 'unknown', gatewayText: huge('left ') },
  },
});

let writeText: ReturnType<typeof vi.fn>;
beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(NOW);
  writeText = vi.fn(() => Promise.resolve());
  Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText } });
});
afterEach(() => {
  Reflect.deleteProperty(navigator, 'clipboard');
  vi.useRealTimers();
});

/** Every labelling attribute in `root`, with where it is. */
function labels(root: Element) {
  return [...root.querySelectorAll('*')].flatMap((element) =>
    LABELLED.filter((name) => element.hasAttribute(name)).map((name) => ({
      where: `${element.tagName.toLowerCase()}.${element.className} [${name}]`,
      value: element.getAttribute(name)!,
    })),
  );
}

describe.each([
  ['en', (ui: React.ReactNode) => ui],
  [
    'zh-CN',
    (ui: React.ReactNode) => (
      <I18nProvider locale="zh-CN" messages={zhCN}>
        {ui}
      </I18nProvider>
    ),
  ],
])('a call with a megabyte in every text field (%s)', (_locale, wrap) => {
  it('builds no label longer than a few hundred characters, and cuts none inside a character', () => {
    const { container } = render(wrap(<CallInfoView callInfo={hostile} status="live" />));
    const found = labels(container);
    // The four copy buttons at least: caller, called, original called, call ID.
    expect(found.filter((l) => l.where.includes('CopyButton'))).toHaveLength(4);
    for (const { where, value } of found) {
      expect({ where, length: value.length }).toEqual({ where, length: expect.toSatisfy((n: number) => n <= LABEL_MAX) });
      expect(lone.test(value), where).toBe(false);
    }
  });

  it('announces the call in a few hundred characters, not the megabyte', async () => {
    const { container } = render(wrap(<CallInfoView callInfo={hostile} status="live" />));
    await vi.advanceTimersByTimeAsync(1_000);
    const spoken = container.querySelector('[role="status"][aria-live="polite"]')!.textContent!;
    expect(spoken).toContain(hostile.caller.slice(0, 20));
    expect(spoken.length).toBeLessThanOrEqual(2 * LABEL_MAX);
    expect(lone.test(spoken)).toBe(false);
  });

  it('keeps the visible numbers and skill whole, and copies the whole value', async () => {
    const { container } = render(wrap(<CallInfoView callInfo={hostile} status="live" />));
    const caller = container.querySelector('[data-party="caller"]')!;
    expect(caller.querySelector('.cip-CallParties-number')!.textContent).toBe(hostile.caller);
    expect(container.querySelector('.cip-SkillTag-name')!.textContent).toBe(hostile.skill.name);
    const button = caller.querySelector('button')!;
    expect(button.getAttribute('aria-label')!.length).toBeLessThan(LABEL_VALUE_MAX + 100);
    fireEvent.click(button);
    await vi.advanceTimersByTimeAsync(0);
    expect(writeText).toHaveBeenCalledWith(hostile.caller);
  });

  it('reads the call data only as far as its first 64 KB, and leaves the model whole', () => {
    const before = hostile.callData;
    const { container } = render(wrap(<CallInfoView callInfo={hostile} status="live" />));
    const view = container.querySelector('[data-slot="call-data-view"]')!;
    expect(view.getAttribute('data-extent')).toBe('cut');
    expect(view.querySelector('.cip-CallDataView-note')).not.toBeNull();
    fireEvent.click(view.querySelector('button')!);
    expect(view.querySelector('.cip-CallDataView-text')!.textContent!.length).toBeLessThanOrEqual(65_536);
    expect(hostile.callData).toBe(before);
    expect(hostile.callData).toHaveLength(10 * MB);
  });
});

import { render, screen } from '@testing-library/react';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CallInfoView, CallParties, CallTimer, CallTypeBadge, MediaBadge } from '../../src/components';
import { I18nProvider } from '../../src/i18n';
import { NOW, T0, outgoingCall, voiceLiveCall } from '../fixtures/callInfos';

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(NOW);
});
afterEach(() => vi.useRealTimers());

describe('right to left', () => {
  it('sets dir="rtl" on the panel root for Arabic', () => {
    render(
      <I18nProvider locale="ar">
        <CallInfoView callInfo={voiceLiveCall} status="live" />
      </I18nProvider>,
    );
    expect(screen.getByRole('region').getAttribute('dir')).toBe('rtl');
  });

  it('keeps phone numbers and call IDs left to right inside RTL text', () => {
    const { container } = render(
      <I18nProvider locale="ar">
        <CallInfoView callInfo={outgoingCall} status="live" />
      </I18nProvider>,
    );
    const numbers = container.querySelectorAll('.cip-CallParties-number, .cip-CallDetails-callId');
    expect(numbers).toHaveLength(3);
    for (const n of numbers) expect(n.getAttribute('dir')).toBe('ltr');
  });

  it('keeps the other party first in RTL: the called number of an outgoing call', () => {
    const { container } = render(
      <I18nProvider locale="ar">
        <div dir="rtl">
          <CallParties caller="60015" called="+8613800138000" callType={{ code: 7, kind: 'outgoing' }} />
        </div>
      </I18nProvider>,
    );
    const first = container.querySelector('.cip-CallParties-party')!;
    expect(first.getAttribute('data-role')).toBe('other');
    expect(first.getAttribute('data-party')).toBe('called');
    expect(first.querySelector('.cip-CallParties-number')!.getAttribute('dir')).toBe('ltr');
  });

  it('mirrors arrows (and only arrows) in RTL, via a stylesheet rule', () => {
    const { container } = render(
      <div dir="rtl">
        <CallTypeBadge callType={{ code: 7, kind: 'outgoing' }} />
        <CallTypeBadge callType={{ code: 53, kind: 'conference' }} />
        <MediaBadge media={{ code: 5, kind: 'voice' }} ability={{ code: 2, kind: 'video' }} />
      </div>,
    );
    expect(container.querySelector('[data-icon="outgoing"]')!.getAttribute('data-mirror')).toBe('rtl');
    expect(container.querySelector('[data-icon="conference"]')!.hasAttribute('data-mirror')).toBe(false);
    expect(container.querySelector('[data-icon="video"]')!.hasAttribute('data-mirror')).toBe(false);
    const tokens = readFileSync(resolve(__dirname, '../../src/theme/tokens.css'), 'utf8');
    expect(tokens).toMatch(/:where\(\[dir='rtl'\] \[data-mirror='rtl'\]\)\s*\{\s*transform: scaleX\(-1\);/);
  });

  it('formats timers with the Arabic locale digits', () => {
    const { container } = render(
      <I18nProvider locale="ar-EG">
        <div dir="rtl">
          <CallTimer start={T0} />
        </div>
      </I18nProvider>,
    );
    expect(container.querySelector('time')!.textContent).toBe('١:٠٥');
  });
});

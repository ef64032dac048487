import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { CallTypeBadge, directionOf } from '../../src/components';
import { otherPartyOf } from '../../src/components/CallTypeBadge/directionOf';
import { CALL_TYPES } from '../../src/gateway/codes';
import { I18nProvider } from '../../src/i18n';
import { en } from '../../src/i18n/messages/en';
import { zhCN } from '../../src/i18n/messages/zh-CN';

const expectedDirection: Record<string, string> = {
  incoming: 'incoming',
  internal: 'internal',
  outgoing: 'outgoing',
  'reserved-outbound': 'outgoing',
  'presold-outbound': 'outgoing',
  'predicted-outbound': 'outgoing',
  'preview-outbound': 'outgoing',
  'reserved-callback': 'outgoing',
  'consult-two-party': 'consultation',
  'consult-three-party': 'consultation',
  conference: 'conference',
};

describe('CallTypeBadge', () => {
  it.each(Object.entries(CALL_TYPES))('shows call type %s in words with its direction', (code, kind) => {
    const { container } = render(<CallTypeBadge callType={{ code: Number(code), kind }} />);
    const root = container.firstElementChild!;
    expect(root.textContent).toBe(en[`callType.${kind}`]);
    expect(root.getAttribute('data-call-type')).toBe(kind);
    expect(root.getAttribute('data-direction')).toBe(expectedDirection[kind]);
    expect(root.querySelector('svg[aria-hidden="true"]')!.getAttribute('data-icon')).toBe(expectedDirection[kind]);
    expect(root.querySelector('.cip-CallTypeBadge-label')!.textContent).toBe(en[`callType.${kind}`]);
  });

  it.each([
    [0, 'incoming', 'Incoming'],
    [7, 'outgoing', 'Outgoing'],
    [44, 'preview-outbound', 'Preview outbound'],
    [51, 'consult-two-party', 'Consultation'],
    [53, 'conference', 'Conference'],
  ] as const)('labels call type %s (%s) with the short word "%s"', (code, kind, label) => {
    const { container } = render(<CallTypeBadge callType={{ code, kind }} />);
    expect(container.textContent).toBe(label);
    expect(container.querySelectorAll('svg')).toHaveLength(1);
  });

  it('shows an unknown call type as "unknown (code 99)"', () => {
    const { container } = render(<CallTypeBadge callType={{ code: 99, kind: 'unknown' }} />);
    expect(container.textContent).toBe('unknown (code 99)');
    expect(container.firstElementChild!.getAttribute('data-call-type')).toBe('unknown');
    expect(container.firstElementChild!.getAttribute('data-direction')).toBe('unknown');
    expect(container.querySelector('svg')!.getAttribute('data-icon')).toBe('question');
  });

  it('shows a missing call type as not reported', () => {
    const { container } = render(<CallTypeBadge callType={null} />);
    expect(container.textContent).toBe('Not reported');
    expect(container.firstElementChild!.getAttribute('data-call-type')).toBe('none');
    expect(container.firstElementChild!.getAttribute('data-direction')).toBe('unknown');
    expect(container.querySelector('svg')!.getAttribute('data-icon')).toBe('question');
  });

  it('maps every call type to a direction', () => {
    expect(directionOf(null)).toBe('unknown');
    expect(directionOf({ code: 45, kind: 'reserved-callback' })).toBe('outgoing');
    expect(directionOf({ code: 53, kind: 'conference' })).toBe('conference');
    expect(directionOf({ code: 99, kind: 'unknown' })).toBe('unknown');
    for (const [code, kind] of Object.entries(CALL_TYPES)) {
      expect(directionOf({ code: Number(code), kind }), kind).toBe(expectedDirection[kind]);
    }
  });

  it('names the other party: the called number of outgoing kinds, the caller of every other', () => {
    for (const [code, kind] of Object.entries(CALL_TYPES)) {
      expect(otherPartyOf({ code: Number(code), kind }), kind).toBe(expectedDirection[kind] === 'outgoing' ? 'called' : 'caller');
    }
    expect(otherPartyOf({ code: 45, kind: 'reserved-callback' })).toBe('called');
    expect(otherPartyOf({ code: 99, kind: 'unknown' })).toBe('caller');
    expect(otherPartyOf(null)).toBe('caller');
    expect(otherPartyOf(undefined)).toBe('caller');
  });

  it('puts classNames on its icon and label', () => {
    const { container } = render(
      <CallTypeBadge callType={{ code: 7, kind: 'outgoing' }} classNames={{ icon: 'i', label: 'l' }} />,
    );
    expect(container.querySelector('svg')!.getAttribute('class')).toBe('cip-CallTypeBadge-icon i');
    expect(container.querySelector('.cip-CallTypeBadge-label')!.className).toBe('cip-CallTypeBadge-label l');
  });

  it('speaks Simplified Chinese', () => {
    render(
      <I18nProvider locale="zh-CN" messages={zhCN}>
        <CallTypeBadge callType={{ code: 43, kind: 'predicted-outbound' }} />
        <CallTypeBadge callType={{ code: 0, kind: 'incoming' }} />
      </I18nProvider>,
    );
    expect(screen.getByText(zhCN['callType.predicted-outbound'])).toBeTruthy();
    expect(screen.getByText('预测外呼')).toBeTruthy();
    expect(screen.getByText('呼入')).toBeTruthy();
  });
});

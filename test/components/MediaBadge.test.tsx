import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { MediaBadge } from '../../src/components';
import { MEDIA_ABILITIES, MEDIA_TYPES, type MediaKind } from '../../src/gateway/codes';
import { I18nProvider } from '../../src/i18n';
import { en } from '../../src/i18n/messages/en';
import { zhCN } from '../../src/i18n/messages/zh-CN';

describe('MediaBadge', () => {
  it.each(Object.entries(MEDIA_TYPES))('shows media type %s as its words and an icon', (code, kind) => {
    const { container } = render(<MediaBadge media={{ code: Number(code), kind }} />);
    const root = container.firstElementChild!;
    expect(root.getAttribute('data-media')).toBe(kind);
    expect(root.textContent).toBe(en[`media.${kind}`]);
    const icon = root.querySelector('svg')!;
    expect(icon.getAttribute('aria-hidden')).toBe('true');
    expect(icon.classList).toContain('cip-MediaBadge-icon');
  });

  it.each(Object.entries(MEDIA_ABILITIES))('adds ability %s in words', (code, kind) => {
    const { container } = render(
      <MediaBadge media={{ code: 5, kind: 'voice' }} ability={{ code: Number(code), kind }} />,
    );
    expect(container.firstElementChild!.getAttribute('data-ability')).toBe(kind);
    expect(container.textContent).toBe(`Voice or video call (${en[`ability.${kind}`]})`);
    expect(container.querySelector('.cip-MediaBadge-ability')!.textContent).toBe(en[`ability.${kind}`]);
  });

  it('shows an unknown media type with its code, never hiding it', () => {
    render(<MediaBadge media={{ code: 99, kind: 'unknown' }} ability={{ code: 9, kind: 'unknown' }} />);
    expect(screen.getByText('unknown (code 99)')).toBeTruthy();
    expect(screen.getByText('unknown (code 9)')).toBeTruthy();
    expect(document.querySelector('[data-media="unknown"][data-ability="unknown"]')).not.toBeNull();
  });

  it('shows "Not reported" when an older gateway sends neither media nor ability', () => {
    const { container } = render(<MediaBadge media={null} />);
    expect(container.firstElementChild!.getAttribute('data-media')).toBe('none');
    expect(container.textContent).toBe('Not reported');
  });

  it('shows the ability alone when only it is known, with a video icon for video', () => {
    const { container } = render(<MediaBadge media={null} ability={{ code: 2, kind: 'video' }} />);
    expect(container.textContent).toBe('video');
    expect(container.querySelector('svg')!.getAttribute('data-icon')).toBe('video');
  });

  it('uses a distinct icon per family, so colour is never the only signal', () => {
    const icon = (kind: MediaKind | 'unknown', code = 1) =>
      render(<MediaBadge media={{ code, kind } as never} />).container.querySelector('svg')!.getAttribute('data-icon');
    expect(new Set([icon('voice'), icon('video'), icon('web-chat'), icon('message'), icon('unknown')]).size).toBe(5);
  });

  it('puts classNames on each part', () => {
    const { container } = render(
      <MediaBadge
        media={{ code: 19, kind: 'video' }}
        ability={{ code: 2, kind: 'video' }}
        classNames={{ icon: 'i', label: 'l', ability: 'a' }}
      />,
    );
    expect(container.querySelector('svg')!.getAttribute('class')).toBe('cip-MediaBadge-icon i');
    expect(container.querySelector('.cip-MediaBadge-label')!.className).toBe('cip-MediaBadge-label l');
    expect(container.querySelector('.cip-MediaBadge-ability')!.className).toBe('cip-MediaBadge-ability a');
  });

  it('speaks Simplified Chinese', () => {
    render(
      <I18nProvider locale="zh-CN" messages={zhCN}>
        <MediaBadge media={{ code: 19, kind: 'video' }} ability={{ code: 3, kind: 'voice-video' }} />
        <MediaBadge media={{ code: 99, kind: 'unknown' }} />
      </I18nProvider>,
    );
    expect(screen.getByText('视频呼叫')).toBeTruthy();
    expect(screen.getByText('语音和视频')).toBeTruthy();
    expect(screen.getByText('未知（代码 99）')).toBeTruthy();
  });
});

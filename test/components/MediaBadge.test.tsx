import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { MediaBadge } from '../../src/components';
import { MEDIA_ABILITIES, MEDIA_TYPES, type MediaKind } from '../../src/gateway/codes';
import { I18nProvider } from '../../src/i18n';
import { en } from '../../src/i18n/messages/en';
import { zhCN } from '../../src/i18n/messages/zh-CN';

const voice = { code: 5, kind: 'voice' } as const;
const iconOf = (root: Element) => root.querySelector('svg')!.getAttribute('data-icon');

describe('MediaBadge', () => {
  it.each(Object.entries(MEDIA_TYPES))('shows media type %s as one short label and an icon', (code, kind) => {
    const { container } = render(<MediaBadge media={{ code: Number(code), kind }} />);
    const root = container.firstElementChild!;
    expect(root.getAttribute('data-media')).toBe(kind);
    expect(root.getAttribute('data-ability')).toBe('none');
    expect(root.textContent).toBe(en[`media.${kind}`]);
    expect(root.querySelector('.cip-MediaBadge-label')!.textContent).toBe(en[`media.${kind}`]);
    const icon = root.querySelector('svg')!;
    expect(icon.getAttribute('aria-hidden')).toBe('true');
    expect(icon.classList).toContain('cip-MediaBadge-icon');
  });

  it('has only the root, icon and label parts: no separate text or ability', () => {
    const { container } = render(<MediaBadge media={voice} ability={{ code: 3, kind: 'voice-video' }} />);
    const root = container.firstElementChild!;
    const parts = [root, ...root.querySelectorAll('*')].flatMap((el) => [...el.classList]);
    expect(parts.sort()).toEqual(['cip-MediaBadge-icon', 'cip-MediaBadge-label', 'cip-MediaBadge-root']);
    expect(root.querySelector('.cip-MediaBadge-text')).toBeNull();
    expect(root.querySelector('.cip-MediaBadge-ability')).toBeNull();
  });

  it.each(Object.entries(MEDIA_ABILITIES))('names a voice-or-video call (code 5) by its ability %s', (code, kind) => {
    const { container } = render(<MediaBadge media={voice} ability={{ code: Number(code), kind }} />);
    const root = container.firstElementChild!;
    expect(root.getAttribute('data-media')).toBe('voice');
    expect(root.getAttribute('data-ability')).toBe(kind);
    expect(root.textContent).toBe(en[`ability.${kind}`]);
  });

  it.each([
    ['voice', 1, 'Voice', 'phone'],
    ['video', 2, 'Video', 'video'],
    ['voice-video', 3, 'Voice and video', 'phone'],
  ] as const)('code 5 with ability %s reads "%s" with the %s icon', (kind, code, label, icon) => {
    const { container } = render(<MediaBadge media={voice} ability={{ code, kind }} />);
    expect(container.textContent).toBe(label);
    expect(iconOf(container.firstElementChild!)).toBe(icon);
  });

  it('leaves a voice call "Voice" when its ability is unknown', () => {
    const { container } = render(<MediaBadge media={voice} ability={{ code: 9, kind: 'unknown' }} />);
    expect(container.textContent).toBe('Voice');
    expect(container.firstElementChild!.getAttribute('data-ability')).toBe('unknown');
    expect(iconOf(container.firstElementChild!)).toBe('phone');
  });

  it('names other media by the media alone, whatever the ability', () => {
    const { container } = render(<MediaBadge media={{ code: 51, kind: 'web-chat' }} ability={{ code: 2, kind: 'video' }} />);
    expect(container.textContent).toBe('Web chat');
    expect(container.firstElementChild!.getAttribute('data-ability')).toBe('video');
  });

  it('shows an unknown media type with its code, never hiding it; the ability adds nothing', () => {
    const { container } = render(<MediaBadge media={{ code: 99, kind: 'unknown' }} ability={{ code: 9, kind: 'unknown' }} />);
    expect(container.textContent).toBe('unknown (code 99)');
    expect(screen.queryByText(/code 9\)/)).toBeNull();
    expect(document.querySelector('[data-media="unknown"][data-ability="unknown"]')).not.toBeNull();
    expect(iconOf(container.firstElementChild!)).toBe('question');
  });

  it('shows an unknown media type with its code even when the ability is known', () => {
    const { container } = render(<MediaBadge media={{ code: 99, kind: 'unknown' }} ability={{ code: 2, kind: 'video' }} />);
    expect(container.textContent).toBe('unknown (code 99)');
    expect(container.firstElementChild!.getAttribute('data-ability')).toBe('video');
  });

  it('shows "Not reported" when an older gateway sends neither media nor ability', () => {
    for (const media of [null, undefined]) {
      const { container, unmount } = render(<MediaBadge media={media} ability={null} />);
      const root = container.firstElementChild!;
      expect(root.getAttribute('data-media')).toBe('none');
      expect(root.getAttribute('data-ability')).toBe('none');
      expect(root.textContent).toBe('Not reported');
      expect(iconOf(root)).toBe('question');
      unmount();
    }
  });

  it.each([
    ['voice', 1, 'Voice', 'phone'],
    ['video', 2, 'Video', 'video'],
    ['voice-video', 3, 'Voice and video', 'phone'],
  ] as const)('shows ability %s alone when only it is known: "%s", %s icon', (kind, code, label, icon) => {
    const { container } = render(<MediaBadge media={null} ability={{ code, kind }} />);
    const root = container.firstElementChild!;
    expect(root.textContent).toBe(label);
    expect(root.getAttribute('data-media')).toBe('none');
    expect(root.getAttribute('data-ability')).toBe(kind);
    expect(iconOf(root)).toBe(icon);
  });

  it('shows an unknown ability with its code when it is all there is', () => {
    const { container } = render(<MediaBadge media={null} ability={{ code: 9, kind: 'unknown' }} />);
    expect(container.textContent).toBe('unknown (code 9)');
    expect(container.firstElementChild!.getAttribute('data-media')).toBe('none');
    expect(container.firstElementChild!.getAttribute('data-ability')).toBe('unknown');
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
        classNames={{ root: 'r', icon: 'i', label: 'l' }}
      />,
    );
    expect(container.firstElementChild!.className).toBe('cip-MediaBadge-root r');
    expect(container.querySelector('svg')!.getAttribute('class')).toBe('cip-MediaBadge-icon i');
    expect(container.querySelector('.cip-MediaBadge-label')!.className).toBe('cip-MediaBadge-label l');
  });

  it('speaks Simplified Chinese', () => {
    const { container } = render(
      <I18nProvider locale="zh-CN" messages={zhCN}>
        <MediaBadge media={{ code: 19, kind: 'video' }} ability={{ code: 3, kind: 'voice-video' }} />
        <MediaBadge media={voice} ability={{ code: 3, kind: 'voice-video' }} />
        <MediaBadge media={{ code: 99, kind: 'unknown' }} />
        <MediaBadge media={null} />
      </I18nProvider>,
    );
    const labels = [...container.querySelectorAll('.cip-MediaBadge-label')].map((l) => l.textContent);
    expect(labels).toEqual([zhCN['media.video'], zhCN['ability.voice-video'], '未知（代码 99）', zhCN['value.notReported']]);
    expect(labels.slice(0, 2)).toEqual(['视频', '语音和视频']);
  });
});

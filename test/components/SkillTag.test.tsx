import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { SkillTag } from '../../src/components';
import { I18nProvider } from '../../src/i18n';
import { zhCN } from '../../src/i18n/messages/zh-CN';
import { xssPayloads } from '../fixtures/callInfos';

describe('SkillTag', () => {
  it('shows the label, the skill name and its ID', () => {
    const { container } = render(<SkillTag name="voice" skillId={20011} />);
    expect(container.textContent).toBe('Skill voice ID 20011');
    expect(container.querySelector('.cip-SkillTag-name')!.textContent).toBe('voice');
    expect(container.querySelector('.cip-SkillTag-id')!.textContent).toBe('ID 20011');
    expect(container.firstElementChild!.getAttribute('data-skill')).toBe('named');
  });

  it('hides a missing ID and names an empty skill', () => {
    const { container } = render(<SkillTag name="" skillId={null} />);
    expect(container.querySelector('.cip-SkillTag-id')).toBeNull();
    expect(container.querySelector('.cip-SkillTag-name')!.textContent).toBe('Not reported');
    expect(container.firstElementChild!.getAttribute('data-skill')).toBe('unnamed');
  });

  it('shows a skill name with markup as text', () => {
    const { container } = render(<SkillTag name={xssPayloads.img} />);
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('.cip-SkillTag-name')!.textContent).toBe(xssPayloads.img);
  });

  it('puts classNames on its parts', () => {
    const { container } = render(<SkillTag name="voice" skillId={1} classNames={{ name: 'n', id: 'd', label: 'l' }} />);
    expect(container.querySelector('.cip-SkillTag-name')!.className).toBe('cip-SkillTag-name n');
    expect(container.querySelector('.cip-SkillTag-id')!.className).toBe('cip-SkillTag-id d');
    expect(container.querySelector('.cip-SkillTag-label')!.className).toBe('cip-SkillTag-label l');
  });

  it('speaks Simplified Chinese', () => {
    const { container } = render(
      <I18nProvider locale="zh-CN" messages={zhCN}>
        <SkillTag name="语音" skillId={3} />
      </I18nProvider>,
    );
    expect(container.textContent).toBe('技能 语音 ID 3');
  });
});

import { describe, expect, it } from 'vitest';
import { CALL_TYPES, DEVICE_TYPES, DIRECT_MODES, MEDIA_ABILITIES, MEDIA_TYPES, REASONS, RETRYABLE_KINDS } from '../../src/gateway/codes';
import type { MessageKey } from '../../src/i18n';
import { en } from '../../src/i18n/messages/en';
import { zhCN } from '../../src/i18n/messages/zh-CN';

const locales = { en, 'zh-CN': zhCN } as Record<string, Record<string, string>>;
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message catalogues', () => {
  it('have exactly the same keys', () => {
    expect(Object.keys(zhCN).sort()).toEqual(Object.keys(en).sort());
  });

  it.each([
    ['callType', CALL_TYPES],
    ['media', MEDIA_TYPES],
    ['ability', MEDIA_ABILITIES],
    ['device', DEVICE_TYPES],
    ['directMode', DIRECT_MODES],
    ['reason', REASONS],
  ])('have words for every %s kind of the code tables', (prefix, table) => {
    for (const kind of Object.values(table)) {
      for (const [locale, messages] of Object.entries(locales)) {
        expect(messages[`${prefix}.${kind}`], `${locale} ${prefix}.${kind}`).toMatch(/\S/);
      }
    }
  });

  it('explain every gateway error kind', () => {
    for (const kind of Object.keys(RETRYABLE_KINDS)) {
      expect(en[`error.${kind}` as MessageKey]).toMatch(/\S/);
      expect(zhCN[`error.${kind}` as MessageKey]).toMatch(/\S/);
    }
  });

  it('use the same placeholders in every locale', () => {
    for (const key of Object.keys(en) as MessageKey[]) {
      expect(placeholders(zhCN[key]), key).toEqual(placeholders(en[key]));
    }
    expect(en.unknownCode).toBe('unknown (code {code})');
  });

  it('are translated: Chinese text for all but codes and formats', () => {
    const sameInBoth = new Set(['label.vdn', 'label.skillId', 'trace.span', 'trace.deviceValue', 'mediaWithAbility']);
    for (const key of Object.keys(en) as MessageKey[]) {
      if (sameInBoth.has(key)) continue;
      expect(zhCN[key], key).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('keep reason texts distinct, so no two codes read the same', () => {
    for (const messages of Object.values(locales)) {
      const reasons = Object.values(REASONS).map((kind) => messages[`reason.${kind}`]);
      expect(new Set(reasons).size).toBe(reasons.length);
    }
  });
});

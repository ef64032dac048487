import { describe, expect, it } from 'vitest';
import { CALL_TYPES, DEVICE_TYPES, DIRECT_MODES, MEDIA_ABILITIES, MEDIA_TYPES, REASONS, RETRYABLE_KINDS } from '../../src/gateway/codes';
import type { MessageKey } from '../../src/i18n';
import { en } from '../../src/i18n/messages/en';
import { zhCN } from '../../src/i18n/messages/zh-CN';
import { ar } from '../../src/i18n/messages/ar';

const locales = { en, 'zh-CN': zhCN, ar } as Record<string, Record<string, string>>;
/** Every locale but English, each checked against it. */
const extraLocales = Object.entries({ 'zh-CN': zhCN, ar });
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message catalogues', () => {
  it.each(extraLocales)('%s has exactly the keys of en', (_locale, messages) => {
    expect(Object.keys(messages).sort()).toEqual(Object.keys(en).sort());
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
      for (const [locale, messages] of extraLocales) expect(messages[`error.${kind}` as MessageKey], locale).toMatch(/\S/);
    }
  });

  it('give every error kind but the session ones a headline, in every locale', () => {
    const sessionKinds = ['not-signed-in', 'auth-expired'];
    for (const kind of Object.keys(RETRYABLE_KINDS)) {
      for (const [locale, messages] of Object.entries(locales)) {
        const headline = messages[`headline.${kind}`];
        if (sessionKinds.includes(kind)) expect(headline, `${locale} headline.${kind}`).toBeUndefined();
        else expect(headline, `${locale} headline.${kind}`).toMatch(/\S/);
      }
    }
    expect(en['headline.network']).toBe('Gateway unreachable');
    expect(zhCN['headline.network']).toBe('无法连接网关');
  });

  it('name every call phase, with chat words for ringing and talking, in every locale', () => {
    const phases = ['queued', 'ringing', 'ringingChat', 'talking', 'talkingChat', 'held', 'ended', 'in-progress'];
    for (const [locale, messages] of Object.entries(locales)) {
      for (const phase of phases) expect(messages[`phase.${phase}`], `${locale} phase.${phase}`).toMatch(/\S/);
      expect(messages['phase.ringingChat'], locale).not.toBe(messages['phase.ringing']);
      expect(messages['phase.talkingChat'], locale).not.toBe(messages['phase.talking']);
    }
    expect(en['phase.talking']).toBe('Talking');
    expect(en['phase.talkingChat']).toBe('Chatting');
    expect(zhCN['phase.held']).toBe('保持中');
  });

  it('announce hold, resume and an expired session, and explain the hold timer, in every locale', () => {
    for (const [locale, messages] of Object.entries(locales)) {
      for (const key of ['announce.held', 'announce.resumed']) expect(placeholders(messages[key] ?? ''), `${locale} ${key}`).toEqual(['party']);
      expect(messages['announce.sessionExpired'], locale).toMatch(/\S/);
      expect(messages['status.holdSince'], locale).toMatch(/\S/);
    }
    expect(en['announce.held']).toBe('Call with {party} on hold');
    expect(en['announce.resumed']).toBe('Call with {party} resumed');
    expect(en['announce.sessionExpired']).toBe('Session expired. The call shown is no longer updated.');
  });

  it('keep call types, media and abilities short, abilities capitalised', () => {
    expect(en['callType.incoming']).toBe('Incoming');
    expect(en['callType.outgoing']).toBe('Outgoing');
    expect(en['callType.preview-outbound']).toBe('Preview outbound');
    expect(en['callType.consult-two-party']).toBe('Consultation');
    expect(en['callType.conference']).toBe('Conference');
    expect(en['media.voice']).toBe('Voice');
    expect(en['media.video']).toBe('Video');
    expect(en['media.web-chat']).toBe('Web chat');
    expect(en['media.click-to-dial']).toBe('Click to dial');
    expect(en['ability.voice']).toBe('Voice');
    expect(en['ability.video']).toBe('Video');
    expect(en['ability.voice-video']).toBe('Voice and video');
    for (const prefix of ['callType', 'media', 'ability']) {
      for (const [key, text] of Object.entries(en).filter(([k]) => k.startsWith(`${prefix}.`))) {
        expect(text.split(' ').length, key).toBeLessThanOrEqual(3);
        expect(text, key).not.toMatch(/\bcall\b/i);
        expect(text[0], key).toBe(text[0]!.toUpperCase());
      }
    }
  });

  it('no longer carry the direction words or the media-with-ability format', () => {
    for (const [locale, messages] of Object.entries(locales)) {
      const stale = Object.keys(messages).filter((key) => key.startsWith('direction.') || key === 'mediaWithAbility');
      expect(stale, locale).toEqual([]);
    }
  });

  it('use the same placeholders in every locale', () => {
    for (const key of Object.keys(en) as MessageKey[]) {
      for (const [locale, messages] of extraLocales) {
        expect(messages[key], `${locale} ${key}`).toBeTypeOf('string');
        expect(placeholders(messages[key] ?? ''), `${locale} ${key}`).toEqual(placeholders(en[key]));
      }
    }
    expect(en.unknownCode).toBe('unknown (code {code})');
  });

  it('are translated: Chinese text for all but codes and formats', () => {
    const sameInBoth = new Set(['label.vdn', 'label.skillId', 'trace.span', 'trace.deviceValue']);
    for (const key of Object.keys(en) as MessageKey[]) {
      if (sameInBoth.has(key)) continue;
      expect(zhCN[key], key).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('are translated: Arabic text for all but codes and formats', () => {
    const sameInBoth = new Set(['label.vdn', 'trace.span', 'trace.deviceValue']);
    for (const key of Object.keys(en) as MessageKey[]) {
      if (sameInBoth.has(key)) continue;
      expect(ar[key], key).toMatch(/[\u0600-\u06ff]/);
    }
  });

  it('keep reason texts distinct, so no two codes read the same', () => {
    for (const messages of Object.values(locales)) {
      const reasons = Object.values(REASONS).map((kind) => messages[`reason.${kind}`]);
      expect(new Set(reasons).size).toBe(reasons.length);
    }
  });
});

/**
 * Render never throws: whatever answer the parser turns into a call, the whole panel view
 * (`CallInfoView`) renders it in English, Simplified Chinese and Arabic, live and as the last
 * call, fresh and stale, without throwing and without showing NaN, undefined, null, Invalid
 * Date, Infinity or a negative duration.
 *
 * Each generated call is rendered 13 times: the 12 combinations with React's server renderer
 * (every component body runs; fast, no DOM), and one of them, in turn, with React DOM in jsdom
 * (effects, the live region, the shared clock). React DOM in jsdom costs about 12 ms a panel:
 * all 12 that way would add some 15 s to `npm test` for little more coverage.
 */
import { render } from '@testing-library/react';
import fc from 'fast-check';
import { Component, type ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CallInfoView } from '../../src/components';
import { parseCallData } from '../../src/components/CallDataView/parseCallData';
import type { CallInfoFreshness } from '../../src/components/CallInfoView/types';
import { GatewayError } from '../../src/gateway/GatewayError';
import type { CallInfo } from '../../src/gateway/model';
import { parseCallInfoResponse } from '../../src/gateway/parseCallInfoResponse';
import { I18nProvider } from '../../src/i18n';
import type { Messages } from '../../src/i18n/Messages';
import { zhCN } from '../../src/i18n/messages/zh-CN';
import { NOW, RENDER_RUNS, anyJson, hostileAnswer, mutatedAnswer } from './support/arbitraries';
import { talkingCall } from '../fixtures/wire';
import { badDurations, durationElements, forbiddenWordsIn } from './support/dom';
import { badDurationsInMarkup, durationCountInMarkup, forbiddenWordsInMarkup } from './support/markup';

interface Combo {
  readonly locale: string;
  readonly messages: Partial<Messages> | undefined;
  readonly status: 'live' | 'last-call';
  readonly freshness: CallInfoFreshness;
}

const LOCALES: ReadonlyArray<{ locale: string; messages?: Partial<Messages> }> = [
  { locale: 'en' },
  { locale: 'zh-CN', messages: zhCN },
  { locale: 'ar' },
];
const COMBOS: readonly Combo[] = LOCALES.flatMap(({ locale, messages }) =>
  (['live', 'last-call'] as const).flatMap((status) =>
    (['fresh', 'stale'] as const).map((freshness) => ({ locale, messages, status, freshness })),
  ),
);
/**
 * The edge-case answers are the point; the parser's own mutations and arbitrary JSON (fuzzed
 * 100,000 times by `npm run test:fuzz` for the parser alone) get half as many renders here.
 */
const SECONDARY_RUNS = Math.max(1, Math.ceil(RENDER_RUNS / 2));
const STALE_ERROR = new GatewayError('network', 'The gateway could not be reached.');
const noop = () => {};

function panel(call: CallInfo, { locale, messages, status, freshness }: Combo) {
  return (
    <I18nProvider locale={locale} messages={messages}>
      <CallInfoView
        callInfo={call}
        status={status}
        freshness={freshness}
        lastUpdatedAt={freshness === 'stale' ? NOW - 42_000 : null}
        error={freshness === 'stale' ? STALE_ERROR : null}
        onRetry={noop}
      />
    </I18nProvider>
  );
}

/** Catches a render error so that the property reports it with its input. */
class Catch extends Component<{ onError: (error: unknown) => void; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override componentDidCatch(error: unknown) {
    this.props.onError(error);
  }
  override render() {
    return this.state.failed ? null : this.props.children;
  }
}

/** Untrusted strings the panel shows as they came (see `forbiddenWordsIn`). */
function echoedStrings(call: CallInfo): string[] {
  const echoed = [call.callId, call.caller, call.called, call.originalCalled ?? '', call.skill.name, call.callData];
  const data = parseCallData(call.callData);
  const walk = (entries: ReadonlyArray<readonly [string, string | { readonly entries: ReadonlyArray<readonly [string, unknown]> }]>) => {
    for (const [key, value] of entries) {
      echoed.push(key);
      if (typeof value === 'string') echoed.push(value);
      else walk(value.entries as Parameters<typeof walk>[0]);
    }
  };
  if (data.format === 'json' || data.format === 'pairs') walk(data.entries);
  if (call.trace) {
    echoed.push(call.trace.directMode?.raw ?? '', call.trace.enterReason?.gatewayText ?? '', call.trace.leaveReason?.gatewayText ?? '');
  }
  return echoed;
}

const describeCombo = ({ locale, status, freshness }: Combo) => `${locale} ${status} ${freshness}`;

const stats = { answers: 0, calls: 0, serverRenders: 0, domRenders: 0, durationsChecked: 0 };

/** The 12 combinations with the server renderer. */
function serverProblems(call: CallInfo): string[] {
  const problems: string[] = [];
  const echoed = echoedStrings(call);
  for (const combo of COMBOS) {
    const where = describeCombo(combo);
    let html: string;
    try {
      html = renderToStaticMarkup(panel(call, combo));
    } catch (error) {
      problems.push(`${where} (server): threw ${String(error)}`);
      continue;
    }
    stats.serverRenders += 1;
    if (!html.includes(`data-status="${combo.status}"`) || !html.includes('cip-CallInfoView-call')) {
      problems.push(`${where} (server): the call is not shown`);
    }
    stats.durationsChecked += durationCountInMarkup(html);
    for (const word of forbiddenWordsInMarkup(html, echoed)) problems.push(`${where} (server): shows ${word}`);
    for (const bad of badDurationsInMarkup(html)) problems.push(`${where} (server): ${bad}`);
  }
  return problems;
}

/** One combination with React DOM, mounted, effects run. */
function domProblems(call: CallInfo, combo: Combo): string[] {
  const problems: string[] = [];
  const where = `${describeCombo(combo)} (dom)`;
  const errors: unknown[] = [];
  // React logs what an error boundary caught; the property reports it instead.
  const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
  try {
    const { container, unmount } = render(<Catch onError={(error) => errors.push(error)}>{panel(call, combo)}</Catch>);
    stats.domRenders += 1;
    if (errors.length > 0) {
      problems.push(`${where}: threw ${String(errors[0])}`);
    } else {
      const root = container.querySelector('[data-slot="call-info-view"]');
      if (!root || root.getAttribute('data-status') !== combo.status || !root.querySelector('.cip-CallInfoView-call')) {
        problems.push(`${where}: the call is not shown`);
      } else {
        stats.durationsChecked += durationElements(root).length;
        for (const word of forbiddenWordsIn(root, echoedStrings(call))) problems.push(`${where}: shows ${word}`);
        for (const bad of badDurations(root)) problems.push(`${where}: ${bad}`);
      }
    }
    unmount();
    if (errors.length > 0 && problems.length === 0) problems.push(`${where}: threw on unmount ${String(errors[0])}`);
  } catch (error) {
    problems.push(`${where}: render threw ${String(error)}`);
  } finally {
    consoleError.mockRestore();
  }
  return problems;
}

/** The property: parse; a call (if any) renders cleanly in every combination. */
function rendersCleanly(answer: unknown): void {
  const index = stats.answers++;
  let call: CallInfo | null;
  try {
    call = parseCallInfoResponse(answer);
  } catch (error) {
    expect(error).toBeInstanceOf(GatewayError);
    return;
  }
  if (call === null) return;
  stats.calls += 1;
  expect([...serverProblems(call), ...domProblems(call, COMBOS[index % COMBOS.length]!)]).toEqual([]);
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(NOW);
});
afterEach(() => {
  vi.useRealTimers();
});
afterAll(() => {
  console.info(
    `renderAnyParsed: ${stats.answers} answers, ${stats.calls} calls, ${stats.serverRenders} server + ${stats.domRenders} DOM renders, ${stats.durationsChecked} durations checked`,
  );
});

describe(`CallInfoView renders every parsed call (${RENDER_RUNS} edge-case answers, ${SECONDARY_RUNS} of each other kind; en, zh-CN, ar × live, last call × fresh, stale)`, () => {
  /** Runs a property and checks it rendered calls, not only parse failures and "no call"s. */
  function assertRenders<T>(arbitrary: fc.Arbitrary<T>, runs: number, toAnswer: (value: T) => unknown, minCallShare: number) {
    const before = { ...stats };
    fc.assert(fc.property(arbitrary, (value) => rendersCleanly(toAnswer(value))), { numRuns: runs });
    const calls = stats.calls - before.calls;
    expect(stats.answers - before.answers).toBeGreaterThanOrEqual(runs);
    expect(calls).toBeGreaterThanOrEqual(Math.floor(runs * minCallShare));
    expect(stats.serverRenders - before.serverRenders).toBe(calls * COMBOS.length);
    if (minCallShare >= 0.5) expect(stats.durationsChecked - before.durationsChecked).toBeGreaterThanOrEqual(calls);
  }

  it('for answers whose every field sits at an edge (times, numbers, texts)', () => {
    assertRenders(hostileAnswer, RENDER_RUNS, (answer) => answer, 0.9);
  }, 60_000);

  it('for real answers with fields deleted, nulled, retyped or replaced', () => {
    // Most mutations break the envelope or the call ID (the parser's business); some stay calls.
    assertRenders(mutatedAnswer, SECONDARY_RUNS, (answer) => answer, 0.05);
  }, 60_000);

  it('for arbitrary JSON fields in a success envelope', () => {
    const fields = fc.dictionary(
      fc.constantFrom('caller', 'callskill', 'calldata', 'begintime', 'endtime', 'waitTime', 'trace', 'mediaType', 'x'),
      anyJson,
      { maxKeys: 6 },
    );
    // A live call with times (so timers show) whose fields are then replaced by any JSON; the call
    // ID stays valid so that most answers are calls (an object or array in a value's place is not).
    const base = { begintime: NOW - 60_000, trace: { talkBeginTime: NOW - 30_000 } };
    assertRenders(fields, SECONDARY_RUNS, (f) => ({ retcode: '0', message: '', result: { ...base, ...f, callid: '1-1' } }), 0.1);
  }, 60_000);

  it('a moment past what Date can hold (8.64e15 ms) renders as a call, not a crash (regression example)', () => {
    const answer = ringingSince(8.64e15 + 1);
    const call = parseCallInfoResponse(answer);
    expect(call).not.toBeNull();
    expect([...serverProblems(call!), ...domProblems(call!, COMBOS[0]!)]).toEqual([]);
  });

  it('a wait time too large to show in milliseconds renders as a duration, not "∞:NaN:NaN" (regression example)', () => {
    const answer = ringingSince(NOW - 60_000, { waitTime: 1e308 });
    const call = parseCallInfoResponse(answer);
    expect(call).not.toBeNull();
    expect([...serverProblems(call!), ...domProblems(call!, COMBOS[0]!)]).toEqual([]);
  });
});

/** A live call, ringing since `answerBegin`. */
function ringingSince(answerBegin: number, overrides: Record<string, unknown> = {}) {
  return talkingCall(
    { begintime: NOW - 65_000, ...overrides },
    { waitBeginTime: NOW - 65_000, waitEndTime: NOW - 53_000, answerBeginTime: answerBegin, answerEndTime: 0, talkBeginTime: 0 },
  );
}

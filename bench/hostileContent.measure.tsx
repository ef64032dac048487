import { act, fireEvent, render } from '@testing-library/react';
import { expect, it } from 'vitest';
import { CallInfoView } from '../src/components';
import { makeCall } from '../test/fixtures/callInfos';
import { record } from './record';

const MB = 2 ** 20;
const RUNS = 7;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Ten megabytes of call data: text, and `key=value` pairs (as parsed off the wire already). */
const text = 'please call back after 5pm; '.repeat(Math.ceil((10 * MB) / 28)).slice(0, 10 * MB);
const pairs = Array.from({ length: Math.ceil((10 * MB) / 24) }, (_, i) => `key${i}=value-${i}`).join(';').slice(0, 10 * MB);

/**
 * Main-thread time, ms, of mounting the whole panel for a call with `callData` (and, with
 * `expand`, of then pressing Show all): the median of `RUNS` mounts, after one warm-up.
 */
/** How many pairs Show all renders for `callData`. */
function entriesShown(callData: string): number {
  const { container, unmount } = render(<CallInfoView callInfo={makeCall({ callData })} status="live" />);
  act(() => void fireEvent.click(container.querySelector('.cip-CallDataView-toggle')!));
  const count = container.querySelectorAll('.cip-CallDataView-entry').length;
  unmount();
  return count;
}

function mountCost(callData: string, expand: boolean): number {
  const call = makeCall({ callData });
  const times: number[] = [];
  for (let run = 0; run <= RUNS; run += 1) {
    const start = performance.now();
    const { container, unmount } = render(<CallInfoView callInfo={call} status="live" />);
    if (expand) act(() => void fireEvent.click(container.querySelector('.cip-CallDataView-toggle')!));
    const elapsed = performance.now() - start;
    expect(container.querySelector('[data-extent="cut"]')).not.toBeNull();
    unmount();
    if (run > 0) times.push(elapsed);
  }
  return median(times);
}

it('main-thread cost of 10 MB of call data', () => {
  record({
    measure: 'Mount of the whole panel with 10 MB of call data (text), jsdom',
    value: mountCost(text, false),
    unit: 'ms',
    goal: '< 50 ms',
    note: `median of ${RUNS}; only the first 64 KB is read`,
  });
  record({
    measure: 'Same, 10 MB of `key=value` pairs',
    value: mountCost(pairs, false),
    unit: 'ms',
    goal: '< 50 ms',
    note: `median of ${RUNS}; the pairs within the first 64 KB parsed, 6 shown`,
  });
  record({
    measure: 'Same, text, then Show all',
    value: mountCost(text, true),
    unit: 'ms',
    goal: '< 50 ms',
    note: `median of ${RUNS}; 64 KB of text shown`,
  });
  record({
    measure: 'Same, pairs, then Show all',
    value: mountCost(pairs, true),
    unit: 'ms',
    goal: 'a figure',
    note: `median of ${RUNS}; every pair within the first 64 KB (${entriesShown(pairs)}) rendered, in jsdom`,
  });
});

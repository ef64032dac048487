import { appendFileSync } from 'node:fs';

export interface Figure {
  /** What was measured, as the table shows it. */
  readonly measure: string;
  readonly value: number;
  readonly unit: string;
  /** The goal, as text (`0`, `< 1 MB`...). */
  readonly goal: string;
  readonly note?: string;
}

/** Appends a figure for scripts/bench.mjs to print (one JSON line per figure). */
export function record(figure: Figure): void {
  const out = process.env.BENCH_OUT;
  if (out) appendFileSync(out, `${JSON.stringify(figure)}\n`);
  else console.log(figure);
}

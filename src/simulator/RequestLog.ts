import type { FaultKind } from './faults';

/** How a logged request ended. */
export type RequestOutcome = 'pending' | 'answered' | 'network-error' | 'aborted';

/** One request the simulator received. Never holds the Guid. */
export interface RequestLogEntry {
  /** 1 for the first request since the simulator was made (or the log cleared). */
  readonly seq: number;
  /** Epoch ms on the simulator's clock when it arrived. */
  readonly time: number;
  readonly method: string;
  /** From the path; `null` when the path was not the interface's. */
  readonly agentId: string | null;
  /** Path and query, as received. */
  readonly path: string;
  readonly outcome: RequestOutcome;
  readonly status: number | null;
  /** The envelope's retcode, when the answer carried one. */
  readonly retcode: string | null;
  /** HTTP 200 with retcode `"0"`. */
  readonly ok: boolean;
  /** The injected fault that shaped the answer, if any. */
  readonly fault: FaultKind | null;
}

type Finish = Pick<RequestLogEntry, 'outcome' | 'status' | 'retcode' | 'fault'>;

/**
 * The requests the simulator received, newest last. Keeps the last `limit` entries
 * (default 1000); `count` counts every request since the last `clear()`.
 */
export class RequestLog {
  private entries: RequestLogEntry[] = [];
  private total = 0;

  constructor(private readonly limit = 1000) {}

  /** Requests received since the last `clear()`, those dropped from `list` included. */
  get count(): number {
    return this.total;
  }

  /** The kept entries, oldest first (a copy). */
  get list(): readonly RequestLogEntry[] {
    return [...this.entries];
  }

  /** The kept entries for one agent. */
  forAgent(agentId: string): readonly RequestLogEntry[] {
    return this.entries.filter((entry) => entry.agentId === agentId);
  }

  clear(): void {
    this.entries = [];
    this.total = 0;
  }

  /** Logs a request as it arrives; returns the function that records how it ended. */
  start(arrival: Pick<RequestLogEntry, 'time' | 'method' | 'agentId' | 'path'>): (finish: Finish) => void {
    this.total += 1;
    const seq = this.total;
    this.push({ seq, ...arrival, outcome: 'pending', status: null, retcode: null, ok: false, fault: null });
    return (finish) => {
      const index = this.entries.findIndex((entry) => entry.seq === seq);
      const entry = this.entries[index];
      if (entry === undefined) return;
      const ok = finish.outcome === 'answered' && finish.status === 200 && finish.retcode === '0';
      this.entries[index] = Object.freeze({ ...entry, ...finish, ok });
    };
  }

  private push(entry: RequestLogEntry): void {
    this.entries.push(Object.freeze(entry));
    if (this.entries.length > this.limit) this.entries.splice(0, this.entries.length - this.limit);
  }
}

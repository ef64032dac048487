import type { Fault } from './faults';

/** Where and how long a fault applies. */
export interface FaultOptions {
  /** Only this agent's requests. Default: every agent's. */
  agentId?: string;
  /**
   * How many polls of "query call information" it affects (the sibling interfaces' requests in
   * between meet it too, without using it up). Default: until cleared.
   */
  times?: number;
}

/** An injected fault as listed by the simulator. */
export interface ActiveFault {
  readonly id: number;
  readonly fault: Fault;
  readonly agentId: string | null;
  /** Requests it will still affect; `null` for "until cleared". */
  readonly remaining: number | null;
}

/** What the faults do to one request. */
export interface FaultPlan {
  readonly delayMs: number;
  readonly rotateGuid: boolean;
  /** The fault that replaces the answer, if any. */
  readonly answer: Exclude<Fault, { kind: 'delay' } | { kind: 'rotate-guid' }> | null;
}

interface Entry {
  readonly id: number;
  readonly fault: Fault;
  readonly agentId: string | null;
  remaining: number;
}

/**
 * The injected faults, in injection order. For each request, every matching `delay` adds up and
 * every matching `rotate-guid` applies; the first matching fault of another kind replaces the
 * answer. Each fault applied uses up one of its `times`.
 */
export class FaultBoard {
  private entries: Entry[] = [];
  private nextId = 1;

  /** Adds a fault; returns its ID. */
  add(fault: Fault, options: FaultOptions = {}): number {
    const times = options.times ?? Number.POSITIVE_INFINITY;
    if (!(times >= 1)) throw new RangeError('A fault must apply at least once (times >= 1).');
    if (fault.kind === 'delay' && !(Number.isFinite(fault.ms) && fault.ms >= 0)) {
      throw new RangeError('A delay fault needs a finite, non-negative ms.');
    }
    const id = this.nextId++;
    this.entries.push({ id, fault, agentId: options.agentId ?? null, remaining: Math.floor(times) });
    return id;
  }

  /** Removes one fault by ID; `false` if it was not there (used up or cleared). */
  remove(id: number): boolean {
    const before = this.entries.length;
    this.entries = this.entries.filter((entry) => entry.id !== id);
    return this.entries.length < before;
  }

  /** Removes every fault, or (given an agent ID) that agent's own faults. */
  clear(agentId?: string): void {
    this.entries = agentId === undefined ? [] : this.entries.filter((entry) => entry.agentId !== agentId);
  }

  list(): ActiveFault[] {
    return this.entries.map(({ id, fault, agentId, remaining }) => ({
      id,
      fault,
      agentId,
      remaining: Number.isFinite(remaining) ? remaining : null,
    }));
  }

  /**
   * Works out the faults for one request of `agentId`. A poll of "query call information"
   * (`counted`) uses them up; a request to a sibling interface meets the same delays and answers
   * without using them up, and rotates no Guid: "the next 3 requests fail" means the next 3 polls,
   * whatever the other interfaces ask in between.
   */
  take(agentId: string, counted = true): FaultPlan {
    let delayMs = 0;
    let rotateGuid = false;
    let answer: FaultPlan['answer'] = null;
    for (const entry of this.entries) {
      if (entry.agentId !== null && entry.agentId !== agentId) continue;
      const { fault } = entry;
      if (fault.kind === 'delay') delayMs += fault.ms;
      else if (fault.kind === 'rotate-guid') {
        if (!counted) continue;
        rotateGuid = true;
      } else if (answer === null) answer = fault;
      else continue;
      if (counted) entry.remaining -= 1;
    }
    this.entries = this.entries.filter((entry) => entry.remaining > 0);
    return { delayMs, rotateGuid, answer };
  }
}

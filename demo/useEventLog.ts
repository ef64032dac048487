import { useCallback, useState } from 'react';

export type LogTone = 'info' | 'ok' | 'error';

export interface LogEntry {
  readonly id: number;
  readonly time: number;
  readonly text: string;
  readonly tone: LogTone;
}

const MAX_ENTRIES = 40;
let nextId = 1;

/** The desktop's event log: newest first, bounded. Callers write words, never a Guid. */
export function useEventLog() {
  const [entries, setEntries] = useState<readonly LogEntry[]>([]);
  const log = useCallback((text: string, tone: LogTone = 'info') => {
    const entry: LogEntry = { id: nextId++, time: Date.now(), text, tone };
    setEntries((previous) => [entry, ...previous].slice(0, MAX_ENTRIES));
  }, []);
  return { entries, log };
}

/**
 * The analysis window (docs/metrics.md §2): a half-open UTC interval [start, end).
 * Kept as ISO strings with a "Z" so it serialises as-is into JSON outputs.
 */
export interface AnalysisWindow {
  start: string;
  end: string;
}

const DAY_MS = 86_400_000;

/** The window of generated data: [start, start + days). */
export function generatedWindow(start: Date, days: number): AnalysisWindow {
  return { start: start.toISOString(), end: new Date(start.getTime() + days * DAY_MS).toISOString() };
}

/** The window of brought data: [UTC day of the first event, UTC day after the last event). */
export function observedWindow(firstEvent: Date, lastEvent: Date): AnalysisWindow {
  const startDay = Math.floor(firstEvent.getTime() / DAY_MS) * DAY_MS;
  const endDay = (Math.floor(lastEvent.getTime() / DAY_MS) + 1) * DAY_MS;
  return { start: new Date(startDay).toISOString(), end: new Date(endDay).toISOString() };
}

/** A TIMESTAMP literal for DuckDB, e.g. TIMESTAMP '2025-01-01 00:00:00.000'. */
export function sqlTimestamp(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) throw new RangeError(`not a timestamp: ${iso}`);
  return `TIMESTAMP '${d.toISOString().replace("T", " ").replace("Z", "")}'`;
}

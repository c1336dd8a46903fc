/**
 * The analysis window (docs/metrics.md §2): a half-open interval [start, end) of instants, and the time
 * zone whose calendar cuts its days, weeks and months (UTC when absent).
 * Kept as ISO strings with a "Z" so it serialises as-is into JSON outputs.
 */
import { DEFAULT_TIMEZONE } from "./timezone";

export interface AnalysisWindow {
  start: string;
  end: string;
  /** IANA name of the zone whose calendar days the analyses use (lib/dataset/timezone.ts); UTC when absent. */
  timezone?: string;
}

const DAY_MS = 86_400_000;

/** The window's time zone. */
export function windowTimezone(window: AnalysisWindow): string {
  return window.timezone ?? DEFAULT_TIMEZONE;
}

/** The window as millisecond ISO strings with "Z" and its zone: the form the JSON outputs show. */
export function normalizedWindow(window: AnalysisWindow): Required<AnalysisWindow> {
  return { start: new Date(window.start).toISOString(), end: new Date(window.end).toISOString(), timezone: windowTimezone(window) };
}

/** The window of generated data: [start, start + days). */
export function generatedWindow(start: Date, days: number): AnalysisWindow {
  return { start: start.toISOString(), end: new Date(start.getTime() + days * DAY_MS).toISOString() };
}

/** A TIMESTAMP literal for DuckDB, e.g. TIMESTAMP '2025-01-01 00:00:00.000'. */
export function sqlTimestamp(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) throw new RangeError(`not a timestamp: ${iso}`);
  return `TIMESTAMP '${d.toISOString().replace("T", " ").replace("Z", "")}'`;
}

/**
 * The calibration and holdout periods as whole UTC days inside the analysis window. Days are numbered
 * from the window's first day (day 0); the window [start, end) covers days 0 … days − 1.
 */
import type { AnalysisWindow } from "../dataset/window";

const DAY_MS = 86_400_000;

export type TimeUnit = "day" | "week";

export const UNIT_DAYS: Record<TimeUnit, number> = { day: 1, week: 7 };

export interface Periods {
  /** The window's first day, YYYY-MM-DD. */
  startDate: string;
  /** Days in the window. */
  days: number;
  /** Last day of calibration (inclusive), as a day number. */
  calibrationEndDay: number;
}

export function windowDays(window: AnalysisWindow): { startDate: string; days: number } {
  const start = Date.parse(window.start);
  const end = Date.parse(window.end);
  const startDay = Math.floor(start / DAY_MS) * DAY_MS;
  return { startDate: isoDate(startDay), days: Math.ceil((end - startDay) / DAY_MS) };
}

/** The periods for `calibrationEnd` (YYYY-MM-DD, inclusive), by default the first two thirds of the window. */
export function periodsFor(window: AnalysisWindow, calibrationEnd?: string): Periods {
  const { startDate, days } = windowDays(window);
  if (days < 2) throw new RangeError(`the window ${window.start} – ${window.end} is shorter than two days: no room for a holdout`);
  let endDay = Math.floor((2 * days) / 3) - 1;
  if (calibrationEnd !== undefined) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(calibrationEnd) || Number.isNaN(Date.parse(`${calibrationEnd}T00:00:00Z`))) {
      throw new RangeError(`calibration end must be a date YYYY-MM-DD, got "${calibrationEnd}"`);
    }
    endDay = Math.round((Date.parse(`${calibrationEnd}T00:00:00Z`) - Date.parse(`${startDate}T00:00:00Z`)) / DAY_MS);
    if (endDay < 0 || endDay >= days - 1) {
      throw new RangeError(
        `calibration end ${calibrationEnd} must fall inside the data's window and leave a holdout: from ${startDate} to ${dayDate(startDate, days - 2)}`,
      );
    }
  }
  return { startDate, days, calibrationEndDay: endDay };
}

/** The date of day number `day`. */
export function dayDate(startDate: string, day: number): string {
  return isoDate(Date.parse(`${startDate}T00:00:00Z`) + day * DAY_MS);
}

function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

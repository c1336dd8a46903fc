/**
 * The calibration and holdout periods as whole calendar days, in the window's time zone, inside the
 * analysis window. Days are numbered from the window's first day (day 0); the window [start, end) covers
 * days 0 … days − 1. Day numbers are date arithmetic on calendar dates (a day of 23 or 25 hours across
 * a daylight-saving change is still one day); SQL cuts the instants with the zone (customerSql.ts).
 */
import { type AnalysisWindow, windowTimezone } from "../dataset/window";
import { calendarDay } from "../format";

const DAY_MS = 86_400_000;

export type TimeUnit = "day" | "week";

export const UNIT_DAYS: Record<TimeUnit, number> = { day: 1, week: 7 };

export interface Periods {
  /** The window's first day, YYYY-MM-DD. */
  startDate: string;
  /** Days in the window. */
  days: number;
  /** IANA time zone whose calendar days these are. */
  timezone: string;
  /** Last day of calibration (inclusive), as a day number. */
  calibrationEndDay: number;
}

/** The window's first calendar day in its zone, and how many calendar days it touches. */
export function windowDays(window: AnalysisWindow): { startDate: string; days: number; timezone: string } {
  const timezone = windowTimezone(window);
  const startDate = calendarDay(window.start, timezone);
  const lastDate = calendarDay(Date.parse(window.end) - 1, timezone);
  return { startDate, days: Math.max(0, dateDistance(startDate, lastDate) + 1), timezone };
}

/** Whole days from one YYYY-MM-DD date to another (calendar arithmetic, no zone involved). */
function dateDistance(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** The periods for `calibrationEnd` (YYYY-MM-DD, inclusive), by default the first two thirds of the window. */
export function periodsFor(window: AnalysisWindow, calibrationEnd?: string): Periods {
  const { startDate, days, timezone } = windowDays(window);
  if (days < 2) throw new RangeError(`the window ${window.start} – ${window.end} is shorter than two days: no room for a holdout`);
  let endDay = Math.floor((2 * days) / 3) - 1;
  if (calibrationEnd !== undefined) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(calibrationEnd) || Number.isNaN(Date.parse(`${calibrationEnd}T00:00:00Z`))) {
      throw new RangeError(`calibration end must be a date YYYY-MM-DD, got "${calibrationEnd}"`);
    }
    endDay = dateDistance(startDate, calibrationEnd);
    if (endDay < 0 || endDay >= days - 1) {
      throw new RangeError(
        `calibration end ${calibrationEnd} must fall inside the data's window and leave a holdout: from ${startDate} to ${dayDate(startDate, days - 2)}`,
      );
    }
  }
  return { startDate, days, timezone, calibrationEndDay: endDay };
}

/** The date of day number `day`. */
export function dayDate(startDate: string, day: number): string {
  return isoDate(Date.parse(`${startDate}T00:00:00Z`) + day * DAY_MS);
}

function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

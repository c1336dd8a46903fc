// Kept only for src/funnel.md until its rewrite lands (it then reads the window's days from its page
// data, built with lib/format's windowDays); the Cohorts page no longer imports anything from here.

/** The last instant of a half-open window [start, end), as the UTC day it falls on: "2025-12-31". */
export function lastDayOfWindow(window: { end: string }): string {
  return new Date(Date.parse(window.end) - 1).toISOString().slice(0, 10);
}

/**
 * The conversion trend groups entrants by the period of their entry in the window's time zone, and a
 * period starts at that zone's midnight (test/helpers/timeZoneDatasets.ts works the days out by hand).
 */
import { describe, expect, it } from "vitest";
import { computeFunnels } from "../../lib/analysis/funnels.js";
import { observedWindow } from "../../lib/db/windowSql.js";
import { NEW_YORK_EVENTS, SHANGHAI_EVENTS } from "../helpers/timeZoneDatasets.js";
import { openTinyDatabase } from "../helpers/tinyDataset.js";

const trendOf = (points: { period: string; period_start: string; entered: number; complete: boolean }[]) =>
  points.map((p) => [p.period, p.period_start, p.entered, p.complete]);

describe("conversion trend in the window's time zone", () => {
  it("Shanghai months: sessions enter at Shanghai's calendar, periods start at its midnights", async () => {
    const db = await openTinyDatabase(SHANGHAI_EVENTS);
    try {
      const funnel = await computeFunnels(db.connection, await observedWindow(db.connection, "Asia/Shanghai"));
      expect(funnel.window.timezone).toBe("Asia/Shanghai");
      // Every event is a session. January: u2 (Jan 31, 23:00). February: u1 (Feb 1, 07:30), u3. March: u1, u2 (Mar 1, 00:30).
      // Month starts: Jan 1, Feb 1, Mar 1 at 00:00 Shanghai = the previous day 16:00Z. March ends after the window.
      expect(trendOf(funnel.session_funnel.trend.month)).toEqual([
        ["2025-01", "2024-12-31T16:00:00.000Z", 1, true],
        ["2025-02", "2025-01-31T16:00:00.000Z", 2, true],
        ["2025-03", "2025-02-28T16:00:00.000Z", 2, false],
      ]);
    } finally {
      db.close();
    }
  });

  it("New York weeks across the switch to daylight saving", async () => {
    const db = await openTinyDatabase(NEW_YORK_EVENTS);
    try {
      const funnel = await computeFunnels(db.connection, await observedWindow(db.connection, "America/New_York"));
      // Sessions: c1 (Sun Mar 2) → week of Feb 24; c2 (Mon Mar 3) and b1 (Sun Mar 9) → Mar 3; b2, a1, a2 → Mar 10.
      // Feb 24 starts 00:00 EST (05:00Z); Mar 3 too; Mar 10 at 00:00 EDT (04:00Z), and it ends with the window.
      expect(trendOf(funnel.session_funnel.trend.week)).toEqual([
        ["2025-02-24", "2025-02-24T05:00:00.000Z", 1, true],
        ["2025-03-03", "2025-03-03T05:00:00.000Z", 2, true],
        ["2025-03-10", "2025-03-10T04:00:00.000Z", 3, true],
      ]);
    } finally {
      db.close();
    }
  });
});

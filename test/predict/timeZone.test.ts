/**
 * The prediction model's days are the window's calendar days in its time zone: a purchase at 23:30Z on
 * Jan 31 is made on Feb 1 in Shanghai (test/helpers/timeZoneDatasets.ts).
 */
import { describe, expect, it } from "vitest";
import { queryRows } from "../../lib/db/duckdb.js";
import { observedWindow } from "../../lib/db/windowSql.js";
import { purchaseDaysSql } from "../../lib/predict/customerSql.js";
import { periodsFor, windowDays } from "../../lib/predict/periods.js";
import { SHANGHAI_EVENTS } from "../helpers/timeZoneDatasets.js";
import { openTinyDatabase } from "../helpers/tinyDataset.js";

describe("prediction periods in the window's time zone", () => {
  it("numbers Shanghai's days from the window's first one", async () => {
    const db = await openTinyDatabase(SHANGHAI_EVENTS);
    try {
      const window = await observedWindow(db.connection, "Asia/Shanghai");
      // Jan 31 (day 0), the 28 days of February, Mar 1: 30 days.
      expect(windowDays(window)).toEqual({ startDate: "2025-01-31", days: 30, timezone: "Asia/Shanghai" });
      // Default calibration: the first two thirds, days 0 … 19, so it ends on Feb 19.
      const periods = periodsFor(window);
      expect(periods).toEqual({ startDate: "2025-01-31", days: 30, timezone: "Asia/Shanghai", calibrationEndDay: 19 });
      const days = await queryRows<{ user_id: string; day: number }>(db.connection, `SELECT user_id, day FROM (${purchaseDaysSql(periods)}) ORDER BY user_id`);
      expect(days.map((d) => [d.user_id, d.day])).toEqual([["u1", 1]]);
    } finally {
      db.close();
    }
  });

  it("UTC numbers the same purchase day 0", async () => {
    const db = await openTinyDatabase(SHANGHAI_EVENTS);
    try {
      const periods = periodsFor(await observedWindow(db.connection, "UTC"));
      expect(periods.startDate).toBe("2025-01-31");
      const days = await queryRows<{ user_id: string; day: number }>(db.connection, `SELECT user_id, day FROM (${purchaseDaysSql(periods)})`);
      expect(days.map((d) => [d.user_id, d.day])).toEqual([["u1", 0]]);
    } finally {
      db.close();
    }
  });
});

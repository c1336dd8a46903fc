/**
 * Cohorts in the window's time zone: the same events cut by Shanghai's and New York's calendars (the
 * latter across the start of daylight saving) give the cohorts worked out by hand in
 * test/helpers/timeZoneDatasets.ts, and UTC's differ from them.
 */
import { describe, expect, it } from "vitest";
import type { AnalysisWindow } from "../../lib/dataset/window.js";
import { observedWindow } from "../../lib/db/windowSql.js";
import { computeRetention } from "../../lib/retention/computeRetention.js";
import type { RetentionVariant } from "../../lib/retention/types.js";
import { NEW_YORK_EVENTS, SHANGHAI_EVENTS } from "../helpers/timeZoneDatasets.js";
import { openTinyDatabase } from "../helpers/tinyDataset.js";

const monthOn: RetentionVariant = { cohort_by: "registration", activity: "any_event", granularity: "month", mode: "on" };
const weekOn: RetentionVariant = { ...monthOn, granularity: "week" };
const cellsOf = (cells: { cohort: string; period: number; cohort_size: number; active: number; complete: boolean }[]) =>
  cells.map((c) => [c.cohort, c.period, c.cohort_size, c.active, c.complete]);

describe("retention in the window's time zone", () => {
  it("Shanghai: the observed window is Shanghai's midnights; monthly cohorts move an event at 23:30Z into the next month", async () => {
    const db = await openTinyDatabase(SHANGHAI_EVENTS);
    try {
      // First event Jan 31 23:00 Shanghai → from Jan 31 00:00 (Jan 30 16:00Z); last Mar 1 18:00 → to Mar 2 00:00 (Mar 1 16:00Z).
      const window = await observedWindow(db.connection, "Asia/Shanghai");
      expect(window).toEqual({ start: "2025-01-30T16:00:00.000Z", end: "2025-03-01T16:00:00.000Z", timezone: "Asia/Shanghai" });
      const { retention } = await computeRetention(db.connection, window, { variants: [monthOn], ltv: [] });
      // January: u2. February: u1 (Feb 1, 07:30) and u3. u2 is back on Mar 1 (00:30), u1 on Mar 1.
      // March ends after the window: incomplete. January ends Feb 1 00:00 Shanghai, inside it.
      expect(cellsOf(retention[0]!.cells)).toEqual([
        ["2025-01", 0, 1, 1, true],
        ["2025-01", 1, 1, 0, true],
        ["2025-01", 2, 1, 1, false],
        ["2025-02", 0, 2, 2, true],
        ["2025-02", 1, 2, 1, false],
      ]);
    } finally {
      db.close();
    }
  });

  it("the same events by UTC's calendar: January holds u1 and u2, February u3", async () => {
    const db = await openTinyDatabase(SHANGHAI_EVENTS);
    try {
      const window = await observedWindow(db.connection, "UTC");
      expect(window).toEqual({ start: "2025-01-31T00:00:00.000Z", end: "2025-03-02T00:00:00.000Z", timezone: "UTC" });
      const { retention } = await computeRetention(db.connection, window, { variants: [monthOn], ltv: [] });
      // u2's Feb 28 16:30Z is February here: January's k=1 holds u2; u1 is back in March (k=2).
      expect(cellsOf(retention[0]!.cells)).toEqual([
        ["2025-01", 0, 2, 2, true],
        ["2025-01", 1, 2, 1, true],
        ["2025-01", 2, 2, 1, false],
        ["2025-02", 0, 1, 1, true],
        ["2025-02", 1, 1, 0, false],
      ]);
    } finally {
      db.close();
    }
  });

  it("New York across the switch to daylight saving: weeks start at 05:00Z before it and 04:00Z after it", async () => {
    const db = await openTinyDatabase(NEW_YORK_EVENTS);
    try {
      // First event Sun Mar 2, 23:30 EST → from Mar 2 00:00 EST (05:00Z); last Sun Mar 16, 23:59 EDT → to Mar 17 00:00 EDT (04:00Z).
      const window = await observedWindow(db.connection, "America/New_York");
      expect(window).toEqual({ start: "2025-03-02T05:00:00.000Z", end: "2025-03-17T04:00:00.000Z", timezone: "America/New_York" });
      const { retention } = await computeRetention(db.connection, window, { variants: [weekOn], ltv: [] });
      // Week of Feb 24: C, back in the week of Mar 3. Week of Mar 3: B, back at Mar 10 00:00 EDT. Week of
      // Mar 10: A. The week of Mar 10 ends Mar 17 00:00 EDT, exactly the window end: complete.
      expect(cellsOf(retention[0]!.cells)).toEqual([
        ["2025-02-24", 0, 1, 1, true],
        ["2025-02-24", 1, 1, 1, true],
        ["2025-02-24", 2, 1, 0, true],
        ["2025-03-03", 0, 1, 1, true],
        ["2025-03-03", 1, 1, 1, true],
        ["2025-03-10", 0, 1, 1, true],
      ]);
    } finally {
      db.close();
    }
  });

  it("a window without a zone is UTC's", async () => {
    const db = await openTinyDatabase(NEW_YORK_EVENTS);
    try {
      const window: AnalysisWindow = { start: "2025-03-03T00:00:00.000Z", end: "2025-03-18T00:00:00.000Z" };
      const { retention } = await computeRetention(db.connection, window, { variants: [weekOn], ltv: [] });
      // UTC: C on Mar 3 (twice), B and A on Mar 10, A again Mar 17: cohorts Mar 3 {C}, Mar 10 {A, B}.
      expect(cellsOf(retention[0]!.cells)).toEqual([
        ["2025-03-03", 0, 1, 1, true],
        ["2025-03-03", 1, 1, 0, true],
        ["2025-03-03", 2, 1, 0, false],
        ["2025-03-10", 0, 2, 2, true],
        ["2025-03-10", 1, 2, 1, false],
      ]);
    } finally {
      db.close();
    }
  });
});

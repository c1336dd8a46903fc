/**
 * ISO weeks across the 2025/2026 year boundary. 2025-12-29 is the Monday of ISO week 2026-W01, so a week
 * label is that Monday even though the week belongs to the next ISO year.
 */
import { describe, expect, it } from "vitest";
import { computeRetention } from "../../lib/retention/computeRetention.js";
import type { RetentionVariant } from "../../lib/retention/types.js";
import { openTinyDatabase, type TinyDataset } from "../helpers/tinyDataset.js";

const data: TinyDataset = {
  users: [
    // Sunday 2025-12-28, last microsecond → week of Monday 2025-12-22.
    { user_id: "H", registration_date: "2025-12-28T23:59:59.999999Z" },
    // Thursday 2026-01-01 → week of Monday 2025-12-29 (ISO 2026-W01).
    { user_id: "I", registration_date: "2026-01-01T12:00:00Z" },
    // Tuesday 2025-12-30, no events → same week cohort as I.
    { user_id: "J", registration_date: "2025-12-30T00:00:00Z" },
  ],
  events: [
    // Session over midnight from Sunday into Monday: active in both weeks.
    { user_id: "H", session_id: "H1", event_type: "session_start", timestamp: "2025-12-28T23:59:59.999999Z" },
    { user_id: "H", session_id: "H1", event_type: "product_view", timestamp: "2025-12-29T00:00:00.000000Z" },
    // Sunday 2026-01-04, last microsecond: still the week of 2025-12-29.
    { user_id: "H", session_id: "H2", event_type: "product_view", timestamp: "2026-01-04T23:59:59.999999Z" },
    // Monday 2026-01-05, first microsecond: the next week.
    { user_id: "I", session_id: "I1", event_type: "product_view", timestamp: "2026-01-05T00:00:00.000000Z" },
  ],
};

const weekOn: RetentionVariant = { cohort_by: "registration", activity: "any_event", granularity: "week", mode: "on" };
const weekAfter: RetentionVariant = { ...weekOn, mode: "on_or_after" };
const monthOn: RetentionVariant = { ...weekOn, granularity: "month" };

describe("weekly retention across a year boundary", () => {
  it("window ending mid-week: last week overlaps, so it has incomplete cells", async () => {
    const db = await openTinyDatabase(data);
    try {
      // Window [2025-12-22, 2026-01-10): weeks of Dec 22 and Dec 29 end by the window end; the week of
      // Jan 5 ends Jan 12, after it.
      const window = { start: "2025-12-22T00:00:00Z", end: "2026-01-10T00:00:00Z" };
      const { retention } = await computeRetention(db.connection, window, { variants: [weekOn, weekAfter, monthOn], ltv: [] });
      const [on, after, month] = retention;
      expect(on!.cells.map((c) => [c.cohort, c.period, c.period_label, c.cohort_size, c.active, c.complete])).toEqual([
        ["2025-12-22", 0, "2025-12-22", 1, 1, true], // H on Sunday Dec 28
        ["2025-12-22", 1, "2025-12-29", 1, 1, true], // H on Monday Dec 29 and Sunday Jan 4
        ["2025-12-22", 2, "2026-01-05", 1, 0, false],
        ["2025-12-29", 0, "2025-12-29", 2, 0, true], // I's first event is in the next week; J has none
        ["2025-12-29", 1, "2026-01-05", 2, 1, false], // I on Monday Jan 5
      ]);
      // on_or_after: H last active at k1 → 1, 1, 0; I last active at k1 of its cohort → 1, 1.
      expect(after!.cells.map((c) => c.active)).toEqual([1, 1, 0, 1, 1]);
      // Months: Dec 2025 cohort {H, J}, Jan 2026 cohort {I}; December ends Jan 1, inside the window.
      expect(month!.cells.map((c) => [c.cohort, c.period, c.period_label, c.cohort_size, c.active, c.complete])).toEqual([
        ["2025-12", 0, "2025-12", 2, 1, true],
        ["2025-12", 1, "2026-01", 2, 1, false],
        ["2026-01", 0, "2026-01", 1, 1, false],
      ]);
    } finally {
      db.close();
    }
  });

  it("window ending exactly on a Monday: the week ending there is complete and no later week exists", async () => {
    const db = await openTinyDatabase(data);
    try {
      // Window [2025-12-22, 2026-01-05): I's Jan 5 event lies outside it.
      const window = { start: "2025-12-22T00:00:00Z", end: "2026-01-05T00:00:00Z" };
      const { retention } = await computeRetention(db.connection, window, { variants: [weekOn], ltv: [] });
      expect(retention[0]!.cells.map((c) => [c.cohort, c.period, c.active, c.complete])).toEqual([
        ["2025-12-22", 0, 1, true],
        ["2025-12-22", 1, 1, true],
        ["2025-12-29", 0, 0, true],
      ]);
    } finally {
      db.close();
    }
  });
});

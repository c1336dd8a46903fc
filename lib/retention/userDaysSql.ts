/**
 * The single pass over events behind every retention and LTV number: one row per user and day (in the
 * window's time zone) with
 * how many events and purchases happened and the purchase revenue (price × quantity). Months and ISO
 * weeks are both unions of whole days, so every period granularity and both cohort anchors (first event,
 * first purchase) can be derived from this much smaller table without touching the events again.
 */
import { type AnalysisWindow, windowTimezone } from "../dataset/window.js";
import { localDaySql } from "../db/calendarDaySql.js";
import { inWindowSql } from "../db/windowSql.js";
import { REVENUE_SUM_SQL } from "../analysis/revenueSql";

export const PURCHASE_EVENT = "purchase";

/**
 * A purchase without a quantity (possible in brought data) counts as one item: the event still says
 * something was bought, and price × NULL would silently drop its revenue.
 */
export function userDaysSql(window: AnalysisWindow): string {
  return `SELECT user_id, ${localDaySql(`"timestamp"`, windowTimezone(window))} AS day,
      CAST(count(*) AS INTEGER) AS events,
      CAST(count(*) FILTER (WHERE event_type = '${PURCHASE_EVENT}') AS INTEGER) AS purchases,
      coalesce(${REVENUE_SUM_SQL}, 0) AS revenue
    FROM events
    WHERE ${inWindowSql(window)} AND user_id IS NOT NULL
    GROUP BY user_id, day`;
}

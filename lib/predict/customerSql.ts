/**
 * Per-customer summaries as the BG/NBD and Gamma–Gamma papers define them, in one DuckDB query.
 *
 * A transaction is a purchase day: every purchase event of a user on one calendar day (in the window's
 * time zone, Periods.timezone) is one transaction.
 * For each user whose first purchase falls on or before the cut-off day E (all days numbered from the
 * window's first day):
 *   birth      the first purchase day
 *   x          purchase days after the birth, up to E (repeat transactions)
 *   tx_days    last purchase day up to E − birth
 *   T_days     E − birth
 *   holdout_x  purchase days after E (the holdout's repeat transactions)
 *   spend_x, spend_mean   repeat transactions (up to E) whose every purchase has a price and a
 *                         quantity and whose value is positive, and their mean value: Gamma–Gamma's input
 * Values are summed as DECIMAL (exactAmountSql) so the means are the same bytes run after run.
 */
import { exactAmountSql } from "../db/exactAmountSql";
import { sqlString } from "../db/duckdb";
import { localDaySql, localMidnightSql } from "../db/calendarDaySql";
import type { Periods } from "./periods";

export function purchaseDaysSql(periods: Periods): string {
  const start = `DATE ${sqlString(periods.startDate)}`;
  return `
    SELECT user_id,
           CAST(date_diff('day', ${start}, ${localDaySql(`"timestamp"`, periods.timezone)}) AS INTEGER) AS day,
           bool_and(price IS NOT NULL AND quantity IS NOT NULL) AS priced,
           sum(${exactAmountSql("price * quantity")}) AS value
    FROM events
    WHERE event_type = 'purchase'
      AND "timestamp" >= ${localMidnightSql(start, periods.timezone)} AND "timestamp" < ${localMidnightSql(`${start} + ${periods.days}`, periods.timezone)}
    GROUP BY user_id, day`;
}

/** One row per customer born on or before day `cutoff`, ordered by user_id. */
export function customerSummarySql(periods: Periods, cutoff: number): string {
  return `
    WITH purchase_days AS (${purchaseDaysSql(periods)}),
    births AS (SELECT user_id, min(day) AS birth FROM purchase_days GROUP BY user_id HAVING min(day) <= ${cutoff})
    SELECT d.user_id,
           b.birth,
           CAST(count(*) FILTER (WHERE d.day > b.birth AND d.day <= ${cutoff}) AS INTEGER) AS x,
           CAST(max(d.day) FILTER (WHERE d.day <= ${cutoff}) - b.birth AS INTEGER) AS tx_days,
           CAST(${cutoff} - b.birth AS INTEGER) AS T_days,
           CAST(count(*) FILTER (WHERE d.day > ${cutoff}) AS INTEGER) AS holdout_x,
           CAST(count(*) FILTER (WHERE d.day > b.birth AND d.day <= ${cutoff} AND d.priced AND d.value > 0) AS INTEGER) AS spend_x,
           CAST(avg(d.value) FILTER (WHERE d.day > b.birth AND d.day <= ${cutoff} AND d.priced AND d.value > 0) AS DOUBLE) AS spend_mean
    FROM purchase_days d JOIN births b USING (user_id)
    GROUP BY d.user_id, b.birth
    ORDER BY d.user_id`;
}

/** Repeat transactions per day (for customers born on or before `cutoff`), for the cumulative tracking chart. */
export function repeatsByDaySql(periods: Periods, cutoff: number): string {
  return `
    WITH purchase_days AS (${purchaseDaysSql(periods)}),
    births AS (SELECT user_id, min(day) AS birth FROM purchase_days GROUP BY user_id HAVING min(day) <= ${cutoff})
    SELECT d.day, CAST(count(*) AS INTEGER) AS repeats
    FROM purchase_days d JOIN births b USING (user_id)
    WHERE d.day > b.birth
    GROUP BY d.day ORDER BY d.day`;
}

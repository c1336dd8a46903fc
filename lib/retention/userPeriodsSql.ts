/** Per user and period (month or ISO week): events, purchases and revenue, rolled up from user days. */
import { periodIndexSql } from "../db/periodSql.js";
import type { Granularity } from "../db/periodSql.js";

export function userPeriodsSql(userDaysTable: string, granularity: Granularity): string {
  return `SELECT user_id, ${periodIndexSql(granularity, "day")} AS period_index,
      CAST(sum(events) AS INTEGER) AS events,
      CAST(sum(purchases) AS INTEGER) AS purchases,
      sum(revenue) AS revenue
    FROM ${userDaysTable}
    GROUP BY ALL`;
}

/**
 * Calendar periods as integer indexes, in SQL. A period is numbered so that "k periods later" is
 * plain subtraction of indexes: months as year·12 + month − 1, ISO weeks as whole weeks since Monday
 * 1970-01-05. Indexes are taken of DATEs, the days of the analysis' time zone (calendarDaySql.ts), so a
 * period's boundaries are that zone's midnights whatever the machine's zone.
 */
import { localMidnightSql } from "./calendarDaySql.js";
/** Calendar periods a cohort or trend is cut into. */
export type Granularity = "month" | "week";

/** The Monday that starts ISO week index 0 (1970-01-01 was a Thursday). */
const WEEK_EPOCH = "DATE '1970-01-05'";

/** INTEGER index of the period containing the DATE expression. */
export function periodIndexSql(granularity: Granularity, dateSql: string): string {
  return granularity === "month"
    ? `CAST(year(${dateSql}) * 12 + month(${dateSql}) - 1 AS INTEGER)`
    : `CAST(floor(date_diff('day', ${WEEK_EPOCH}, ${dateSql}) / 7) AS INTEGER)`;
}

/** DATE on which the period with the given index starts (month: the 1st; week: the Monday). */
export function periodStartSql(granularity: Granularity, indexSql: string): string {
  return granularity === "month"
    ? `make_date(CAST(floor((${indexSql}) / 12) AS INTEGER), CAST((${indexSql}) - 12 * floor((${indexSql}) / 12) + 1 AS INTEGER), 1)`
    : `(${WEEK_EPOCH} + CAST(7 * (${indexSql}) AS INTEGER))`;
}

/** The period's label: "YYYY-MM" for a month, the Monday "YYYY-MM-DD" for an ISO week. */
export function periodLabelSql(granularity: Granularity, indexSql: string): string {
  return `strftime(${periodStartSql(granularity, indexSql)}, '${granularity === "month" ? "%Y-%m" : "%Y-%m-%d"}')`;
}

/** TIMESTAMP (UTC wall-clock): the instant the period with this index starts, at midnight in `timezone`. */
export function periodStartInstantSql(granularity: Granularity, indexSql: string, timezone: string): string {
  return localMidnightSql(periodStartSql(granularity, indexSql), timezone);
}

/** TRUE when the period with this index ends (midnight in `timezone`) at or before the TIMESTAMP expression. */
export function periodEndsBySql(granularity: Granularity, indexSql: string, timestampSql: string, timezone: string): string {
  return `${periodStartInstantSql(granularity, `(${indexSql}) + 1`, timezone)} <= ${timestampSql}`;
}

/**
 * Calendar days in a time zone, in SQL, with DuckDB's ICU time zone support (built into @duckdb/node-api:
 * no extension to load, works offline). Events hold UTC wall-clock time in a TIMESTAMP; a day in zone Z is
 * cut by turning that into an instant (timezone('UTC', …) → TIMESTAMPTZ) and reading Z's wall clock
 * (timezone(Z, …) → TIMESTAMP). Daylight saving comes from ICU's rules, never from a fixed offset. For UTC the
 * plain casts are kept: the same answer, no per-row zone lookup, and the SQL of UTC builds unchanged.
 */
import { sqlString } from "./duckdb.js";
import { DEFAULT_TIMEZONE } from "../dataset/timezone.js";

const isUtc = (timezone: string) => timezone === DEFAULT_TIMEZONE;

/** DATE: the day in `timezone` of a TIMESTAMP expression holding UTC wall-clock time. */
export function localDaySql(timestampSql: string, timezone: string): string {
  if (isUtc(timezone)) return `CAST(${timestampSql} AS DATE)`;
  return `CAST(timezone(${sqlString(timezone)}, timezone('UTC', ${timestampSql})) AS DATE)`;
}

/**
 * TIMESTAMP (UTC wall-clock): the instant the DATE expression's day starts in `timezone`. Where a zone
 * skips its midnight (daylight saving starting at 00:00), ICU moves it to the first time that exists.
 */
export function localMidnightSql(dateSql: string, timezone: string): string {
  if (isUtc(timezone)) return `CAST(${dateSql} AS TIMESTAMP)`;
  return `timezone('UTC', timezone(${sqlString(timezone)}, CAST(${dateSql} AS TIMESTAMP)))`;
}

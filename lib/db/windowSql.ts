/** SQL for the half-open analysis window [start, end) on the events' TIMESTAMP column, and the window of brought data. */
import type { DuckDBConnection } from "@duckdb/node-api";
import { sqlTimestamp, type AnalysisWindow } from "../dataset/window.js";
import { localDaySql, localMidnightSql } from "./calendarDaySql.js";
import { queryRows } from "./duckdb.js";

export function inWindowSql(window: AnalysisWindow, column = `"timestamp"`): string {
  return `${column} >= ${sqlTimestamp(window.start)} AND ${column} < ${sqlTimestamp(window.end)}`;
}

export function windowEndSql(window: AnalysisWindow): string {
  return sqlTimestamp(window.end);
}

const ISO_INSTANT = "'%Y-%m-%dT%H:%M:%S.%gZ'";

/**
 * The window of brought data (docs/metrics.md §2): [midnight starting the first event's day, midnight
 * ending the last event's day), both days and midnights in `timezone`, as instants.
 */
export async function observedWindow(connection: DuckDBConnection, timezone: string): Promise<AnalysisWindow> {
  const [row] = await queryRows<{ start: string; end: string }>(
    connection,
    `SELECT strftime(${localMidnightSql(localDaySql(`min("timestamp")`, timezone), timezone)}, ${ISO_INSTANT}) AS start,
        strftime(${localMidnightSql(`${localDaySql(`max("timestamp")`, timezone)} + 1`, timezone)}, ${ISO_INSTANT}) AS end
      FROM events`,
  );
  return { start: row!.start, end: row!.end, timezone };
}

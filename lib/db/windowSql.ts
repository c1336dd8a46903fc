/** SQL for the half-open analysis window [start, end) on the events' TIMESTAMP column. */
import { sqlTimestamp, type AnalysisWindow } from "../dataset/window.js";

export function inWindowSql(window: AnalysisWindow, column = `"timestamp"`): string {
  return `${column} >= ${sqlTimestamp(window.start)} AND ${column} < ${sqlTimestamp(window.end)}`;
}

export function windowEndSql(window: AnalysisWindow): string {
  return sqlTimestamp(window.end);
}

/**
 * Everything published about a funnel whose per-unit step times sit in a table (step_1 … step_n):
 * step counts and rates, time to convert between consecutive steps, conversion by entry week and month,
 * and conversion by user attribute. Only small aggregates leave DuckDB.
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import { queryTraced } from "../db/sqlTrace.js";
import type { AnalysisWindow } from "../dataset/window.js";
import { BREAKDOWN_ATTRIBUTES, breakdownCountsSql, type BreakdownCountRow } from "./breakdownCountsSql.js";
import { buildBreakdown } from "./buildBreakdown.js";
import { MIN_GROUP_USERS } from "./minGroupUsers.js";
import { toTrendPoint } from "./conversionTrend.js";
import { conversionTrendSql, type TrendRow } from "./conversionTrendSql.js";
import { stepCountsOf, stepCountsSql } from "./stepCountsSql.js";
import { summarizeSteps } from "./summarizeSteps.js";
import { toTimeToConvert } from "./timeToConvert.js";
import { timeToConvertRowOf, timeToConvertSql } from "./timeToConvertSql.js";
import type { Breakdown, FunnelStep, FunnelTrend, TimeToConvert } from "./types.js";

export interface UnitFunnelDescription {
  steps: FunnelStep[];
  time_to_convert: TimeToConvert[];
  trend: FunnelTrend;
  breakdowns: Breakdown[];
}

export async function describeUnitFunnel(
  connection: DuckDBConnection,
  /** Names the statements in the connection's trace: "funnel.<unit>.step_counts", … */
  unit: "session" | "user",
  stepsTable: string,
  names: readonly string[],
  window: AnalysisWindow,
  horizonDays: number,
  minGroupUsers: number = MIN_GROUP_USERS,
): Promise<UnitFunnelDescription> {
  const n = names.length;
  const traced = <T>(what: string, sql: string) => queryTraced<T>(connection, `funnel.${unit}.${what}`, sql);
  const [countsRow] = await traced<Record<string, number>>("step_counts", stepCountsSql(stepsTable, n));
  const steps = summarizeSteps(names, stepCountsOf(countsRow ?? {}, n));

  const [timesRow] = await traced<Record<string, unknown>>("time_to_convert", timeToConvertSql(stepsTable, n));
  const time_to_convert: TimeToConvert[] = [];
  for (let i = 1; i < n; i++) time_to_convert.push(toTimeToConvert(names[i - 1]!, names[i]!, timeToConvertRowOf(timesRow!, i)));

  const trendFor = async (granularity: "week" | "month") =>
    (await traced<TrendRow>(`trend.${granularity}`, conversionTrendSql(stepsTable, n, granularity, window, horizonDays))).map((row) =>
      toTrendPoint(row, n),
    );
  const trend = { week: await trendFor("week"), month: await trendFor("month") };

  const breakdownRows = await traced<BreakdownCountRow>("breakdowns", breakdownCountsSql(stepsTable, n));
  const breakdowns = BREAKDOWN_ATTRIBUTES.flatMap((attribute) => buildBreakdown(attribute, breakdownRows, minGroupUsers) ?? []);

  return { steps, time_to_convert, trend, breakdowns };
}

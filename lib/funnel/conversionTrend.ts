/** Shapes trend rows: conversion = reached the last step / entered, with its Wilson interval. */
import { wilsonInterval } from "../stats/wilsonInterval.js";
import type { TrendRow } from "./conversionTrendSql.js";
import { stepCountsOf } from "./stepCountsSql.js";
import type { TrendPoint } from "./types.js";

export function toTrendPoint(row: TrendRow, stepCount: number): TrendPoint {
  const stepCounts = stepCountsOf(row, stepCount);
  const entered = stepCounts[0]!;
  const converted = stepCounts[stepCount - 1]!;
  const interval = wilsonInterval(converted, entered);
  return {
    period: row.period,
    period_start: row.period_start,
    entered,
    converted,
    rate: interval.rate ?? 0,
    ci_low: interval.low,
    ci_high: interval.high,
    step_counts: stepCounts,
    complete: row.complete,
  };
}

/**
 * The matching rule (docs/metrics.md §4) for one step: the earliest event of the step's type at or after the
 * time the previous step was reached (ties count, so ">="), optionally no later than a horizon
 * (inclusive). NULL when there is none — including when the previous step was never reached.
 *
 * Usually the type's earliest event already lies at or after the previous step, and then it is the
 * answer (or, if it is past the horizon, nothing is). Only otherwise — a cart before the view, a purchase
 * before the cart — is the unit's list of events searched; CASE evaluates that branch for those rows
 * only, which matters because list lambdas cost far more per row than a comparison.
 */
import type { StepTypeColumns } from "./eventTimesSql.js";

export interface NextStepTime {
  type: StepTypeColumns;
  /** TIMESTAMP expression: when the previous step was reached. */
  after: string;
  /** TIMESTAMP expression: the last instant that still counts. */
  until?: string;
}

export function nextStepTimeSql({ type, after, until }: NextStepTime): string {
  const withinHorizon = until ? `CASE WHEN ${type.first} <= ${until} THEN ${type.first} END` : type.first;
  const condition = until ? `e >= ${after} AND e <= ${until}` : `e >= ${after}`;
  return `CASE
      WHEN ${type.first} IS NULL OR ${after} IS NULL THEN NULL
      WHEN ${type.first} >= ${after} THEN ${withinHorizon}
      ELSE list_min(list_filter(${type.times}, lambda e: ${condition}))
    END`;
}

export interface DerivedColumn {
  name: string;
  sql: string;
}

/**
 * Adds columns in layers, one SELECT per layer, so a column may refer to columns of earlier layers (a
 * step to the step before it). Everything stays one statement, so the per-unit lists flow through the
 * chain without ever being materialised (writing them to a table costs several times the aggregation).
 */
export function layeredSelectSql(baseSql: string, layers: readonly (readonly DerivedColumn[])[]): string {
  return layers.reduce(
    (sql, layer) => (layer.length === 0 ? sql : `SELECT *, ${layer.map((c) => `${c.sql} AS ${c.name}`).join(", ")} FROM (${sql})`),
    baseSql,
  );
}

/** Layers step_<first> … step_<first + types.length − 1>, each matched after the step before it. */
export function chainLayers(
  types: readonly string[],
  columns: Map<string, StepTypeColumns>,
  firstStep: number,
  until?: string,
): DerivedColumn[][] {
  return types.map((type, i) => [
    {
      name: `step_${firstStep + i}`,
      sql: nextStepTimeSql({ type: columns.get(type)!, after: `step_${firstStep + i - 1}`, until }),
    },
  ]);
}

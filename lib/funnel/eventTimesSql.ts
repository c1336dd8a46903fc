/**
 * Aggregates over one unit's events that the funnel chains start from: for each later-step type, its
 * earliest event (the usual answer) and the list of all its events (for the rare unit where the earliest
 * one comes before the previous step). Later steps — carts, purchases — are a small share of the events,
 * so these lists stay small.
 */
import { sqlString } from "../db/duckdb.js";

export interface StepTypeColumns {
  /** Column holding min("timestamp") of the type. */
  first: string;
  /** Column holding list("timestamp") of the type. */
  times: string;
}

/** The unit's earliest event of a type. */
export function firstEventTimeSql(eventType: string): string {
  return `min("timestamp") FILTER (WHERE event_type = ${sqlString(eventType)})`;
}

/** Every event time of a type in the unit (NULL when there is none). */
export function eventTimesSql(eventType: string): string {
  return `list("timestamp") FILTER (WHERE event_type = ${sqlString(eventType)})`;
}

/** Column names for the distinct later-step types: first_0/times_0, first_1/times_1, … */
export function stepTypeColumns(types: readonly string[]): Map<string, StepTypeColumns> {
  return new Map([...new Set(types)].map((type, i) => [type, { first: `first_${i}`, times: `times_${i}` }]));
}

/** The SELECT-list aggregates that fill stepTypeColumns. */
export function stepTypeAggregatesSql(columns: Map<string, StepTypeColumns>): string[] {
  return [...columns].flatMap(([type, c]) => [`${firstEventTimeSql(type)} AS ${c.first}`, `${eventTimesSql(type)} AS ${c.times}`]);
}

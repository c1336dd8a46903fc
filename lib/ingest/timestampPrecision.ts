/**
 * Whether the data's times have a time of day. Exports such as invoice tables give dates only
 * ("2010-12-01"); read as midnight, every event of a user's day then falls in one session (30 minutes
 * of inactivity never pass) and a time to convert is 0 or whole days. The report must say so.
 * Recognised on the loaded values rather than the source text, so every format (text, strptime, a
 * Parquet DATE) is judged the same way: when every loaded timestamp is at midnight, the data is dated,
 * not timed. (Data with real times has all of them at 00:00:00.000000 only by an implausible accident.)
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import { queryRows } from "../db/duckdb";

export type TimestampPrecision = "date_time" | "date_only";

export async function timestampPrecision(connection: DuckDBConnection, table = "events"): Promise<TimestampPrecision> {
  const [row] = await queryRows<{ timed: boolean }>(connection, `SELECT bool_or("timestamp" <> date_trunc('day', "timestamp")) AS timed FROM ${table}`);
  return row?.timed === false ? "date_only" : "date_time";
}

/** The sentence a page shows about dated data; null when the data has times of day. */
export function timestampPrecisionSentence(precision: TimestampPrecision): string | null {
  if (precision === "date_time") return null;
  return "The data's timestamps are dates without a time of day: each user's events of one day form one session, and times to convert cannot be finer than a day (0 means the same day).";
}

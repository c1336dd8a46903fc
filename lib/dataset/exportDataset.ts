/**
 * Writes the seed-schema tables of a DuckDB connection to a dataset folder as Parquet and/or CSV.
 * Rows are written in key order so the same data always gives the same bytes.
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import { join } from "node:path";
import { sqlString } from "../db/duckdb";
import type { TableName } from "./schema";

export type DatasetFormat = "parquet" | "csv" | "both";
export const DATASET_FORMATS: readonly DatasetFormat[] = ["parquet", "csv", "both"];

const KEY: Record<TableName, string> = { users: "user_id", products: "product_id", events: "event_id" };

/**
 * `inKeyOrder` says the table is already stored in key order: DuckDB keeps insertion order for a plain
 * scan, so the sort can be skipped (it costs as much as the write on tens of millions of events).
 */
export async function exportTable(connection: DuckDBConnection, table: TableName, dir: string, format: DatasetFormat, inKeyOrder = false): Promise<string[]> {
  const select = `SELECT * FROM ${table}${inKeyOrder ? "" : ` ORDER BY ${KEY[table]}`}`;
  const written: string[] = [];
  if (format === "parquet" || format === "both") {
    const file = join(dir, `${table}.parquet`);
    await connection.run(`COPY (${select}) TO ${sqlString(file)} (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 1000000)`);
    written.push(file);
  }
  if (format === "csv" || format === "both") {
    const file = join(dir, `${table}.csv`);
    // ISO 8601 with an explicit Z, so no reader mistakes the times for local ones.
    await connection.run(
      `COPY (${select}) TO ${sqlString(file)} (FORMAT csv, HEADER true, TIMESTAMPFORMAT '%Y-%m-%dT%H:%M:%S.%gZ')`,
    );
    written.push(file);
  }
  return written;
}

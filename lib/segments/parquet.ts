/**
 * user_segments.parquet (docs/metrics.md §7): user_id, cluster, then one DOUBLE column per feature holding
 * the standardized value K-means saw. Written by DuckDB from a temp table filled with data chunks.
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import { sqlString } from "../db/duckdb";
import type { DenseMatrix } from "./matrix";
import { quoteIdentifier } from "../db/quoteIdentifier";
import { writeUserTable } from "./userTable";

export interface UserSegmentRows {
  userIds: readonly string[];
  clusters: Int32Array;
  features: readonly string[];
  standardized: DenseMatrix;
}

const PARQUET_TABLE = "segments_user_parquet";

export async function writeUserSegmentsTable(connection: DuckDBConnection, rows: UserSegmentRows, path: string): Promise<void> {
  await writeUserTable(connection, PARQUET_TABLE, {
    userIds: rows.userIds,
    clusters: rows.clusters,
    doubles: { names: rows.features, matrix: rows.standardized },
  });
  try {
    // Rows were appended in user_id order and DuckDB preserves insertion order, so the file is sorted too.
    await connection.run(`COPY temp.main.${quoteIdentifier(PARQUET_TABLE)} TO ${sqlString(path)} (FORMAT parquet)`);
  } finally {
    await connection.run(`DROP TABLE IF EXISTS temp.main.${quoteIdentifier(PARQUET_TABLE)}`);
  }
}

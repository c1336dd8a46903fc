/**
 * Moves per-user clustering results from JavaScript into a DuckDB table, chunk by chunk with
 * `appendDataChunk` (the fast path measured in architecture.md), so SQL can join them to events or COPY
 * them to Parquet.
 */
import { DOUBLE, type DuckDBConnection, DuckDBDataChunk, type DuckDBType, INTEGER, VARCHAR } from "@duckdb/node-api";
import { quoteIdentifier } from "../db/quoteIdentifier";
import { runTraced } from "../db/sqlTrace";
import type { DenseMatrix } from "./matrix";

/** DuckDB's vector size: the most rows one data chunk may hold. */
const CHUNK_ROWS = 2048;

export interface UserTableColumns {
  userIds: readonly string[];
  clusters: Int32Array;
  /** Optional DOUBLE columns, one per name, read from the matrix's columns in order. */
  doubles?: { names: readonly string[]; matrix: DenseMatrix };
}

/** Creates (or replaces) temp table `table`(user_id VARCHAR, cluster INTEGER, …DOUBLE) and fills it. */
export async function writeUserTable(connection: DuckDBConnection, table: string, columns: UserTableColumns): Promise<void> {
  const { userIds, clusters, doubles } = columns;
  const n = userIds.length;
  if (clusters.length !== n) throw new RangeError(`${clusters.length} clusters for ${n} users`);
  if (doubles && (doubles.matrix.rows !== n || doubles.matrix.cols !== doubles.names.length)) {
    throw new RangeError("double columns do not match the users or their names");
  }
  const doubleNames = doubles?.names ?? [];
  const definition = ["user_id VARCHAR", "cluster INTEGER", ...doubleNames.map((name) => `${quoteIdentifier(name)} DOUBLE`)];
  // TEMP, so this also works on a warehouse opened read-only; the appender must then name catalog "temp".
  // Traced under the table's name: the rows come from JavaScript, the statement is what a reader can check.
  await runTraced(connection, table, `CREATE OR REPLACE TEMP TABLE ${quoteIdentifier(table)} (${definition.join(", ")})`);
  const types: DuckDBType[] = [VARCHAR, INTEGER, ...doubleNames.map(() => DOUBLE)];
  const appender = await connection.createAppender(table, "main", "temp");
  try {
    for (let start = 0; start < n; start += CHUNK_ROWS) {
      const rows = Math.min(CHUNK_ROWS, n - start);
      const chunk = DuckDBDataChunk.create(types, rows);
      const ids = chunk.getColumnVector(0);
      const labels = chunk.getColumnVector(1);
      for (let r = 0; r < rows; r++) {
        ids.setItem(r, userIds[start + r]!);
        labels.setItem(r, clusters[start + r]!);
      }
      ids.flush();
      labels.flush();
      if (doubles) {
        const { data, cols } = doubles.matrix;
        for (let c = 0; c < cols; c++) {
          const vector = chunk.getColumnVector(2 + c);
          for (let r = 0; r < rows; r++) vector.setItem(r, data[(start + r) * cols + c]!);
          vector.flush();
        }
      }
      appender.appendDataChunk(chunk);
    }
    appender.flushSync();
  } finally {
    appender.closeSync();
  }
}

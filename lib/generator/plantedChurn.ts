/**
 * The generator's planted truth about churn: for every user, the time after which they never visit again
 * (their planted lifetime's end, or their last visit for users who never return). It is written apart
 * from the dataset's tables, to truth/planted_churn.parquet in the dataset folder, where readDataset never
 * looks: the analysis must not learn from it, only the prediction page's check of P(alive) reads it.
 */
import { DOUBLE, type DuckDBConnection, DuckDBDataChunk, INTEGER } from "@duckdb/node-api";
import { join } from "node:path";
import { sqlString } from "../db/duckdb";

export const TRUTH_FOLDER = "truth";
export const PLANTED_CHURN_FILE = "planted_churn.parquet";
const CHUNK_ROWS = 2048;

/** Fills table planted_churn(user_id, churn_at) from per-user churn times in ms since the window start. */
export async function appendPlantedChurn(connection: DuckDBConnection, startMs: number, churnMs: Float64Array): Promise<void> {
  await connection.run("CREATE TEMP TABLE planted_churn_raw (user_ix INTEGER, churn_ms DOUBLE)");
  const appender = await connection.createAppender("planted_churn_raw", "main", "temp");
  try {
    for (let start = 0; start < churnMs.length; start += CHUNK_ROWS) {
      const rows = Math.min(CHUNK_ROWS, churnMs.length - start);
      const chunk = DuckDBDataChunk.create([INTEGER, DOUBLE], rows);
      const ix = chunk.getColumnVector(0);
      const ms = chunk.getColumnVector(1);
      for (let r = 0; r < rows; r++) {
        ix.setItem(r, start + r);
        ms.setItem(r, churnMs[start + r]!);
      }
      ix.flush();
      ms.flush();
      appender.appendDataChunk(chunk);
    }
    appender.flushSync();
  } finally {
    appender.closeSync();
  }
  const startUs = `${BigInt(startMs) * 1000n}::BIGINT`;
  await connection.run(`CREATE TABLE planted_churn AS
    SELECT getvariable('user_ids')[user_ix + 1] AS user_id, make_timestamp(${startUs} + (churn_ms * 1000)::BIGINT) AS churn_at
    FROM planted_churn_raw ORDER BY user_ix`);
  await connection.run("DROP TABLE temp.main.planted_churn_raw");
}

/** Writes the planted churn table to DIR/truth/planted_churn.parquet. */
export async function exportPlantedChurn(connection: DuckDBConnection, dir: string): Promise<void> {
  await connection.run(`COPY planted_churn TO ${sqlString(join(dir, TRUTH_FOLDER, PLANTED_CHURN_FILE))} (FORMAT parquet, COMPRESSION zstd)`);
}

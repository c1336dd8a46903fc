/**
 * Reads the generator's planted churn (lib/generator/plantedChurn.ts) for the P(alive) check: which
 * users were still alive, i.e. not yet churned, when the data ends. Undefined for data without it
 * (brought data, or a folder generated before the truth was recorded).
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { queryRows, sqlString } from "../db/duckdb";
import { sqlTimestamp, type AnalysisWindow } from "../dataset/window";
import { PLANTED_CHURN_FILE, TRUTH_FOLDER } from "../generator/plantedChurn";

export async function readPlantedAlive(connection: DuckDBConnection, datasetFolder: string, window: AnalysisWindow): Promise<Map<string, boolean> | undefined> {
  const file = join(datasetFolder, TRUTH_FOLDER, PLANTED_CHURN_FILE);
  if (!existsSync(file)) return undefined;
  const rows = await queryRows<{ user_id: string; alive: boolean }>(
    connection,
    `SELECT user_id, churn_at >= ${sqlTimestamp(window.end)} AS alive FROM read_parquet(${sqlString(file)})`,
  );
  return new Map(rows.map((row) => [row.user_id, row.alive]));
}

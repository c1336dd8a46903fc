/**
 * Runs the feature query and reads it column by column from DuckDB's chunks into typed arrays: row
 * objects would cost seconds at a million users.
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import type { AnalysisWindow } from "../dataset/window";
import { runTraced } from "../db/sqlTrace";
import { userFeaturesSql } from "./featureSql";
import { FEATURE_NAMES } from "./features";
import { type DenseMatrix, denseMatrix } from "./matrix";

export interface UserFeatures {
  userIds: string[];
  /** The users' planted segment, null where the data has none. */
  planted: (string | null)[];
  /** Raw (untransformed) features, one row per user, columns in FEATURE_NAMES order. */
  raw: DenseMatrix;
  /** Sessions with an add_to_cart, per user: not a feature, the denominator of pooled cart abandonment. */
  cartedSessions: Float64Array;
}

export async function readUserFeatures(connection: DuckDBConnection, window: AnalysisWindow): Promise<UserFeatures> {
  const result = await runTraced(connection, "segments.features", userFeaturesSql(window));
  const names = result.columnNames();
  const position = (name: string): number => {
    const at = names.indexOf(name);
    if (at < 0) throw new Error(`feature query lacks column ${name}`);
    return at;
  };
  const userColumn = position("user_id");
  const plantedColumn = position("planted_segment");
  const featureColumns = FEATURE_NAMES.map(position);
  const cartedColumn = position("carted_sessions");
  const cols = FEATURE_NAMES.length;

  const userIds: string[] = [];
  const planted: (string | null)[] = [];
  const blocks: Float64Array[] = [];
  const carted: number[] = [];
  for (let chunk = await result.fetchChunk(); chunk && chunk.rowCount > 0; chunk = await result.fetchChunk()) {
    const rows = chunk.rowCount;
    const users = chunk.getColumnVector(userColumn);
    const segments = chunk.getColumnVector(plantedColumn);
    for (let r = 0; r < rows; r++) {
      userIds.push(String(users.getItem(r)));
      const segment = segments.getItem(r);
      planted.push(segment === null ? null : String(segment));
    }
    const block = new Float64Array(rows * cols);
    featureColumns.forEach((column, f) => {
      const vector = chunk.getColumnVector(column);
      for (let r = 0; r < rows; r++) {
        const value = vector.getItem(r);
        // Every feature is defined (coalesced) in SQL; a null or non-number here is a query bug.
        if (typeof value !== "number" || !Number.isFinite(value)) {
          throw new Error(`feature ${FEATURE_NAMES[f]} of user ${userIds[userIds.length - rows + r]} is ${String(value)}`);
        }
        block[r * cols + f] = value;
      }
    });
    blocks.push(block);
    const cartedVector = chunk.getColumnVector(cartedColumn);
    for (let r = 0; r < rows; r++) carted.push(Number(cartedVector.getItem(r)));
  }
  const data = new Float64Array(userIds.length * cols);
  let offset = 0;
  for (const block of blocks) {
    data.set(block, offset);
    offset += block.length;
  }
  return { userIds, planted, raw: denseMatrix(userIds.length, cols, data), cartedSessions: Float64Array.from(carted) };
}

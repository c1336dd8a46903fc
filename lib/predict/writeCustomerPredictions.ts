/**
 * customer_predictions.parquet (a CLI output only, never part of the site: it holds user ids):
 * user_id, x, t_x, T, p_alive, expected purchases in the next 30/90/365 days, expected_spend, clv, segment.
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import { sqlString } from "../db/duckdb";
import { denseMatrix } from "../segments/matrix";
import { quoteIdentifier } from "../db/quoteIdentifier";
import { writeUserTable } from "../segments/userTable";
import type { CustomerPredictions } from "./types";

const TABLE = "customer_predictions_parquet";

export async function writeCustomerPredictions(connection: DuckDBConnection, customers: CustomerPredictions, path: string): Promise<void> {
  const columns: [string, Float64Array][] = [
    ["x", customers.x],
    ["t_x", customers.tx],
    ["T", customers.T],
    ["p_alive", customers.pAlive],
    ["expected_purchases_30d", customers.expected30],
    ["expected_purchases_90d", customers.expected90],
    ["expected_purchases_365d", customers.expected365],
    ["expected_spend", customers.expectedSpend],
    ["clv", customers.clv],
  ];
  const n = customers.userIds.length;
  const matrix = denseMatrix(n, columns.length);
  columns.forEach(([, values], c) => values.forEach((v, r) => (matrix.data[r * columns.length + c] = v)));
  await writeUserTable(connection, TABLE, { userIds: customers.userIds, clusters: customers.segment, doubles: { names: columns.map(([name]) => name), matrix } });
  try {
    const select = ["user_id", ...columns.map(([name]) => quoteIdentifier(name)), "CASE WHEN cluster >= 0 THEN cluster END AS segment"];
    await connection.run(`COPY (SELECT ${select.join(", ")} FROM temp.main.${quoteIdentifier(TABLE)}) TO ${sqlString(path)} (FORMAT parquet)`);
  } finally {
    await connection.run(`DROP TABLE IF EXISTS temp.main.${quoteIdentifier(TABLE)}`);
  }
}

/** No customers: the file is still written, with its columns and no rows, when no model could be fitted. */
export function noCustomerPredictions(): CustomerPredictions {
  const none = () => new Float64Array(0);
  return {
    userIds: [],
    x: none(),
    tx: none(),
    T: none(),
    recencyDays: none(),
    pAlive: none(),
    expected30: none(),
    expected90: none(),
    expected365: none(),
    expectedSpend: none(),
    clv: none(),
    segment: new Int32Array(0),
  };
}

/** Reads the per-customer summaries (customerSql.ts) into columns, converting days to the model's time unit. */
import type { DuckDBConnection } from "@duckdb/node-api";
import { customerSummarySql } from "./customerSql";
import { type Periods, type TimeUnit, UNIT_DAYS } from "./periods";

export interface Customers {
  userIds: string[];
  /** First purchase day, numbered from the window's first day. */
  birth: Int32Array;
  x: Float64Array;
  txDays: Int32Array;
  TDays: Int32Array;
  /** t_x and T in the time unit. */
  tx: Float64Array;
  T: Float64Array;
  holdoutX: Float64Array;
  /** Priced repeat transactions and their mean value (NaN where spendX is 0). */
  spendX: Float64Array;
  spendMean: Float64Array;
}

export async function readCustomers(connection: DuckDBConnection, periods: Periods, cutoff: number, unit: TimeUnit): Promise<Customers> {
  const reader = await connection.runAndReadAll(customerSummarySql(periods, cutoff));
  const columns = reader.getColumnsObjectJS() as Record<string, unknown[]>;
  const numbers = (name: string): number[] => columns[name]!.map((v) => (v === null ? Number.NaN : Number(v)));
  const scale = UNIT_DAYS[unit];
  const txDays = Int32Array.from(numbers("tx_days"));
  const TDays = Int32Array.from(numbers("T_days"));
  return {
    userIds: columns.user_id!.map(String),
    birth: Int32Array.from(numbers("birth")),
    x: Float64Array.from(numbers("x")),
    txDays,
    TDays,
    tx: Float64Array.from(txDays, (d) => d / scale),
    T: Float64Array.from(TDays, (d) => d / scale),
    holdoutX: Float64Array.from(numbers("holdout_x")),
    spendX: Float64Array.from(numbers("spend_x")),
    spendMean: Float64Array.from(numbers("spend_mean")),
  };
}

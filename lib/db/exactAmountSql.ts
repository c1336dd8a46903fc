/**
 * Money summed exactly. A sum of DOUBLEs depends on the order DuckDB's threads add the rows in, so the
 * same data gave 1249.93 in one run and 1249.9300000000003 in the next, and outputs were not the same
 * bytes. Each amount is cast to DECIMAL(38, 6) (a millionth of the currency unit, room for any price ×
 * quantity the validation lets through) before summing: a decimal sum is exact in any order. Cast the
 * result to DOUBLE where it leaves SQL.
 */
export function exactAmountSql(amount: string): string {
  return `CAST(${amount} AS DECIMAL(38, 6))`;
}

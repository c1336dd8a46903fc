import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runAnalyze } from "../../lib/cli/analyze";
import { openDatabase, queryRows, sqlString } from "../../lib/db/duckdb";
import type { PredictionsSummary } from "../../lib/predict/types";
import { purchasesOnlyCsv, writePurchasesOnlyDataset } from "../helpers/purchasesOnlyDataset";
import { tempDir } from "../helpers/tempDir";

// Brought data: purchases only, 400 users over 120 days from 1 January 2025; calibration ends 15 March.
const OPTIONS = { users: 400, days: 120, seed: 11 };
const dir = tempDir();
const data = join(dir.path, "data");
const out = join(dir.path, "out");
let summary: PredictionsSummary;

beforeAll(async () => {
  writePurchasesOnlyDataset(data, OPTIONS);
  await runAnalyze({ data, out, seed: 42, read: {}, predictions: { calibrationEnd: "2025-03-15", options: { time_unit: "week", horizon_days: 365, discount_rate: 0.1 } } });
  summary = JSON.parse(readFileSync(join(out, "predictions.json"), "utf8")) as PredictionsSummary;
});
afterAll(() => dir.cleanup());

/** Purchase days per user straight from the CSV text, independently of the SQL. */
function purchaseDays(): Map<string, Set<string>> {
  const days = new Map<string, Set<string>>();
  for (const line of purchasesOnlyCsv(OPTIONS).csv.trim().split("\n").slice(1)) {
    const fields = line.split(",");
    if (fields[3] !== "purchase") continue;
    const set = days.get(fields[1]!) ?? new Set<string>();
    set.add(fields[4]!.slice(0, 10));
    days.set(fields[1]!, set);
  }
  return days;
}

describe("analyze --calibration-end on brought purchase data", () => {
  it("splits the window at the given day and fits the customers born by then", () => {
    expect(summary.calibration).toEqual({ start: "2025-01-01", end: "2025-03-15" });
    const calibrationCustomers = [...purchaseDays().values()].filter((days) => [...days].some((d) => d <= "2025-03-15"));
    expect(summary.bgnbd?.n).toBe(calibrationCustomers.length);
    expect(summary.holdout.start).toBe("2025-03-16");
  });

  it("counts the holdout's actual repeat purchases as purchase days after the calibration end", () => {
    let holdout = 0;
    for (const days of purchaseDays().values()) {
      if ([...days].some((d) => d <= "2025-03-15")) holdout += [...days].filter((d) => d > "2025-03-15").length;
    }
    expect(summary.validation?.actual_total).toBe(holdout);
  });

  it("writes customer_predictions.parquet with one row per buyer and probabilities in [0, 1]", async () => {
    const db = await openDatabase();
    try {
      const file = sqlString(join(out, "customer_predictions.parquet"));
      const [row] = await queryRows<{ n: number; bad: number }>(
        db.connection,
        `SELECT CAST(count(*) AS INTEGER) AS n, CAST(count(*) FILTER (WHERE p_alive < 0 OR p_alive > 1 OR clv < 0 OR expected_purchases_90d < expected_purchases_30d) AS INTEGER) AS bad FROM read_parquet(${file})`,
      );
      expect(row).toEqual({ n: purchaseDays().size, bad: 0 });
    } finally {
      db.close();
    }
  });
});

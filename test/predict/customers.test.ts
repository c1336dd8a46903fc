import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, openDatabase, queryRows } from "../../lib/db/duckdb";
import { createTableSql } from "../../lib/dataset/schema";
import { repeatsByDaySql } from "../../lib/predict/customerSql";
import { periodsFor } from "../../lib/predict/periods";
import { readCustomers } from "../../lib/predict/readCustomers";
import { groupCustomers } from "../../lib/predict/groups";

// January 2024, 31 days; calibration ends on 15 January (day 14). Each line: user, day, hour, price, quantity.
const PURCHASES: [string, number, number, number | null, number | null][] = [
  ["A", 0, 10, 10, 1], ["A", 0, 15, 5, 2], // one transaction on day 0 (the birth), value 20
  ["A", 3, 9, 7, 1], // repeat, 7
  ["A", 10, 9, 3, 2], // repeat, 6
  ["A", 20, 9, 1, 1], ["A", 25, 9, 1, 1], // holdout
  ["B", 5, 9, null, 1], ["B", 8, 9, null, 1], // unpriced: counts as a transaction, not for spend
  ["C", 16, 9, 4, 1], ["C", 18, 9, 4, 1], // born after calibration: not a calibration customer
  ["E", 14, 8, 2, 1], ["E", 14, 20, 2, 1], ["E", 15, 9, 2, 1], // born on the last calibration day
  ["F", 2, 9, 5, 1], ["F", 6, 9, 5, 1], ["F", 6, 10, null, 1], // day 6 has an unpriced purchase
  ["F", 31, 9, 5, 1], // 1 February: outside the window
];

let db: Database;
beforeAll(async () => {
  db = await openDatabase();
  await db.connection.run(createTableSql("events"));
  const rows = PURCHASES.map(([user, day, hour, price, quantity], i) => {
    const ts = new Date(Date.UTC(2024, 0, 1 + day, hour)).toISOString().replace("T", " ").slice(0, 19);
    return `('${i}', '${user}', 's${i}', 'purchase', TIMESTAMP '${ts}', 'P1', 'Books', ${price ?? "NULL"}, ${quantity ?? "NULL"})`;
  });
  rows.push(`('v', 'D', 'sv', 'product_view', TIMESTAMP '2024-01-03 09:00:00', 'P1', 'Books', 5, NULL)`);
  await db.connection.run(`INSERT INTO events VALUES ${rows.join(", ")}`);
});
afterAll(() => db.close());

const WINDOW = { start: "2024-01-01T00:00:00.000Z", end: "2024-02-01T00:00:00.000Z" };

describe("periodsFor", () => {
  it("defaults to the first two thirds of the window: 31 days → days 0–19 (20 January)", () => {
    expect(periodsFor(WINDOW)).toEqual({ startDate: "2024-01-01", days: 31, timezone: "UTC", calibrationEndDay: 19 });
  });
  it("takes an inclusive end date and refuses one that leaves no holdout", () => {
    expect(periodsFor(WINDOW, "2024-01-15").calibrationEndDay).toBe(14);
    expect(() => periodsFor(WINDOW, "2024-01-31")).toThrow(/leave a holdout/);
    expect(() => periodsFor(WINDOW, "2023-12-31")).toThrow(/inside the data's window/);
    expect(() => periodsFor(WINDOW, "15/01/2024")).toThrow(/YYYY-MM-DD/);
  });
});

describe("readCustomers", () => {
  it("computes birth, x, t_x, T, holdout and repeat spend per the papers' definitions (worked by hand)", async () => {
    const periods = periodsFor(WINDOW, "2024-01-15");
    const c = await readCustomers(db.connection, periods, periods.calibrationEndDay, "day");
    expect(c.userIds).toEqual(["A", "B", "E", "F"]);
    expect(Array.from(c.birth)).toEqual([0, 5, 14, 2]);
    expect(Array.from(c.x)).toEqual([2, 1, 0, 1]);
    expect(Array.from(c.txDays)).toEqual([10, 3, 0, 4]);
    expect(Array.from(c.TDays)).toEqual([14, 9, 0, 12]);
    expect(Array.from(c.holdoutX)).toEqual([2, 0, 1, 0]);
    expect(Array.from(c.spendX)).toEqual([2, 0, 0, 0]);
    expect(c.spendMean[0]).toBe(6.5);
    expect(Number.isNaN(c.spendMean[1])).toBe(true);
  });

  it("in weeks, t_x and T are days / 7", async () => {
    const periods = periodsFor(WINDOW, "2024-01-15");
    const c = await readCustomers(db.connection, periods, periods.calibrationEndDay, "week");
    expect(c.tx[0]).toBeCloseTo(10 / 7, 12);
    expect(c.T[0]).toBe(2);
  });

  it("counts repeat transactions per day for calibration customers only (C is born after the cut-off)", async () => {
    const periods = periodsFor(WINDOW, "2024-01-15");
    const rows = await queryRows<{ day: number; repeats: number }>(db.connection, repeatsByDaySql(periods, 14));
    expect(rows).toEqual([3, 6, 8, 10, 15, 20, 25].map((day) => ({ day, repeats: 1 })));
  });
});

describe("groupCustomers", () => {
  it("keeps every customer: counts add up to the input, rows are distinct and sorted", () => {
    const x = [0, 1, 0, 1, 3, 0];
    const tx = [0, 2, 0, 2, 5, 0];
    const T = [4, 7, 4, 7, 9, 6];
    const g = groupCustomers(x, tx, T);
    expect(Array.from(g.x)).toEqual([0, 0, 1, 3]);
    expect(Array.from(g.T)).toEqual([4, 6, 7, 9]);
    expect(Array.from(g.count)).toEqual([2, 1, 2, 1]);
  });
});

import { describe, expect, test } from "vitest";
import { csvRows, rowsFromColumns } from "../../src/components/columns";

describe("rowsFromColumns", () => {
  test("rowsFromColumns(columns) zips equal-length columns into rows", () => {
    expect(rowsFromColumns({ cohort: ["2025-01", "2025-02"], period: [0, 1] })).toEqual([
      { cohort: "2025-01", period: 0 },
      { cohort: "2025-02", period: 1 },
    ]);
  });

  test("rowsFromColumns(columns) of empty columns is empty", () => {
    expect(rowsFromColumns({ cohort: [] as string[] })).toEqual([]);
  });

  test("rowsFromColumns(columns) refuses columns of different lengths", () => {
    expect(() => rowsFromColumns({ a: [1, 2], b: [1] })).toThrow(/column b/);
  });
});

test("csvRows(rows, columns) renames fields to their headers, in the columns' order, and drops the rest", () => {
  const { rows, headers } = csvRows([{ a: 1, revenue: 2.5, extra: "x" }], [
    { field: "revenue", header: "revenue (GBP)" },
    { field: "a", header: "a" },
  ]);
  expect(headers).toEqual(["revenue (GBP)", "a"]);
  expect(rows).toEqual([{ "revenue (GBP)": 2.5, a: 1 }]);
});

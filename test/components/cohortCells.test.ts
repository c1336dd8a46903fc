import { describe, expect, test } from "vitest";
import {
  colourScaleTop,
  describeVariant,
  lastDayOfWindow,
  ltvRows,
  periodLabel,
  rowsFromColumns,
  splitByCohorts,
} from "../../src/components/cohortCells";

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

test("ltvRows(columns) adds revenue per member, 0 for an empty cohort", () => {
  const rows = ltvRows({ cohort: ["a", "b"], period: [0, 0], cohort_size: [4, 0], cumulative_revenue: [10, 0], complete: [true, false] });
  expect(rows.map((r) => r.cumulative_revenue_per_member)).toEqual([2.5, 0]);
});

describe("periodLabel", () => {
  test("periodLabel(month) counts calendar months across year ends", () => {
    expect(periodLabel("2025-01", 0, "month")).toBe("2025-01");
    expect(periodLabel("2025-11", 2, "month")).toBe("2026-01");
    expect(periodLabel("2025-12", 13, "month")).toBe("2027-01");
  });

  test("periodLabel(week) adds whole weeks to the Monday, in UTC", () => {
    expect(periodLabel("2024-12-30", 1, "week")).toBe("2025-01-06");
    expect(periodLabel("2025-03-24", 1, "week")).toBe("2025-03-31");
    expect(periodLabel("2025-10-20", 2, "week")).toBe("2025-11-03");
  });

  test("periodLabel rejects labels of the wrong granularity", () => {
    expect(() => periodLabel("2025-01-06", 1, "month")).toThrow(RangeError);
    expect(() => periodLabel("2025-01", 1, "week")).toThrow(RangeError);
  });
});

describe("colourScaleTop", () => {
  const cells = (rates: number[]) => [{ period: 0, rate: 0.97 }, ...rates.map((rate) => ({ period: 1, rate }))];

  test("colourScaleTop(rows) ignores period 0 and rounds up to 5%", () => {
    expect(colourScaleTop(cells([0.1, 0.2, 0.31]), 1)).toBe(0.35);
  });

  test("colourScaleTop(rows) keeps an exact multiple of the step", () => {
    expect(colourScaleTop(cells([0.1, 0.35]), 1)).toBe(0.35);
  });

  test("colourScaleTop(rows) uses a high quantile, so one outlier does not set the scale", () => {
    const rates = [...Array.from({ length: 99 }, () => 0.2), 0.9];
    expect(colourScaleTop(cells(rates))).toBe(0.2);
  });

  test("colourScaleTop(rows) is 1 without later periods and never 0", () => {
    expect(colourScaleTop([{ period: 0, rate: 1 }])).toBe(1);
    expect(colourScaleTop(cells([0, 0]))).toBe(0.05);
  });
});

test("splitByCohorts(points, 3) draws the tail after the last well-backed point, joined to it", () => {
  const points = [5, 4, 3, 2, 1].map((cohorts, period) => ({ period, cohorts }));
  const { solid, thin } = splitByCohorts(points, 3);
  expect(solid.map((p) => p.period)).toEqual([0, 1, 2]);
  expect(thin.map((p) => p.period)).toEqual([2, 3, 4]);
});

test("splitByCohorts(points, 3) has no tail when every point is well backed", () => {
  const points = [5, 4, 3].map((cohorts, period) => ({ period, cohorts }));
  expect(splitByCohorts(points, 3).thin).toEqual([]);
});

test("describeVariant says what counts as active in each mode", () => {
  expect(describeVariant("registration", "month", "on").activity).toBe("had at least one event of any type in month k");
  expect(describeVariant("first_purchase", "week", "on_or_after").activity).toMatch(/purchase in week k or any later one/);
});

test("lastDayOfWindow(window) is the UTC day of the window's last instant", () => {
  expect(lastDayOfWindow({ end: "2026-01-01T00:00:00.000Z" })).toBe("2025-12-31");
});

import { describe, expect, it } from "vitest";
import { boundCohortGrid } from "../../lib/retention/boundCohortGrid";

/** A triangular grid: each cohort has periods 0 … (last − its index). */
function grid(cohorts: [string, number][], periodsOfFirst: number) {
  return cohorts.flatMap(([cohort, cohort_size], i) => Array.from({ length: periodsOfFirst - i }, (_, period) => ({ cohort, period, cohort_size })));
}

describe("boundCohortGrid", () => {
  it("keeps a grid within the limits whole", () => {
    const cells = grid([["2025-01", 10], ["2025-02", 20]], 2);
    const { cells: kept, bound } = boundCohortGrid(cells, { maxCohorts: 2, maxPeriods: 2 });
    expect(kept).toEqual(cells);
    expect(bound).toEqual({ max_cohorts: 2, max_periods: 2, cohorts: 2, cohorts_shown: 2, users_omitted: 0, periods: 2, cells_omitted: 0 });
  });

  it("drops a stray early cohort of one user and its century of periods", () => {
    // 1915-01 (1 user) has 1,332 monthly cells up to 2025-12; the bulk is 2025-10 … 2025-12.
    const cells = [
      ...Array.from({ length: 1332 }, (_, period) => ({ cohort: "1915-01", period, cohort_size: 1 })),
      ...grid([["2025-10", 50], ["2025-11", 40], ["2025-12", 30]], 3),
    ];
    const { cells: kept, bound } = boundCohortGrid(cells, { maxCohorts: 3, maxPeriods: 2 });
    // Windows of 3: {1915-01, 2025-10, 2025-11} = 91, {2025-10 … 2025-12} = 120 → the bulk.
    expect(kept.map((c) => `${c.cohort}/${c.period}`)).toEqual(["2025-10/0", "2025-10/1", "2025-11/0", "2025-11/1", "2025-12/0"]);
    expect(bound).toEqual({ max_cohorts: 3, max_periods: 2, cohorts: 4, cohorts_shown: 3, users_omitted: 1, periods: 1332, cells_omitted: 1332 + 1 });
  });

  it("drops a stray late cohort too, and breaks ties towards the latest cohorts", () => {
    const late = boundCohortGrid(grid([["2025-01", 5], ["2025-02", 5], ["2135-01", 1]], 3), { maxCohorts: 2, maxPeriods: 9 });
    expect(late.bound.cohorts_shown).toBe(2);
    expect([...new Set(late.cells.map((c) => c.cohort))]).toEqual(["2025-01", "2025-02"]);
    // Equal sums 10 and 10: the later window wins.
    const tie = boundCohortGrid(grid([["2025-01", 5], ["2025-02", 5], ["2025-03", 5]], 3), { maxCohorts: 2, maxPeriods: 9 });
    expect([...new Set(tie.cells.map((c) => c.cohort))]).toEqual(["2025-02", "2025-03"]);
    expect(tie.bound.users_omitted).toBe(5);
  });

  it("never returns more than maxCohorts × maxPeriods cells (property, random grids)", () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let trial = 0; trial < 50; trial++) {
      const n = 1 + Math.floor(random() * 40);
      const cohorts = Array.from({ length: n }, (_, i) => [`c${String(i).padStart(3, "0")}`, 1 + Math.floor(random() * 100)] as [string, number]);
      const cells = grid(cohorts, n + Math.floor(random() * 30));
      const limits = { maxCohorts: 1 + Math.floor(random() * 10), maxPeriods: 1 + Math.floor(random() * 10) };
      const { cells: kept, bound } = boundCohortGrid(cells, limits);
      expect(kept.length).toBeLessThanOrEqual(limits.maxCohorts * limits.maxPeriods);
      expect(kept.length + bound.cells_omitted).toBe(cells.length);
      const shownUsers = [...new Map(kept.map((c) => [c.cohort, c.cohort_size])).values()].reduce((s, x) => s + x, 0);
      expect(shownUsers + bound.users_omitted).toBe(cohorts.reduce((s, [, size]) => s + size, 0));
    }
  });
});

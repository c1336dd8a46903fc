/**
 * A cohort grid of bounded size, whatever the window. Two stray events a century apart would otherwise
 * give a single user a century of weekly cells (issue 15: a 70 MB cohorts.json from 1,074 events).
 *
 * Kept: the `maxCohorts` consecutive cohorts (in calendar order, among those that have members) holding
 * the most users, ties to the latest, so a stray early or late cohort falls outside and the bulk of
 * the data stays; and, of each, periods 0 … maxPeriods − 1. What is left out is counted in `GridBound`,
 * which the page states. Averages are computed from every cohort before bounding (the caller truncates
 * them to the shown periods), so no user drops out of them.
 */
export interface CohortGridLimits {
  maxCohorts: number;
  maxPeriods: number;
}

export interface GridBound {
  max_cohorts: number;
  max_periods: number;
  /** Cohorts with members, and how many of them the grid shows. */
  cohorts: number;
  cohorts_shown: number;
  /** Members of the cohorts left out. */
  users_omitted: number;
  /** The longest cohort's number of periods, and how many cells (of any cohort) were left out. */
  periods: number;
  cells_omitted: number;
}

interface GridCell {
  cohort: string;
  period: number;
  cohort_size: number;
}

export function boundCohortGrid<Cell extends GridCell>(cells: readonly Cell[], limits: CohortGridLimits): { cells: Cell[]; bound: GridBound } {
  const sizes = new Map<string, number>();
  let periods = 0;
  for (const cell of cells) {
    sizes.set(cell.cohort, cell.cohort_size);
    periods = Math.max(periods, cell.period + 1);
  }
  const cohorts = [...sizes.keys()].sort();
  const width = Math.min(limits.maxCohorts, cohorts.length);
  // Sliding window over the cohorts in calendar order; `>=` moves ties to the later window.
  let best = 0;
  let bestSum = -1;
  let sum = 0;
  for (let i = 0; i < cohorts.length; i++) {
    sum += sizes.get(cohorts[i]!)!;
    if (i >= width) sum -= sizes.get(cohorts[i - width]!)!;
    if (i >= width - 1 && sum >= bestSum) {
      bestSum = sum;
      best = i - width + 1;
    }
  }
  const shown = new Set(cohorts.slice(best, best + width));
  const kept = cells.filter((c) => shown.has(c.cohort) && c.period < limits.maxPeriods);
  let usersOmitted = 0;
  for (const [cohort, size] of sizes) if (!shown.has(cohort)) usersOmitted += size;
  return {
    cells: kept,
    bound: {
      max_cohorts: limits.maxCohorts,
      max_periods: limits.maxPeriods,
      cohorts: cohorts.length,
      cohorts_shown: shown.size,
      users_omitted: usersOmitted,
      periods,
      cells_omitted: cells.length - kept.length,
    },
  };
}

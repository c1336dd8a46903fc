// The Cohorts page's builder on hand-made engine output: two monthly cohorts whose every figure was
// worked out by hand, in a data currency and time zone other than the defaults.
import { plainText } from "../../lib/pages/richText";
import { describe, expect, test } from "vitest";
import type { CohortsOutput, LtvOutput, RetentionOutput } from "../../lib/analysis/cohorts";
import { revenueCoverage } from "../../lib/analysis/revenueCoverage";
import { SqlTrace } from "../../lib/db/sqlTrace";
import { type CohortsPage, PAGE_VARIANTS, buildCohortsPage } from "../../lib/pages/cohorts";
import { colourScaleTop, solidUntil } from "../../lib/pages/cohortsDrawing";
import type { GridBound } from "../../lib/retention/boundCohortGrid";
import { coverageFixture } from "../helpers/coverageFixture";

// 2025-01-01 00:00 in Shanghai (UTC+8) to 2025-03-01 00:00 there: January and February.
const WINDOW = { start: "2024-12-31T16:00:00.000Z", end: "2025-02-28T16:00:00.000Z" };
const BOUND: GridBound = { max_cohorts: 24, max_periods: 24, cohorts: 2, cohorts_shown: 2, users_omitted: 0, periods: 2, cells_omitted: 0 };

/** Cohort 2025-01 has 4 members, 1 of them active in month 1; cohort 2025-02 has 2, its month 1 (March) incomplete. */
function cell(cohort: string, period: number, size: number, active: number, complete: boolean) {
  const label = period === 0 ? cohort : cohort === "2025-01" ? "2025-02" : "2025-03";
  return { cohort, period, period_label: label, cohort_size: size, active, rate: active / size, ci_low: 0.01, ci_high: 0.9, complete };
}
const CELLS = [cell("2025-01", 0, 4, 4, true), cell("2025-01", 1, 4, 1, true), cell("2025-02", 0, 2, 2, true), cell("2025-02", 1, 2, 0, false)];
const AVERAGE = [
  { period: 0, cohorts: 2, cohort_size: 6, active: 6, rate: 1, ci_low: 0.61, ci_high: 1 },
  { period: 1, cohorts: 1, cohort_size: 4, active: 1, rate: 0.25, ci_low: 0.046, ci_high: 0.7 },
];
/** Cohort 2025-01 spent 10 in month 0 and 5 more in month 1: 2.50 then 3.75 per member; cohort 2025-02 spent 4 in month 0: 2.00. */
const LTV_CELLS = [
  { cohort: "2025-01", period: 0, period_label: "2025-01", cohort_size: 4, revenue: 10, revenue_per_member: 2.5, cumulative_revenue: 10, cumulative_revenue_per_member: 2.5, complete: true },
  { cohort: "2025-01", period: 1, period_label: "2025-02", cohort_size: 4, revenue: 5, revenue_per_member: 1.25, cumulative_revenue: 15, cumulative_revenue_per_member: 3.75, complete: true },
  { cohort: "2025-02", period: 0, period_label: "2025-02", cohort_size: 2, revenue: 4, revenue_per_member: 2, cumulative_revenue: 4, cumulative_revenue_per_member: 2, complete: true },
  { cohort: "2025-02", period: 1, period_label: "2025-03", cohort_size: 2, revenue: 0, revenue_per_member: 0, cumulative_revenue: 4, cumulative_revenue_per_member: 2, complete: false },
];

function engineOutput(): CohortsOutput {
  const retention: (RetentionOutput & { bound: GridBound })[] = PAGE_VARIANTS.flatMap(({ cohort_by, activity }) =>
    (["month", "week"] as const).flatMap((granularity) =>
      (["on", "on_or_after"] as const).map((mode) => ({ cohort_by, activity, granularity, mode, cells: granularity === "month" ? CELLS : [], average: granularity === "month" ? AVERAGE : [], bound: BOUND })),
    ),
  );
  const ltv: (LtvOutput & { bound: GridBound })[] = PAGE_VARIANTS.flatMap(({ cohort_by }) =>
    (["month", "week"] as const).map((granularity) => ({ cohort_by, granularity, cells: granularity === "month" ? LTV_CELLS : [], average: [], bound: BOUND })),
  );
  return { window: WINDOW, retention, ltv };
}

const trace = new SqlTrace([
  { name: "retention_user_days", sql: "CREATE TEMP TABLE retention_user_days AS SELECT 1" },
  { name: "retention_user_anchors", sql: "CREATE TEMP TABLE retention_user_anchors AS SELECT 1" },
  { name: "retention_user_months", sql: "CREATE TEMP TABLE retention_user_months AS SELECT 1" },
  { name: "retention_user_weeks", sql: "CREATE TEMP TABLE retention_user_weeks AS SELECT 1" },
  ...["registration", "first_purchase"].flatMap((c) => ["month", "week"].map((g) => ({ name: `retention.cohort_activity.${c}.${g}`, sql: `SELECT 1 AS any_on` }))),
]);

const SHANGHAI_GBP = coverageFixture(WINDOW, { timezone: "Asia/Shanghai", currency: { code: "GBP", symbol: "£" }, revenue: revenueCoverage(3, 2), notes: ["A note on unpriced purchases."] });
const build = (overrides = {}): CohortsPage => buildCohortsPage(engineOutput(), { ...SHANGHAI_GBP, ...overrides }, trace);
const text = (parts: CohortsPage["lede"][number]) => plainText(parts);

describe("buildCohortsPage", () => {
  const page = build();
  const view = page.retention["registration/month/on"];

  test("offers every combination of the inputs, each picked by its key", () => {
    expect(Object.keys(page.retention).sort()).toEqual(
      ["first_purchase", "registration"].flatMap((c) => ["month", "week"].flatMap((g) => ["on", "on_or_after"].map((m) => `${c}/${g}/${m}`))).sort(),
    );
    expect(Object.keys(page.ltv).sort()).toEqual(["first_purchase/month", "first_purchase/week", "registration/month", "registration/week"]);
  });

  test("days are the data zone's, named, and 'UTC' is never said", () => {
    expect(page.window_text).toBe("2025-01-01 to 2025-02-28 (Asia/Shanghai)");
    expect(text(view.heatmap.caption)).toContain("All periods are calendar months in Asia/Shanghai");
    expect(JSON.stringify({ ...page, retention: undefined, ltv: undefined, axes: undefined })).not.toMatch(/UTC/);
    expect(text(view.heatmap.caption) + text(page.ltv["registration/month"].card.caption)).not.toMatch(/UTC/);
  });

  test("the cells' tooltip texts: 1 of 4 active is 25.0% with its interval", () => {
    expect(view.cells.active_text[1]).toBe("1 of 4");
    expect(view.cells.rate_text[1]).toBe("25.0% (95% CI 1.0–90.0%)");
    expect(view.cells.rate_label).toEqual(["100%", "25%", "100%", "0%"]);
    expect(page.axes["registration/month"].cohort_text).toEqual({ "2025-01": "2025-01 (4 users)", "2025-02": "2025-02 (2 users)" });
    expect(page.axes["first_purchase/month"].cohort_text["2025-02"]).toBe("2025-02 (2 buyers)");
  });

  test("a view whose cells do not fill its definition's grid is refused, not drawn misaligned", () => {
    const output = engineOutput();
    output.ltv[0] = { ...output.ltv[0]!, cells: LTV_CELLS.slice(0, 2) };
    expect(() => buildCohortsPage(output, SHANGHAI_GBP, trace)).toThrow(/do not fill the same cohort × period grid/);
  });

  test("one hatched cell, said in the key, the caption and the summary", () => {
    expect(view.heatmap.hatch_key).toBe("Hatched: period not over when the window closed (1 cell); left out of averages");
    expect(text(view.heatmap.caption)).toContain("Hatched cells (1)");
    expect(view.heatmap.summary).toBe(
      "Heatmap of 2 monthly cohorts (rows, oldest at the top) by months since the cohort's own month, k = 0 to 1 (columns). In month 1, 25.0% of cohort 2025-01 was active. 1 cell is incomplete: its month ends after the window.",
    );
  });

  test("the average curve: one cohort behind month 1, so nothing is solid after month 0", () => {
    expect(view.solid_until).toBe(-1);
    expect(view.average[1]).toMatchObject({ rate_text: "25.0% (95% CI 4.6–70.0%)", active_text: "1 of 4", cohorts_text: "1 with a complete month 1" });
    expect(view.curve.summary).toBe("In month 1, 25.0% (95% CI 4.6–70.0%) of cohort members were active, pooled over 1 cohort.");
  });

  test("LTV in the data's currency: £2.50 then £3.75 per member, and CSV headers name GBP", () => {
    const ltv = page.ltv["registration/month"];
    expect(ltv.cells.value_text).toEqual(["£2.50", "£3.75", "£2.00", "£2.00"]);
    expect(ltv.card.y_label).toBe("↑ Revenue per registered user, cumulative (£)");
    expect(ltv.card.csv.map((c) => c.header)).toContain("cumulative_revenue_per_member (GBP)");
    expect(text(ltv.card.caption)).toContain("Priced purchases only: 1 purchase of 3 has no price and adds nothing.");
    expect(ltv.card.missing).toBeNull();
  });

  test("the lede quotes month 1 of the default view", () => {
    expect(text(page.lede[0]!)).toBe(
      "Of the users who registered in a given month, 25.0% were back the next month (95% CI 4.6–70.0%, pooled over 1 monthly cohort) (the window is too short to follow a cohort for six months).",
    );
  });

  test("weeks without cohorts stand in with a reason; the data notes are on the page", () => {
    expect(page.retention["registration/week/on"].heatmap.missing).toBe("No new users in this data: it has no users to form cohorts from.");
    expect(page.retention["first_purchase/week/on"].curve.missing).toMatch(/no purchases/);
    expect(page.notes).toEqual(["A note on unpriced purchases."]);
  });

  test("without prices LTV is not measurable, never £0.00 per member", () => {
    const unpriced = build({ revenue: revenueCoverage(3, 0) });
    expect(unpriced.ltv["registration/month"].card.missing).toMatch(/No purchase in the data has a price/);
    expect(unpriced.lede.map(text).join(" ")).not.toMatch(/spent/);
  });

  test("without registrations nothing says 'registered': cohorts are by first event", () => {
    const firstEvent = build({ registrations: "first_event" });
    expect(firstEvent.registrations_note).toMatch(/no registrations/);
    expect(firstEvent.inputs.cohort_by.options[0]).toEqual(["First event (any event counts)", "registration"]);
    expect(JSON.stringify(firstEvent)).not.toMatch(/registered/);
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

test("solidUntil(points, 3) is the last period backed by three cohorts: the dotted tail starts there", () => {
  expect(solidUntil([5, 4, 3, 2, 1].map((cohorts, period) => ({ period, cohorts })), 3)).toBe(2);
  expect(solidUntil([5, 4, 3].map((cohorts, period) => ({ period, cohorts })), 3)).toBe(2);
  expect(solidUntil([{ period: 0, cohorts: 1 }], 3)).toBe(-1);
});

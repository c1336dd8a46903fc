// The site and `npm run analyze` agree: the built site's data files (dist/_file/data/*.json) hold the
// same numbers as the analyze CLI's outputs on the dataset the site was built from. Counts must be
// equal; rates and intervals must equal analyze's figure as the loader rounds it for the page (the
// funnel to 6 significant digits, cohorts and segments to 6 decimals; the overview's headline is not
// rounded) within 1e-9, and so also lie within that rounding of analyze's unrounded figure.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { round, roundNumbers } from "../../lib/output/round.js";
import { datasetFolder, dataSourceFromEnv } from "../../lib/warehouse/warehouse.js";
import type { CohortsPage } from "../../lib/pages/cohorts.js";
import type { FunnelPage } from "../../lib/pages/funnel.js";
import type { OverviewPage } from "../../lib/pages/overview.js";
import type { SegmentsPage } from "../../lib/pages/segments.js";
import type { CohortsOutput } from "../../lib/analysis/cohorts.js";
import type { FunnelOutput } from "../../lib/analysis/funnels.js";
import type { Headline } from "../../lib/analysis/headline.js";
import type { SegmentsSummary } from "../../lib/analysis/segments.js";
import { ensureBuilt } from "./support/build.js";
import { DIST, ROOT } from "./support/paths.js";
import { builtData } from "./support/site.js";

await ensureBuilt();

const TOLERANCE = 1e-9;

/** `site` is `expected` as the page's loader rounds it, within 1e-9 (null and integers: equal). */
function expectRate(site: number | null | undefined, expected: number | null | undefined, rounding: (x: number) => number, label: string): void {
  if (expected === null || expected === undefined) {
    expect(site ?? null, label).toBe(expected ?? null);
    return;
  }
  expect(typeof site, `${label}: a number on the site`).toBe("number");
  expect(Math.abs(site! - rounding(expected)), `${label}: site ${site} vs analyze ${expected} rounded to ${rounding(expected)}`).toBeLessThanOrEqual(TOLERANCE);
}
const sixDigits = (x: number) => roundNumbers(x, 6);
const sixDecimals = (x: number) => round(x, 6);
const exact = (x: number) => x;

let out: string;
let analyzed: { funnel: FunnelOutput; cohorts: CohortsOutput; segments: SegmentsSummary; summary: { window: unknown; headline: Headline } };

beforeAll(async () => {
  const source = dataSourceFromEnv();
  const data = await datasetFolder(source);
  out = mkdtempSync(join(tmpdir(), "analyze-parity-"));
  const args = ["--import", "tsx", join(ROOT, "lib/cli/analyze.ts"), "--data", data, "--out", out];
  // From the environment a mapping is always a file path (EVENT_KIT_MAPPING).
  if (typeof source.read?.mapping === "string") args.push("--mapping", source.read.mapping);
  if (source.read?.preset) args.push("--preset", source.read.preset);
  const env = { ...process.env };
  if (source.read?.pseudonymKey) {
    args.push("--pseudonymize");
    env.EVENT_KIT_PSEUDONYM_KEY = source.read.pseudonymKey;
  }
  const run = spawnSync(process.execPath, args, { cwd: ROOT, env, encoding: "utf8", timeout: 240_000, maxBuffer: 1 << 24 });
  if (run.status !== 0) throw new Error(`analyze exited with ${run.status ?? run.signal}:\n${run.stderr.slice(-4_000)}`);
  const read = <T>(name: string) => JSON.parse(readFileSync(join(out, name), "utf8")) as T;
  analyzed = {
    funnel: read("funnel.json"),
    cohorts: read("cohorts.json"),
    segments: read("segments.json"),
    summary: read("summary.json"),
  };
});

afterAll(() => {
  if (out) rmSync(out, { recursive: true, force: true });
});

type Step = FunnelOutput["session_funnel"]["steps"][number];
const RATE_FIELDS = ["rate_from_previous", "rate_from_first", "ci_low", "ci_high", "ci_from_first_low", "ci_from_first_high", "drop_off_rate"] as const;

function expectSameSteps(site: readonly Step[], cli: readonly Step[], label: string): void {
  expect(site.map((s) => s.step), `${label}: steps`).toEqual(cli.map((s) => s.step));
  expect(site.map((s) => [s.count, s.drop_off]), `${label}: counts and drop-offs`).toEqual(cli.map((s) => [s.count, s.drop_off]));
  site.forEach((step, i) => {
    for (const field of RATE_FIELDS) expectRate(step[field], cli[i]![field], sixDigits, `${label} ${step.step} ${field}`);
  });
}

describe("funnel.json ↔ analyze funnel.json", () => {
  const site = builtData<FunnelPage>("funnel");

  test("the window is the same", () => {
    expect(site.window).toEqual(analyzed.funnel.window);
  });

  test("session funnel: step counts and rates", () => {
    expectSameSteps(site.session_funnel.steps, analyzed.funnel.session_funnel.steps, "session funnel");
  });

  test("user funnel: step counts and rates", () => {
    expectSameSteps(site.user_funnel.steps, analyzed.funnel.user_funnel.steps, "user funnel");
  });

  test("category funnels: step counts and rates", () => {
    expect(site.category_funnel.map((c) => c.category)).toEqual(analyzed.funnel.category_funnel.map((c) => c.category));
    site.category_funnel.forEach((category, i) => expectSameSteps(category.steps, analyzed.funnel.category_funnel[i]!.steps, `category ${category.category}`));
  });
});

describe("cohorts.json ↔ analyze cohorts.json", () => {
  const site = builtData<CohortsPage>("cohorts");
  const key = (v: { cohort_by: string; activity: string; granularity: string; mode: string }) => `${v.cohort_by}/${v.activity}/${v.granularity}/${v.mode}`;
  const DEFAULT = "registration/any_event/month/on";

  test("the window is the same", () => {
    expect(site.window).toEqual(analyzed.cohorts.window);
  });

  test(`the default variant (${DEFAULT}) is on the site`, () => {
    expect(Object.values(site.retention).map((v) => key(v.variant))).toContain(DEFAULT);
  });

  test("every retention variant on the site: cells (cohort, period, cohort_size, active, rate, interval, complete) and average curve", () => {
    for (const variant of Object.values(site.retention)) {
      const label = key(variant.variant);
      const cli = analyzed.cohorts.retention.find((v) => key(v) === label);
      expect(cli, `${label} in analyze's cohorts.json`).toBeDefined();
      const { cells } = variant;
      const { grid } = site.axes[`${variant.variant.cohort_by}/${variant.variant.granularity}`];
      const rows = grid.cohort.map((cohort, i) => [cohort, grid.period[i], grid.cohort_size[i], cells.active[i], grid.complete[i]]);
      expect(rows, `${label}: cells`).toEqual(cli!.cells.map((c) => [c.cohort, c.period, c.cohort_size, c.active, c.complete]));
      cli!.cells.forEach((cell, i) => {
        for (const field of ["rate", "ci_low", "ci_high"] as const) {
          expectRate(cells[field][i], cell[field], sixDecimals, `${label} ${cell.cohort} period ${cell.period} ${field}`);
        }
      });
      expect(variant.average.map((p) => [p.period, p.cohorts, p.cohort_size, p.active]), `${label}: average curve counts`).toEqual(
        cli!.average.map((p) => [p.period, p.cohorts, p.cohort_size, p.active]),
      );
      cli!.average.forEach((point, i) => {
        for (const field of ["rate", "ci_low", "ci_high"] as const) {
          expectRate(variant.average[i]![field], point[field], sixDecimals, `${label} average period ${point.period} ${field}`);
        }
      });
    }
  });
});

describe("segments.json ↔ analyze segments.json", () => {
  const site = builtData<SegmentsPage>("segments");

  test("users, k and inertia", () => {
    expect([site.n_users, site.k, site.planted_users]).toEqual([analyzed.segments.n_users, analyzed.segments.k, analyzed.segments.planted_users]);
    expectRate(site.inertia, analyzed.segments.inertia, sixDecimals, "inertia");
    expectRate(site.silhouette, analyzed.segments.silhouette, sixDecimals, "silhouette");
  });

  test("clusters: names, sizes and shares", () => {
    expect(site.clusters.map((c) => [c.cluster, c.name, c.rule, c.size])).toEqual(analyzed.segments.clusters.map((c) => [c.cluster, c.name, c.rule, c.size]));
    analyzed.segments.clusters.forEach((cluster, i) => expectRate(site.clusters[i]!.share, cluster.share, sixDecimals, `cluster ${cluster.cluster} share`));
  });
});

describe("overview.json ↔ analyze summary.json", () => {
  const site = builtData<OverviewPage>("overview");

  test("the window is the same", () => {
    expect(site.window).toEqual(analyzed.summary.window);
  });

  test("headline counts and revenue", () => {
    const { session_conversion: siteConversion, ...siteCounts } = site.headline;
    const { session_conversion: cliConversion, ...cliCounts } = analyzed.summary.headline;
    expect(siteCounts).toEqual(cliCounts);
    expect(siteConversion.converting_sessions).toBe(cliConversion.converting_sessions);
    for (const field of ["rate", "ci_low", "ci_high"] as const) {
      expectRate(siteConversion[field], cliConversion[field], exact, `session conversion ${field}`);
    }
  });
});

// The Cohorts and Data & methods pages against the data they were built from: every combination of the
// cohort inputs draws that variant's cells (hatching exactly its incomplete ones) and offers them as CSV,
// the lede's numbers come from the data, and the realism table shows every check with its mark.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { formatPercent } from "../../lib/format.js";
import type { CohortsPage, ViewKey } from "../../lib/pages/cohorts.js";
import { describeViolations, seriousViolations } from "./support/axe.js";
import { launchChromium, openPage, waitForRender, type OpenedPage } from "./support/browser.js";
import { ensureBuilt } from "./support/build.js";
import { cardTitled } from "./support/charts.js";
import { DIST, ROOT } from "./support/paths.js";
import { serveStatic, type StaticServer } from "./support/server.js";
import { builtData, listPages } from "./support/site.js";

await ensureBuilt();
const pages = listPages(DIST);

let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([serveStatic(DIST), launchChromium()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe.runIf(pages.includes("/cohorts"))("/cohorts", () => {
  const cohorts = builtData<CohortsPage>("cohorts");
  let opened: OpenedPage;

  beforeAll(async () => {
    opened = await openPage(browser, server.origin, "/cohorts", { colorScheme: "light", width: 1280 });
  });
  afterAll(() => opened?.close());

  test("the lede's month-1 and month-6 retention are the data's (registration, monthly, on)", async () => {
    const variant = cohorts.retention["registration/month/on"];
    const lede = (await opened.page.locator("#observablehq-main h1 + p").textContent()) ?? "";
    for (const k of [1, 6]) {
      const point = variant.average.find((p) => p.period === k);
      if (point) expect(lede, `month ${k}`).toContain(formatPercent(point.rate));
    }
  });

  const combinations = [
    ["Registration (any event counts)", "registration"],
    ["First purchase (purchases count)", "first_purchase"],
  ].flatMap(([cohortLabel, cohortBy]) =>
    [
      ["Month", "month"],
      ["ISO week", "week"],
    ].flatMap(([periodLabel, granularity]) =>
      [
        ["Active in period k", "on"],
        ["Active in k or any later period", "on_or_after"],
      ].map(([modeLabel, mode]) => ({ labels: [cohortLabel!, periodLabel!, modeLabel!], cohortBy, granularity, mode })),
    ),
  );

  test("each of the eight input combinations draws its own variant's cells, hatched where incomplete", async () => {
    const page = opened.page;
    const drawings = new Set<string>();
    for (const { labels, cohortBy, granularity, mode } of combinations) {
      for (const label of labels) await page.getByLabel(label, { exact: true }).check();
      const variant = cohorts.retention[`${cohortBy}/${granularity}/${mode}` as ViewKey];
      expect(variant, `${cohortBy} ${granularity} ${mode} in cohorts.json`).toBeDefined();
      const { grid } = cohorts.axes[`${variant!.variant.cohort_by}/${variant!.variant.granularity}`];
      const cells = grid.cohort.length;
      const incomplete = grid.complete.filter((complete) => !complete).length;
      const heatmap = cardTitled(page, "What share of each");
      // Framework re-runs the cells asynchronously: wait until the card states this variant's row count.
      await expect
        .poll(async () => Number((await heatmap.locator(".chart-rowcount").textContent())?.replace(/\D/g, "")), { timeout: 10_000 })
        .toBe(cells);
      await waitForRender(page);
      const marks = await heatmap.locator("svg g[aria-label='cell']").evaluateAll((groups) => groups.map((g) => g.querySelectorAll("rect").length));
      // Plot draws no group for a mark without data: the hatching is absent when nothing is incomplete.
      expect(marks, `${cohortBy} ${granularity} ${mode}: cells, then hatched cells`).toEqual(incomplete > 0 ? [cells, incomplete] : [cells]);
      expect(await heatmap.locator(".heatmap-hatch-key").count()).toBe(incomplete > 0 ? 1 : 0);
      const sql = (await heatmap.locator(".chart-sql code").textContent()) ?? "";
      expect(sql).toContain("CREATE TEMP TABLE");
      expect(sql).toContain(variant!.active_column);
      const average = cardTitled(page, "On average");
      expect(await average.locator(".chart-rowcount").textContent()).toMatch(new RegExp(`^${variant!.average.length}\\b`));
      drawings.add(await heatmap.locator("[data-chart]").innerHTML());
    }
    expect(drawings.size).toBe(combinations.length);
    expect(opened.errors).toEqual([]);
  });

  test("axe finds no serious or critical violation in the weekly first-purchase view", async () => {
    for (const label of ["First purchase (purchases count)", "ISO week", "Active in k or any later period"]) {
      await opened.page.getByLabel(label, { exact: true }).check();
    }
    await waitForRender(opened.page);
    const violations = await seriousViolations(opened.page);
    expect(violations, describeViolations(violations)).toEqual([]);
  });
});

describe.runIf(pages.includes("/data-methods"))("/data-methods", () => {
  const realism = builtData<{ realism: { rows: { id: number; pass: boolean }[] } }>("data-methods").realism.rows;
  let opened: OpenedPage;

  beforeAll(async () => {
    opened = await openPage(browser, server.origin, "/data-methods", { colorScheme: "light", width: 1280 });
  });
  afterAll(() => opened?.close());

  test("the realism table has one row per check, each with its pass or fail mark", async () => {
    const rows = opened.page.locator(".realism-table tbody tr");
    expect(await rows.count()).toBe(realism.length);
    const marks = await rows.locator(".realism-mark").allTextContents();
    expect(await opened.page.locator("[data-profile]").count(), "generated data gets no profile").toBe(0);
    expect(marks.map((text) => /pass/.test(text))).toEqual(realism.map((row) => row.pass));
  });

  test("every rule of the contract is stated: Wilson z, Benjamini–Hochberg, the 7-day user funnel, k-means and silhouette", async () => {
    const text = (await opened.page.locator("#observablehq-main").textContent()) ?? "";
    for (const phrase of ["1.959964", "Benjamini–Hochberg", "t0 + 7 days", "right-censored", "k-means++", "silhouette", "EVENT_KIT_DATA", "npm run generate"]) {
      expect(text).toContain(phrase);
    }
  });

  test("the definitions shown are docs/metrics.md's sections, in its order", async () => {
    const markdown = readFileSync(join(ROOT, "docs", "metrics.md"), "utf8");
    const sections = [...markdown.matchAll(/^## (.+)$/gm)].map((match) => match[1]!.replaceAll("`", ""));
    expect(sections.length).toBeGreaterThanOrEqual(7);
    expect(await opened.page.locator(".definitions h3").allTextContents()).toEqual(sections);
  });
});

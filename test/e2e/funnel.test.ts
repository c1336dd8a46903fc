// The Funnel page against the data it was built from: the lede's numbers, each input drawing its own
// slice of funnel.json, claims of differences only where the engine's tests flag them significant, the
// SQL the engine ran, and the size of the page's data.
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import type { Browser, Locator } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { formatInteger, formatPercent } from "../../lib/format.js";
import { claimableDifferences } from "../../lib/funnel/claims.js";
import { attributeLabel } from "../../lib/funnel/stepWords.js";
import type { Breakdown } from "../../lib/funnel/types.js";
import { describeViolations, seriousViolations } from "./support/axe.js";
import { launchChromium, openPage, waitForRender, type OpenedPage } from "./support/browser.js";
import { ensureBuilt } from "./support/build.js";
import { cardTitled } from "./support/charts.js";
import { DIST } from "./support/paths.js";
import { serveStatic, type StaticServer } from "./support/server.js";
import { builtDataFile, listPages } from "./support/site.js";

await ensureBuilt();
const pages = listPages(DIST);

interface Step {
  step: string;
  count: number;
  rate_from_previous: number;
  rate_from_first: number;
}
interface UnitFunnel {
  steps: Step[];
  trend: { week: unknown[]; month: unknown[] };
  breakdowns: Breakdown[];
  time_to_convert: unknown[];
}
interface UnitSql {
  steps_table: string;
  step_counts: string;
  time_to_convert: string;
  trend: { week: string; month: string };
  breakdowns: string;
}
interface FunnelData {
  session_funnel: UnitFunnel;
  user_funnel: UnitFunnel;
  category_funnel: { category: string; steps: Step[] }[];
  products: { rows: { product_name: string }[] };
  sql: { session: UnitSql; user: UnitSql; category: string; products: string };
}

let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([serveStatic(DIST), launchChromium()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const rowCount = async (locator: Locator) => Number((await locator.locator(".chart-rowcount").textContent())?.replace(/\D/g, ""));
const sqlOf = async (locator: Locator) => (await locator.locator(".chart-sql code").textContent()) ?? "";
const chartText = async (locator: Locator) => (await locator.locator("[data-chart]").textContent()) ?? "";

describe.runIf(pages.includes("/funnel"))("/funnel", () => {
  const file = builtDataFile("funnel");
  const data = JSON.parse(readFileSync(file, "utf8")) as FunnelData;
  const funnels = { session: data.session_funnel, user: data.user_funnel };
  let opened: OpenedPage;

  beforeAll(async () => {
    opened = await openPage(browser, server.origin, "/funnel", { colorScheme: "light", width: 1280 });
  });
  afterAll(() => opened?.close());

  test("the page's data is at most 300 KB gzipped", () => {
    const raw = readFileSync(file);
    expect(gzipSync(raw).length).toBeLessThanOrEqual(300 * 1024);
  });

  test("the lede's numbers are the data's: sessions, each step's conversion, and the user funnel's", async () => {
    const lede = (await opened.page.locator("#observablehq-main h1 ~ p").first().textContent()) ?? "";
    const steps = data.session_funnel.steps;
    expect(lede).toContain(formatInteger(steps[0]!.count));
    for (const step of steps.slice(1)) expect(lede, step.step).toContain(formatPercent(step.rate_from_previous));
    expect(lede).toContain(formatPercent(steps.at(-1)!.rate_from_first));
    expect(lede).toContain(formatPercent(data.user_funnel.steps.at(-1)!.rate_from_first));
  });

  test("the lede claims a segment difference only for a pair the engine flags significant", async () => {
    const claim = opened.page.locator("[data-claim-higher]");
    const segment = data.session_funnel.breakdowns.find((b) => b.attribute === "segment")!;
    const claimable = claimableDifferences(segment);
    expect(await claim.count()).toBe(claimable.length > 0 ? 1 : 0);
    if (claimable.length > 0) {
      const higher = await claim.getAttribute("data-claim-higher");
      const lower = await claim.getAttribute("data-claim-lower");
      const pair = segment.comparisons.find((c) => (c.a === higher && c.b === lower) || (c.a === lower && c.b === higher));
      expect(pair?.significant).toBe(true);
      expect(segment.chi_squared?.significant).toBe(true);
    }
  });

  test("on a wide screen the funnel chooser stays at the top as you scroll, one row high", async () => {
    const page = opened.page;
    const chooser = page.locator(".funnel-controls");
    const trendTitle = cardTitled(page, "Is session conversion changing").locator("h2");
    await trendTitle.scrollIntoViewIfNeeded();
    await page.evaluate(() => window.scrollBy(0, 400));
    const box = (await chooser.boundingBox())!;
    // Stuck near the top of the window, and no taller than one row of controls (it was 140 px with its note).
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y).toBeLessThan(20);
    expect(box.height).toBeLessThanOrEqual(64);
    await page.evaluate(() => window.scrollTo(0, 0));
  });

  test("the Count input switches every unit chart between the session and the user funnel, with its SQL", async () => {
    const page = opened.page;
    for (const [label, unit] of [
      ["Users (first view + 7 days)", "user"],
      ["Sessions (each visit)", "session"],
    ] as const) {
      await page.getByLabel(label, { exact: true }).check();
      const f = funnels[unit];
      const sql = data.sql[unit];
      const steps = cardTitled(page, "How far does a");
      await expect.poll(() => rowCount(steps), { timeout: 10_000 }).toBe(f.steps.length);
      await waitForRender(page);
      const text = await chartText(steps);
      for (const step of f.steps) expect(text, `${unit} ${step.step}`).toContain(formatInteger(step.count));
      expect(await sqlOf(steps)).toContain(sql.steps_table);
      expect(await sqlOf(steps)).toContain(sql.step_counts);
      expect(await sqlOf(cardTitled(page, "How long"))).toContain(sql.time_to_convert);
      expect(await sqlOf(cardTitled(page, "Is .* conversion changing"))).toContain(sql.trend.month);
      expect(await rowCount(cardTitled(page, "Is .* conversion changing"))).toBe(f.trend.month.length);
      expect(await sqlOf(cardTitled(page, "Do .* convert differently"))).toContain(sql.breakdowns);
    }
    expect(opened.errors).toEqual([]);
  });

  test("the trend input shows weeks or months", async () => {
    const page = opened.page;
    const trend = cardTitled(page, "Is .* conversion changing");
    await page.getByLabel("ISO week", { exact: true }).check();
    await expect.poll(() => rowCount(trend), { timeout: 10_000 }).toBe(data.session_funnel.trend.week.length);
    expect(await sqlOf(trend)).toContain(data.sql.session.trend.week);
    await page.getByLabel("Month", { exact: true }).check();
    await expect.poll(() => rowCount(trend), { timeout: 10_000 }).toBe(data.session_funnel.trend.month.length);
  });

  test("every breakdown, for both units, claims exactly the differences the engine flags significant", async () => {
    const page = opened.page;
    for (const [label, unit] of [
      ["Sessions (each visit)", "session"],
      ["Users (first view + 7 days)", "user"],
    ] as const) {
      await page.getByLabel(label, { exact: true }).check();
      for (const breakdown of funnels[unit].breakdowns) {
        await page.getByLabel("Break down by").selectOption({ label: attributeLabel(breakdown.attribute) });
        const view = cardTitled(page, "Do .* convert differently");
        await expect.poll(async () => (await view.locator("h2").textContent()) ?? "", { timeout: 10_000 }).toContain(attributeLabel(breakdown.attribute).toLowerCase());
        await waitForRender(page);
        expect(await rowCount(view)).toBe(breakdown.values.length);
        const claimed = await view.locator(".breakdown-findings li").evaluateAll((items) =>
          items.flatMap((li) => (JSON.parse(li.getAttribute("data-lower") ?? "[]") as string[]).map((lower) => `${li.getAttribute("data-higher")} > ${lower}`)),
        );
        const expected = claimableDifferences(breakdown).map((d) => `${d.higher.value} > ${d.lower.value}`);
        // The card lists the strongest few groups; whatever it lists must be claimable, and significant.
        for (const claim of claimed) expect(expected, `${unit} ${breakdown.attribute}: ${claim}`).toContain(claim);
        for (const d of claimableDifferences(breakdown)) {
          expect(d.comparison.significant).toBe(true);
          expect(breakdown.chi_squared?.significant).toBe(true);
        }
        const findings = (await view.locator(".breakdown-findings").textContent()) ?? "";
        if (breakdown.chi_squared && !breakdown.chi_squared.significant) expect(findings).toContain("No significant difference");
        if (expected.length === 0) expect(claimed).toEqual([]);
      }
    }
    expect(opened.errors).toEqual([]);
  });

  test("the category input draws that category's funnel", async () => {
    const page = opened.page;
    for (const category of data.category_funnel.slice(0, 3).reverse()) {
      await page.getByLabel("Category", { exact: true }).selectOption(category.category);
      const view = cardTitled(page, "In ");
      await expect.poll(async () => (await view.locator("h2").textContent()) ?? "", { timeout: 10_000 }).toContain(category.category);
      await waitForRender(page);
      const text = await chartText(view);
      for (const step of category.steps) expect(text, `${category.category} ${step.step}`).toContain(formatInteger(step.count));
      expect(await sqlOf(view)).toContain(data.sql.category);
    }
  });

  test("products are shown with the SQL that ranked them, names as text", async () => {
    const view = cardTitled(opened.page, "Are the most-viewed products");
    expect(await rowCount(view)).toBe(data.products.rows.length);
    expect(await sqlOf(view)).toContain(data.sql.products);
    // Names are drawn as SVG text: none of them became an element.
    const names = await view.locator("[data-chart] svg text").allTextContents();
    expect(names.length).toBeGreaterThan(0);
  });

  test("axe finds no serious or critical violation in the user funnel's location breakdown, pairwise tests open", async () => {
    const page = opened.page;
    await page.getByLabel("Users (first view + 7 days)", { exact: true }).check();
    await page.getByLabel("Break down by").selectOption({ label: "Location" });
    await waitForRender(page);
    await page.locator(".pairwise-tests > summary").click();
    const violations = await seriousViolations(page);
    expect(violations, describeViolations(violations)).toEqual([]);
  });
});

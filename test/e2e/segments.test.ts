// The Segments page against the data it was built from: the published file carries nothing per user but
// anonymous map points and stays small; the lede and the cards quote the data; each input redraws its
// chart with the data it names; the SQL shown is the segments module's own.
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { formatInteger, formatNumber, formatShare } from "../../lib/format.js";
import { shortLabel } from "../../lib/pages/segmentsWords.js";
import { describeViolations, seriousViolations } from "./support/axe.js";
import { launchChromium, openPage, waitForRender, type OpenedPage } from "./support/browser.js";
import { ensureBuilt } from "./support/build.js";
import { cardTitled } from "./support/charts.js";
import { DIST } from "./support/paths.js";
import { serveStatic, type StaticServer } from "./support/server.js";
import { builtDataFile, listPages } from "./support/site.js";

await ensureBuilt();
const pages = listPages(DIST);

interface Segments {
  k: number;
  n_users: number;
  ari_vs_planted: number | null;
  feature_definitions: { name: string; label: string }[];
  clusters: { cluster: number; name: string; size: number; share: number; revenue_share: number; purchases?: number; planted: unknown[] }[];
  pca: { points: { x: number[]; y: number[]; cluster: number[] } };
  category_preferences: { cluster: number; category: string; purchases: number }[];
  sql: { features: string; categories: string };
}

const rowCount = async (page: Page, prefix: string) => Number((await cardTitled(page, prefix).locator(".chart-rowcount").textContent())?.replace(/\D/g, ""));

describe.runIf(pages.includes("/segments"))("/segments", () => {
  const path = builtDataFile("segments");
  const text = readFileSync(path, "utf8");
  const segments = JSON.parse(text) as Segments;
  let server: StaticServer;
  let browser: Browser;
  let opened: OpenedPage;

  beforeAll(async () => {
    [server, browser] = await Promise.all([serveStatic(DIST), launchChromium()]);
    opened = await openPage(browser, server.origin, "/segments", { colorScheme: "light", width: 1280 });
  });
  afterAll(async () => {
    await opened?.close();
    await browser?.close();
    await server?.close();
  });

  test("segments.json carries no user id and stays under 300 KB gzipped", () => {
    expect(text).not.toMatch(/user_id"\s*:/);
    expect(text).not.toMatch(/"U\d{4,}"/);
    expect(text).not.toMatch(/@/);
    expect(gzipSync(text).length).toBeLessThan(300 * 1024);
  });

  test("the lede quotes the data: k, active users, and the largest segment's share", async () => {
    const lede = (await opened.page.locator("#observablehq-main h1 + p").textContent()) ?? "";
    const largest = [...segments.clusters].sort((a, b) => b.size - a.size)[0]!;
    expect(lede).toContain(`${segments.k} groups`);
    expect(lede).toContain(formatInteger(segments.n_users));
    expect(lede).toContain(largest.name);
    expect(lede).toContain(formatShare(largest.share));
  });

  test("one card per segment, with its name, size and revenue share", async () => {
    const cards = opened.page.locator(".segment-card");
    expect(await cards.count()).toBe(segments.clusters.length);
    for (const cluster of segments.clusters) {
      const text = (await cards.filter({ has: opened.page.locator("h3", { hasText: cluster.name }) }).textContent()) ?? "";
      expect(text).toContain(formatInteger(cluster.size));
      expect(text).toContain(formatShare(cluster.share));
      expect(text).toContain(formatShare(cluster.revenue_share));
      expect(text).toMatch(/95% CI/);
    }
  });

  test("the map draws every sampled point, and each highlight keeps them all with one segment in front", async () => {
    const page = opened.page;
    const map = cardTitled(page, "(How far apart|Where do)");
    const select = map.locator("select");
    const options = await select.locator("option").count();
    expect(options).toBe(segments.clusters.length + 1);
    const total = segments.pca.points.x.length;
    for (let i = 0; i < options; ++i) {
      await select.selectOption({ index: i });
      const cluster = i === 0 ? null : segments.clusters.find((c) => c.cluster === i - 1)!;
      const expected = cluster === null ? total : segments.pca.points.cluster.filter((c) => c === cluster.cluster).length;
      await expect.poll(() => rowCount(page, "(How far apart|Where do)"), { timeout: 10_000 }).toBe(expected);
      await waitForRender(page);
      // The first dot marks are the points (greyed, then in colour); the last is the centroids.
      const dots = await map.locator("svg g[aria-label='dot']").evaluateAll((groups) => groups.map((g) => g.querySelectorAll("circle, path").length));
      expect(dots.slice(0, -1).reduce((a, b) => a + b, 0), `highlight ${cluster?.name ?? "none"}`).toBe(total);
      if (cluster) expect(await map.locator("h2").textContent()).toContain(cluster.name);
    }
    await select.selectOption({ index: 0 });
  });

  test("each feature of the feature input redraws the comparison with k + 1 rows", async () => {
    const page = opened.page;
    const comparison = cardTitled(page, "How do the segments compare");
    const select = comparison.locator("select");
    const drawings = new Set<string>();
    for (const feature of segments.feature_definitions) {
      await select.selectOption({ label: shortLabel(feature) });
      await expect.poll(async () => (await cardTitled(page, "How do the segments compare").locator("h2").textContent()) ?? "").toContain(shortLabel(feature).toLowerCase());
      await waitForRender(page);
      const current = cardTitled(page, "How do the segments compare");
      expect(await rowCount(page, "How do the segments compare")).toBe(segments.k + 1);
      expect(await current.locator(".chart-sql code").textContent()).toContain(feature.name);
      drawings.add(await current.locator("[data-chart]").innerHTML());
    }
    expect(drawings.size).toBe(segments.feature_definitions.length);
  });

  test("the category measure switches between views and purchases; a segment without purchases gets dashed cells", async () => {
    const page = opened.page;
    const categories = new Set(segments.category_preferences.map((p) => p.category)).size;
    await page.getByLabel("Purchases", { exact: true }).check();
    const heatmap = cardTitled(page, "Which categories");
    await expect.poll(async () => (await heatmap.locator("h2").textContent()) ?? "").toContain("purchases");
    await waitForRender(page);
    const purchases = new Map<number, number>();
    for (const p of segments.category_preferences) purchases.set(p.cluster, (purchases.get(p.cluster) ?? 0) + p.purchases);
    const without = [...purchases.values()].filter((n) => n === 0).length;
    const cells = await heatmap.locator("svg g[aria-label='cell']").evaluateAll((groups) => groups.map((g) => g.querySelectorAll("rect").length));
    expect(cells.reduce((a, b) => a + b, 0)).toBe(segments.k * categories);
    expect(await heatmap.locator("svg text", { hasText: /^—$/ }).count()).toBe(without * categories);
    expect(await heatmap.locator(".chart-sql code").textContent()).toContain("segments_assignment");
    const violations = await seriousViolations(page);
    expect(violations, describeViolations(violations)).toEqual([]);
    await page.getByLabel("Product views", { exact: true }).check();
  });

  test("the charts built on the features show the segments module's own feature SQL", async () => {
    const codes = await opened.page.locator(".chart-sql code").allTextContents();
    const withFeatures = codes.filter((code) => code.includes(segments.sql.features));
    expect(withFeatures.length).toBeGreaterThanOrEqual(4);
    expect(segments.sql.features).toContain("FROM events");
  });

  test.runIf(segments.ari_vs_planted !== null)("agreement with the planted segments: the ARI in the prose and a cell per segment × planted segment", async () => {
    const main = (await opened.page.locator("#observablehq-main").textContent()) ?? "";
    expect(main).toContain(formatNumber(segments.ari_vs_planted!, 2));
    const planted = new Set(segments.clusters.flatMap((c) => c.planted.map((p) => (p as { segment: string }).segment))).size;
    const heatmap = cardTitled(opened.page, "Where did each planted segment");
    const cells = await heatmap.locator("svg g[aria-label='cell'] rect").count();
    expect(cells).toBe(segments.k * planted);
    expect(await rowCount(opened.page, "Where did each planted segment")).toBe(segments.k * planted);
  });

  test("no errors on the page after every interaction", () => {
    expect(opened.errors).toEqual([]);
    expect(opened.outsideRequests).toEqual([]);
  });
});

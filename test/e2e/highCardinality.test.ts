// Issue 11 item 4: with 100,000 products, 5,000 categories and 5,000 locations (and few events) every
// page's data stays ≤ 300 KB gzipped and ≤ 1 MB raw, no chart is taller than 2,000 px, and no select
// offers more than 50 options. Built in a scratch copy of the project (support/broughtBuild.ts).
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { HIGH_CARDINALITY, writeHighCardinalityDataset } from "../helpers/highCardinalityDataset.js";
import { tempDir } from "../helpers/tempDir.js";
import { launchChromium, openPage } from "./support/browser.js";
import { buildOnBroughtData } from "./support/broughtBuild.js";
import { SCREENSHOTS } from "./support/paths.js";
import { serveStatic, type StaticServer } from "./support/server.js";

const PAGES = ["/", "/cohorts", "/funnel", "/segments", "/data-methods"];
const data = tempDir("event-kit-high-cardinality-");
let dist: string;
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  writeHighCardinalityDataset(data.path);
  dist = await buildOnBroughtData("high-cardinality", { EVENT_KIT_DATA: data.path });
  server = await serveStatic(dist);
  browser = await launchChromium();
}, 600_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
  data.cleanup();
});

describe(`a dataset of ${HIGH_CARDINALITY.products.toLocaleString("en-US")} products, ${HIGH_CARDINALITY.categories.toLocaleString("en-US")} categories and ${HIGH_CARDINALITY.locations.toLocaleString("en-US")} locations`, () => {
  test("every page's data file is at most 1 MB raw and 300 KB gzipped", () => {
    const folder = join(dist, "_file", "data");
    const files = readdirSync(folder).filter((f) => f.endsWith(".json"));
    // One data file per page: Overview, Funnel, Cohorts, Segments, Data & methods, Who will come back?
    for (const page of ["overview", "funnel", "cohorts", "segments", "data-methods", "predictions"]) {
      expect(files.some((f) => f.startsWith(`${page}.`)), page).toBe(true);
    }
    const sizes = files.map((f) => {
      const bytes = readFileSync(join(folder, f));
      return { file: f, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
    });
    console.log(sizes.map((s) => `${s.file}: ${s.raw} B raw, ${s.gzip} B gzipped`).join("\n"));
    for (const s of sizes) {
      expect(s.raw, `${s.file} raw`).toBeLessThanOrEqual(1_000_000);
      expect(s.gzip, `${s.file} gzipped`).toBeLessThanOrEqual(300_000);
    }
  });

  test.each(PAGES)("%s: no chart taller than 2,000 px, no select with more than 50 options", async (path) => {
    const opened = await openPage(browser, server.origin, path);
    try {
      const { page } = opened;
      expect(opened.errors).toEqual([]);
      const tallest = await page.evaluate(() =>
        Math.max(0, ...Array.from(document.querySelectorAll("#observablehq-main svg, #observablehq-main [data-chart]")).map((e) => e.getBoundingClientRect().height)),
      );
      expect(tallest).toBeLessThanOrEqual(2_000);
      const options = await page.evaluate(() => Array.from(document.querySelectorAll("select")).map((s) => s.options.length));
      for (const n of options) expect(n).toBeLessThanOrEqual(50);
      if (path === "/funnel" || path === "/segments") {
        await page.screenshot({ path: join(SCREENSHOTS, `high-cardinality${path.replace("/", "-")}.png`), fullPage: true });
      }
    } finally {
      await opened.close();
    }
  });

  test("the Funnel page names the top categories and an Other bucket, and says so", async () => {
    const opened = await openPage(browser, server.origin, "/funnel");
    try {
      const options = await opened.page.evaluate(() => Array.from(document.querySelectorAll("select")).flatMap((s) => Array.from(s.options).map((o) => o.text)));
      expect(options.filter((o) => /^Category \d{4}$/.test(o))).toHaveLength(20);
      expect(options.some((o) => /^Other \([\d\u202f]+ categories\)$/.test(o))).toBe(true);
      expect(await opened.page.locator("#observablehq-main").innerText()).toMatch(/Shown: the 20 of [\d\u202f]+ categories with the most viewing sessions \(ties by name/);
    } finally {
      await opened.close();
    }
  });
});

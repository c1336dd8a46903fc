/**
 * Benchmark (not a test): what each built page costs its reader, against the report-site targets
 * "at the default dataset each page ships ≤ 300 KB of data gzipped, and all its charts are drawn
 * ≤ 1.5 s after load in headless Chromium on localhost".
 *
 * For every page of dist/ (the 404 page aside), served by the e2e static server and opened in the e2e
 * Chromium (a fresh context per load, so nothing is cached):
 *   - data KB gz: the data files the page fetched (requests to /_file/data/*.json, recorded in the
 *     browser), each gzipped at level 9 from dist/ and summed (KB = 1024 bytes, as the e2e tests count);
 *   - draw ms: the median over 3 loads of the time from navigation start until no cell is still
 *     loading and every chart (found as test/e2e/support/charts.ts finds them) has drawn marks, with
 *     at least as many charts as the page shows when fully rendered. Read from the page's own clock
 *     (performance.now(), whose origin is navigation start), polled from Node, so a figure includes up
 *     to one poll round trip (a few ms).
 * Baseline, in the same run: the same measurement on a trivial static HTML page (one heading, no
 * script) served by a second instance of the same server, until document.readyState is "complete",
 * so draw times can be compared across machines as a ratio.
 *
 * It uses dist/ as it is, building it first (test/e2e/support/build.ts's ensureBuilt, with its lock)
 * when it is missing or older than its sources.
 * Wire it as `pageweight: () => benchPageWeight()` in bench/run.ts.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import type { Browser, Page } from "playwright-core";
import { launchChromium } from "../test/e2e/support/browser";
import { ensureBuilt } from "../test/e2e/support/build";
import { inspectCharts } from "../test/e2e/support/charts";
import { DIST } from "../test/e2e/support/paths";
import { serveStatic } from "../test/e2e/support/server";
import { listPages } from "../test/e2e/support/site";
import { table } from "./measure";

const TARGET_DATA_KB = 300;
const TARGET_DRAW_MS = 1500;
const LOADS = 3;
const TIMEOUT_MS = 30_000;
const DATA_PATH = /^\/_file\/data\/[^/]+\.json$/;

const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

interface Load {
  drawMs: number;
  charts: number;
  /** URL paths of the data files requested. */
  data: string[];
}

/** A fresh context as test/e2e/support/browser.ts's openPage makes it: light, 1280 × 900, no service workers. */
async function withFreshPage<T>(browser: Browser, work: (page: Page) => Promise<T>): Promise<T> {
  const context = await browser.newContext({ colorScheme: "light", viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1, serviceWorkers: "block" });
  // tsx compiles with esbuild's keepNames, which wraps functions in __name(...) calls; the functions
  // charts.ts passes to page.evaluate are serialised with them, so the page needs a no-op __name.
  await context.addInitScript("globalThis.__name = (target) => target;");
  try {
    return await work(await context.newPage());
  } finally {
    await context.close();
  }
}

/** Polls `ready` (from Node) until it holds, then returns the page's clock: ms since navigation start. */
async function timeUntil(page: Page, ready: () => Promise<boolean>, what: string): Promise<number> {
  const deadline = Date.now() + TIMEOUT_MS;
  for (;;) {
    if (await ready()) return page.evaluate(() => performance.now());
    if (Date.now() > deadline) throw new Error(`pageweight: ${what} not ready after ${TIMEOUT_MS} ms`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** Every cell rendered and at least `minCharts` charts, each with drawn marks. Returns the chart count then, or -1. */
async function chartsDrawn(page: Page, minCharts: number): Promise<number> {
  const loading = await page.evaluate(() => document.readyState === "loading" || document.querySelectorAll("observablehq-loading").length > 0);
  if (loading) return -1;
  const charts = await inspectCharts(page);
  return charts.length >= minCharts && charts.every((chart) => chart.drawnMarks > 0) ? charts.length : -1;
}

async function loadPage(browser: Browser, url: string, minCharts: number): Promise<Load> {
  return withFreshPage(browser, async (page) => {
    const data = new Set<string>();
    page.on("request", (request) => {
      const { pathname } = new URL(request.url());
      if (DATA_PATH.test(pathname)) data.add(pathname);
    });
    let charts = -1;
    await page.goto(url, { waitUntil: "commit", timeout: TIMEOUT_MS });
    const drawMs = await timeUntil(page, async () => (charts = await chartsDrawn(page, minCharts)) >= 0, url);
    // Data a page fetches after its charts are drawn still ships with it.
    await page.waitForLoadState("networkidle", { timeout: TIMEOUT_MS });
    return { drawMs, charts, data: [...data] };
  });
}

/** How many charts the page shows once Framework has rendered everything and the network is quiet. */
async function finalChartCount(browser: Browser, url: string): Promise<number> {
  return withFreshPage(browser, async (page) => {
    await page.goto(url, { waitUntil: "load", timeout: TIMEOUT_MS });
    await page.waitForFunction(() => document.querySelectorAll("observablehq-loading").length === 0, null, { timeout: TIMEOUT_MS });
    await page.waitForLoadState("networkidle", { timeout: TIMEOUT_MS });
    return (await inspectCharts(page)).length;
  });
}

async function baselineLoad(browser: Browser, url: string): Promise<number> {
  return withFreshPage(browser, async (page) => {
    await page.goto(url, { waitUntil: "commit", timeout: TIMEOUT_MS });
    return timeUntil(page, () => page.evaluate(() => document.readyState === "complete"), url);
  });
}

function gzippedBytes(urlPath: string): number {
  return gzipSync(readFileSync(join(DIST, decodeURIComponent(urlPath))), { level: 9 }).length;
}

export async function benchPageWeight(): Promise<void> {
  await ensureBuilt();
  const pages = listPages(DIST);
  const trivialRoot = mkdtempSync(join(tmpdir(), "pageweight-"));
  writeFileSync(join(trivialRoot, "index.html"), '<!doctype html><html lang="en"><meta charset="utf-8"><title>baseline</title><h1>Baseline</h1></html>\n');
  const [server, trivial, browser] = await Promise.all([serveStatic(DIST), serveStatic(trivialRoot), launchChromium()]);
  try {
    // Warm-up: one load of the baseline and of each page, so the first measured load pays no browser start-up.
    await baselineLoad(browser, trivial.origin + "/");
    const expected = new Map<string, number>();
    for (const path of pages) expected.set(path, await finalChartCount(browser, server.origin + path));

    const baselineMs: number[] = [];
    const loads = new Map<string, Load[]>(pages.map((path) => [path, []]));
    // Round-robin over the pages so a slow moment of the machine does not land on one page's loads only.
    for (let round = 0; round < LOADS; round++) {
      baselineMs.push(await baselineLoad(browser, trivial.origin + "/"));
      for (const path of pages) loads.get(path)!.push(await loadPage(browser, server.origin + path, expected.get(path)!));
    }
    const baseline = median(baselineMs);

    const rows: (string | number)[][] = [["page", "charts", "data files", "data KB gz", "÷ 300 KB", "draw ms (median of 3)", "÷ 1500 ms", "÷ baseline"]];
    let worstData = 0;
    let worstDraw = 0;
    for (const path of pages) {
      const pageLoads = loads.get(path)!;
      const files = [...new Set(pageLoads.flatMap((load) => load.data))].sort();
      const kb = files.reduce((sum, file) => sum + gzippedBytes(file), 0) / 1024;
      const drawMs = median(pageLoads.map((load) => load.drawMs));
      worstData = Math.max(worstData, kb / TARGET_DATA_KB);
      worstDraw = Math.max(worstDraw, drawMs / TARGET_DRAW_MS);
      rows.push([
        path,
        Math.max(...pageLoads.map((load) => load.charts)),
        files.length,
        kb.toFixed(1),
        (kb / TARGET_DATA_KB).toFixed(2),
        drawMs.toFixed(0),
        (drawMs / TARGET_DRAW_MS).toFixed(2),
        `${(drawMs / baseline).toFixed(1)}×`,
      ]);
    }
    rows.push(["baseline: trivial static page, to load", 0, 0, "0.0", "-", baseline.toFixed(0), (baseline / TARGET_DRAW_MS).toFixed(2), "1.0×"]);
    console.log(table(rows));
    console.log(
      `draw loads per page: ${pages.map((path) => `${path} [${loads.get(path)!.map((load) => load.drawMs.toFixed(0)).join(", ")}]`).join("; ")}; ` +
        `baseline [${baselineMs.map((ms) => ms.toFixed(0)).join(", ")}] ms`,
    );
    console.log(
      `worst page: data ${worstData.toFixed(2)} of the 300 KB target ${worstData <= 1 ? "OK" : "TOO HEAVY"}, ` +
        `draw ${worstDraw.toFixed(2)} of the 1.5 s target ${worstDraw <= 1 ? "OK" : "TOO SLOW"}`,
    );
  } finally {
    await browser.close();
    await Promise.all([server.close(), trivial.close()]);
    rmSync(trivialRoot, { recursive: true, force: true });
  }
}

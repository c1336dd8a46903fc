// End-to-end tests of the built site in Chromium: every page, light and dark, wide and narrow.
// One browser for the whole file; one context per page and mode. Screenshots go to
// test-output/screenshots/ for people to look at.
import { mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { describeViolations, seriousViolations } from "./support/axe.js";
import { launchChromium, openPage, waitForRender, type OpenedPage } from "./support/browser.js";
import { ensureBuilt } from "./support/build.js";
import { changeInput, chartsSignature, colourProbe, inspectCharts, inspectLayout, kpiRows, listInputs } from "./support/charts.js";
import { parseCsv } from "./support/csvParse.js";
import { DIST, SCREENSHOTS } from "./support/paths.js";
import { serveStatic, type StaticServer } from "./support/server.js";
import { listPages, pageSlug } from "./support/site.js";

// Pages are discovered from the build, so the build happens while the tests are collected.
await ensureBuilt();
const pages = listPages(DIST);

let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  // Screenshots of pages that no longer exist would mislead whoever looks at the folder.
  const slugs = new Set(pages.map(pageSlug));
  for (const file of readdirSync(SCREENSHOTS)) {
    const slug = /^(.+)-\d+-(light|dark)\.png$/.exec(file)?.[1];
    if (slug && !slugs.has(slug)) rmSync(join(SCREENSHOTS, file));
  }
  [server, browser] = await Promise.all([serveStatic(DIST), launchChromium()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

type Problems = Pick<OpenedPage, "errors" | "failedRequests" | "outsideRequests">;

/** What has gone wrong on the page, or only since `since` (an earlier snapshot) when given. */
function problems(opened: OpenedPage, since?: Problems): Problems {
  return {
    errors: opened.errors.slice(since?.errors.length ?? 0),
    failedRequests: opened.failedRequests.slice(since?.failedRequests.length ?? 0),
    outsideRequests: opened.outsideRequests.slice(since?.outsideRequests.length ?? 0),
  };
}

const NO_PROBLEMS = { errors: [], failedRequests: [], outsideRequests: [] };

test("the site has pages", () => {
  expect(pages).toContain("/");
});

describe.each(pages)("%s", (path) => {
  const slug = pageSlug(path);

  describe("light, 1280 px", () => {
    let opened: OpenedPage;
    beforeAll(async () => {
      opened = await openPage(browser, server.origin, path, { colorScheme: "light", width: 1280 });
    });
    afterAll(() => opened?.close());

    test("loads with no console errors, no failed requests and no request off the site", () => {
      expect(problems(opened)).toEqual(NO_PROBLEMS);
    });

    test("shows no cell errors", async () => {
      const cellErrors = await opened.page.locator(".observablehq--error").allTextContents();
      expect(cellErrors).toEqual([]);
    });

    test("every chart has drawn marks and a text alternative", async () => {
      const charts = await inspectCharts(opened.page);
      for (const chart of charts) {
        expect(chart.svgs, `${chart.name}: SVG`).toBeGreaterThan(0);
        expect(chart.drawnMarks, `${chart.name}: drawn marks`).toBeGreaterThan(0);
        expect(chart.textAlternative, `${chart.name}: text alternative`).not.toBe("");
      }
    });

    test("axe finds no serious or critical violation", async () => {
      const violations = await seriousViolations(opened.page);
      expect(violations, describeViolations(violations)).toEqual([]);
    });

    test("Observable Inputs are styled (their stylesheet is bundled, not implicit)", async () => {
      const unstyled = await opened.page.evaluate(() =>
        Array.from(document.querySelectorAll("form"))
          .filter((form) => /(^|\s)inputs-[0-9a-f]+(\s|$)/.test(form.className))
          .filter((form) => getComputedStyle(form).getPropertyValue("--input-width").trim() === "")
          .map((form) => form.querySelector("label")?.textContent ?? form.className),
      );
      expect(unstyled).toEqual([]);
    });

    test("has a favicon served by the site", async () => {
      const status = await opened.page.evaluate(async () => {
        const href = document.querySelector<HTMLLinkElement>("link[rel~=icon]")?.href;
        return href ? (await fetch(href)).status : 0;
      });
      expect(status).toBe(200);
    });

    test("no KPI card sits alone on a row (five cards go three over two)", async () => {
      for (const rows of await kpiRows(opened.page)) {
        if (rows.reduce((a, b) => a + b, 0) > 1) expect(rows.every((n) => n > 1), JSON.stringify(rows)).toBe(true);
      }
    });

    test("screenshot", async () => {
      await opened.page.screenshot({ path: join(SCREENSHOTS, `${slug}-1280-light.png`), fullPage: true });
    });

    test("each Download CSV button saves the chart's rows as well-formed CSV", async () => {
      const before = problems(opened);
      const cards = opened.page.locator("[data-chart-card]");
      for (let i = 0; i < (await cards.count()); ++i) {
        const card = cards.nth(i);
        const title = (await card.locator("h2").first().textContent()) ?? `card ${i}`;
        const [download] = await Promise.all([opened.page.waitForEvent("download"), card.locator(".download-button").click()]);
        expect(download.suggestedFilename(), title).toMatch(/^[A-Za-z0-9._-]+\.csv$/);
        const file = await download.path();
        const records = parseCsv(readFileSync(file, "utf8"));
        const stated = Number((await card.locator(".chart-rowcount").textContent())?.replace(/\D/g, ""));
        expect(records.length - 1, `${title}: data rows in the CSV`).toBe(stated);
        expect(records[0]?.length, `${title}: header`).toBeGreaterThan(0);
        // A spreadsheet runs a cell starting with = + - @ tab or CR as a formula; only numbers may.
        const formulas = records.flat().filter((field) => /^[=+\-@\t\r]/.test(field) && !Number.isFinite(Number(field)));
        expect(formulas, `${title}: cells a spreadsheet would run`).toEqual([]);
      }
      expect(problems(opened, before)).toEqual(NO_PROBLEMS);
    });

    // Last, as it changes the page's state.
    test("each input changes what a chart shows", async () => {
      const problemsBefore = problems(opened);
      const inputs = await listInputs(opened.page);
      for (const input of inputs) {
        const before = await chartsSignature(opened.page);
        await changeInput(opened.page, input);
        let after = before;
        // Framework re-runs the dependent cells asynchronously: poll for up to five seconds.
        for (let attempt = 0; attempt < 50 && after === before; ++attempt) {
          await opened.page.waitForTimeout(100);
          after = await chartsSignature(opened.page);
        }
        await waitForRender(opened.page);
        expect(after, `${input.kind} "${input.label}" changed no chart`).not.toBe(before);
      }
      expect(problems(opened, problemsBefore)).toEqual(NO_PROBLEMS);
    });
  });

  describe("dark, 1280 px", () => {
    let opened: OpenedPage;
    beforeAll(async () => {
      opened = await openPage(browser, server.origin, path, { colorScheme: "dark", width: 1280 });
    });
    afterAll(() => opened?.close());

    test("loads with no errors and no request off the site", () => {
      expect(problems(opened)).toEqual(NO_PROBLEMS);
    });

    test("renders a dark background with light text, and charts drawn in the text colour", async () => {
      const [background] = await colourProbe(opened.page, "html", "backgroundColor");
      const [text] = await colourProbe(opened.page, "body", "color");
      expect(background).toBeLessThan(0.1);
      expect(text).toBeGreaterThan(0.5);
      const chartText = await colourProbe(opened.page, "#observablehq-main svg[class^='plot-']", "color");
      for (const luminance of chartText) expect(luminance).toBeGreaterThan(0.5);
    });

    test("axe finds no serious or critical violation", async () => {
      const violations = await seriousViolations(opened.page);
      expect(violations, describeViolations(violations)).toEqual([]);
    });

    test("screenshot", async () => {
      await opened.page.screenshot({ path: join(SCREENSHOTS, `${slug}-1280-dark.png`), fullPage: true });
    });
  });

  describe("light, 375 px", () => {
    let opened: OpenedPage;
    beforeAll(async () => {
      opened = await openPage(browser, server.origin, path, { colorScheme: "light", width: 375, height: 812 });
    });
    afterAll(() => opened?.close());

    test("loads with no errors and no request off the site", () => {
      expect(problems(opened)).toEqual(NO_PROBLEMS);
    });

    test("fits the screen: no sideways scrolling, KPI cards in one column", async () => {
      const layout = await inspectLayout(opened.page);
      expect(layout.scrollWidth).toBeLessThanOrEqual(layout.viewportWidth + 1);
      for (const columns of layout.kpiColumns) expect(columns).toBe(1);
    });

    test("screenshot", async () => {
      await opened.page.screenshot({ path: join(SCREENSHOTS, `${slug}-375-light.png`), fullPage: true });
    });
  });
});

// The report on brought data, in Chromium: a hand-made sample of the REES46 export and, where it sits
// beside the project (as in CI), the real REES46 fixture (a foreign schema through the preset, three hours
// of data, no registrations, no session starts; skipped with a note elsewhere), and a seed-schema folder
// holding only purchases. Each is built in a scratch copy of the project (test/e2e/support/broughtBuild.ts), so
// dist/ and the loader cache that the other e2e files use are never touched.
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { SCRIPT_CATEGORY, SCRIPT_EVENT_TYPE, writePurchasesOnlyDataset } from "../helpers/purchasesOnlyDataset.js";
import { REES46_SAMPLE_EXPECTED, sharedRees46Fixture, writeRees46Sample } from "../helpers/rees46Sample.js";
import { tempDir } from "../helpers/tempDir.js";
import { describeViolations, seriousViolations } from "./support/axe.js";
import { launchChromium, openPage } from "./support/browser.js";
import { buildOnBroughtData } from "./support/broughtBuild.js";
import { inspectCharts } from "./support/charts.js";
import { ROOT } from "./support/paths.js";
import { serveStatic, type StaticServer } from "./support/server.js";

const REES46 = sharedRees46Fixture(ROOT);
const PAGES = ["/", "/cohorts", "/funnel", "/segments", "/data-methods"];
const EMAIL = /[A-Za-z0-9._%+-]+@(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,24}\b/;

interface Case {
  name: string;
  env: () => Record<string, string>;
  /** data-missing keys each page must show, in its default view. */
  missing: Record<string, string[]>;
  validation: { read: number; loaded: number; setAside: number };
}

const purchases = tempDir("event-kit-purchases-");
const purchaseRows = writePurchasesOnlyDataset(purchases.path);

const rees46Sample = tempDir("event-kit-rees46-sample-");
const rees46SamplePath = writeRees46Sample(rees46Sample.path);
/** One day of data without registrations or user attributes: no retention charts, no breakdowns. */
const REES46_MISSING = {
  "/cohorts": ["registrations", "cohort-heatmap", "cohort-average", "cohort-ltv"],
  "/funnel": ["funnel-breakdown"],
};

const CASES: Case[] = [
  {
    name: "rees46-sample",
    env: () => ({ EVENT_KIT_DATA: rees46SamplePath, EVENT_KIT_PRESET: "rees46" }),
    missing: REES46_MISSING,
    validation: { read: REES46_SAMPLE_EXPECTED.read, loaded: REES46_SAMPLE_EXPECTED.loaded, setAside: REES46_SAMPLE_EXPECTED.setAside },
  },
  ...(REES46 === null
    ? []
    : [
        {
          name: "rees46",
          env: () => ({ EVENT_KIT_DATA: REES46, EVENT_KIT_PRESET: "rees46" }),
          missing: REES46_MISSING,
          validation: { read: 17_433, loaded: 17_428, setAside: 5 },
        },
      ]),
  {
    name: "purchases-only",
    env: () => ({ EVENT_KIT_DATA: purchases.path }),
    missing: {
      "/cohorts": ["registrations"],
      "/funnel": ["funnel-steps", "funnel-time", "funnel-trend", "funnel-breakdown", "category-steps", "category-interest", "product-interest"],
    },
    validation: { read: purchaseRows, loaded: purchaseRows - 1, setAside: 1 },
  },
];

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  purchases.cleanup();
  rees46Sample.cleanup();
});

describe.each(CASES)("built on $name", (c) => {
  let server: StaticServer;
  let dist: string;
  beforeAll(async () => {
    dist = await buildOnBroughtData(c.name, c.env());
    server = await serveStatic(dist);
  }, 240_000);

  test("the share step writes a post about this data, a card per page and every page's tags", () => {
    const run = spawnSync(join(ROOT, "node_modules", ".bin", "tsx"), ["lib/cli/share.ts", "--dir", dist], { cwd: ROOT, encoding: "utf8", env: { ...process.env, EVENT_KIT_SITE_URL: "" } });
    expect(run.status, run.stderr).toBe(0);
    const post = readFileSync(join(dist, "share", "post.txt"), "utf8");
    expect(post).toContain("the data this report was given");
    expect(post).not.toMatch(/synthetic|seed|undefined|NaN/i);
    expect(post.trimEnd().length).toBeLessThanOrEqual(1300);
    for (const path of PAGES) {
      const slug = path === "/" ? "index" : path.slice(1);
      expect(readFileSync(join(dist, "share", `${slug}.png`)).readUInt32BE(16), `${slug}.png is 1200 wide`).toBe(1200);
      expect(readFileSync(join(dist, `${slug}.html`), "utf8")).toContain('<meta name="twitter:card" content="summary_large_image">');
    }
  });
  afterAll(async () => {
    await server?.close();
  });

  test.each(PAGES)("%s renders without errors, explains what it cannot draw, and passes axe", async (path) => {
    const opened = await openPage(browser, server.origin, path);
    try {
      const { page } = opened;
      expect({ errors: opened.errors, failed: opened.failedRequests, outside: opened.outsideRequests }).toEqual({ errors: [], failed: [], outside: [] });
      for (const chart of await inspectCharts(page)) {
        expect(chart.drawnMarks, `${chart.name} draws marks`).toBeGreaterThan(0);
        expect(chart.textAlternative, `${chart.name} has a text alternative`).not.toBe("");
      }
      const shown = await page.locator("[data-missing]").evaluateAll((nodes) => nodes.map((n) => (n as HTMLElement).dataset.missing));
      for (const key of c.missing[path] ?? []) expect(shown, `${path} explains ${key}`).toContain(key);
      for (const card of await page.locator(".missing-card").all()) {
        expect((await card.locator(".missing-card-reason").innerText()).length).toBeGreaterThan(40);
      }
      const text = await page.locator("#observablehq-main").innerText();
      if (path === "/") expect(text, "the Overview does not call brought data synthetic").not.toMatch(/synthetic/i);
      expect(text).not.toMatch(EMAIL);
      expect(text).not.toMatch(/\bNaN\b|undefined|Infinity/);
      const violations = await seriousViolations(page);
      expect(violations, describeViolations(violations)).toEqual([]);
      expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    } finally {
      await opened.close();
    }
  });

  test("the Data page profiles the data (event mix, daily volume) instead of showing the generator's realism table", async () => {
    const opened = await openPage(browser, server.origin, "/data-methods");
    try {
      expect(await opened.page.locator(".realism-table").count()).toBe(0);
      const profile = opened.page.locator("[data-profile]");
      expect(await profile.locator("[data-chart-card]").count()).toBe(2);
      expect(await profile.innerText()).toMatch(/It records events of \d+ types?: /);
      expect(opened.errors).toEqual([]);
    } finally {
      await opened.close();
    }
  });

  test("the Data page's validation section states read = loaded + set aside with the numbers", async () => {
    const opened = await openPage(browser, server.origin, "/data-methods");
    try {
      const events = opened.page.locator("[data-validation] .validation-invariant li[data-table=events]");
      const { read, loaded, setAside } = c.validation;
      expect(await events.evaluate((li) => ({ ...(li as HTMLElement).dataset }))).toMatchObject({
        read: String(read),
        loaded: String(loaded),
        setAside: String(setAside),
      });
      // Thousands are grouped with a thin space or a comma, whichever the page's formatter uses.
      const digits = (await events.innerText()).replace(/(\d)[\s,\u00a0\u202f](?=\d{3}\b)/g, "$1");
      expect(digits).toContain(`${read} rows read = ${loaded} loaded + ${setAside} set aside`);
      expect(await opened.page.locator("[data-validation] .validation-reasons tbody tr").count()).toBeGreaterThan(0);
    } finally {
      await opened.close();
    }
  });
});

test("markup in brought values renders as text and never runs", async () => {
  const server = await serveStatic(join(ROOT, ".cache", "e2e-brought", "purchases-only", "dist"));
  try {
    for (const path of ["/data-methods", "/segments"]) {
      const opened = await openPage(browser, server.origin, path);
      try {
        const text = await opened.page.locator("#observablehq-main").innerText();
        const literal = path === "/data-methods" ? SCRIPT_EVENT_TYPE : SCRIPT_CATEGORY;
        expect(text, `${path} shows ${literal} literally`).toContain(literal);
        expect(await opened.page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
        expect(opened.errors).toEqual([]);
      } finally {
        await opened.close();
      }
    }
  } finally {
    await server.close();
  }
});

// The report built on the shapes real exports come in, in Chromium: a headerless, gzip-compressed click
// log with a type beyond the five ("fav" → favorite), no prices and buyers who never cart (the default
// funnel does not fit it), and an invoice-level export in GBP with dates only and a constant event type.
// Each goes through the build with only a mapping (EVENT_KIT_MAPPING); every page renders without error
// and says what the data's shape means for its numbers.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { tempDir } from "../helpers/tempDir.js";
import { launchChromium, openPage } from "./support/browser.js";
import { buildOnBroughtData } from "./support/broughtBuild.js";

const PAGES = ["/", "/cohorts", "/funnel", "/segments", "/data-methods"];
const work = tempDir("event-kit-real-shapes-");

/** A click log: 80 users over 3 days; every buyer viewed, one in five of them carted first. */
function writeClickLog(dir: string): { file: string; mapping: string; rows: number; purchases: number } {
  const lines: string[] = [];
  let purchases = 0;
  const T0 = 1511539200; // 2017-11-25 00:00:00 UTC
  for (let u = 1; u <= 80; u++) {
    for (let d = 0; d < 1 + (u % 3); d++) {
      let t = T0 + d * 86_400 + ((u * 977) % 30_000);
      const item = 100 + ((u * 7 + d) % 40);
      const category = 1 + (item % 6);
      for (let v = 0; v < 1 + (u % 4); v++) lines.push(`${u},${item},${category},pv,${(t += 40)}`);
      if (u % 3 === 0) lines.push(`${u},${item},${category},fav,${(t += 40)}`);
      if ((u + d) % 3 !== 1) {
        if (u % 5 === 0) lines.push(`${u},${item},${category},cart,${(t += 40)}`);
        lines.push(`${u},${item},${category},buy,${(t += 40)}`);
        purchases++;
      }
    }
  }
  const file = join(dir, "UserBehavior.csv.gz");
  writeFileSync(file, gzipSync(lines.join("\n") + "\n"));
  const mapping = join(dir, "clicks.json");
  writeFileSync(
    mapping,
    JSON.stringify({
      columns: { user_id: "column1", product_id: "column2", category: "column3", event_type: "column4", timestamp: "column5" },
      event_types: { pv: "product_view", cart: "add_to_cart", fav: "favorite", buy: "purchase" },
      timestamp_format: "epoch_s",
      csv: { header: false },
      dedupe: "none",
    }),
  );
  return { file, mapping, rows: lines.length, purchases };
}

/** Invoices: 60 customers, 1–3 invoices each over December 2010, totals in GBP, dates only. */
function writeInvoices(dir: string): { file: string; mapping: string; rows: number } {
  const lines = ["InvoiceNo,CustomerID,InvoiceDate,Total,Country"];
  let invoice = 536365;
  for (let c = 0; c < 60; c++) {
    for (let o = 0; o <= c % 3; o++) {
      const day = String(1 + ((c * 5 + o * 11) % 28)).padStart(2, "0");
      lines.push(`${invoice++},${12346 + c},2010-12-${day},${(5 + ((c * 37 + o * 101) % 400) + 0.25).toFixed(2)},${c % 2 ? "France" : "United Kingdom"}`);
    }
  }
  const file = join(dir, "invoices.csv");
  writeFileSync(file, lines.join("\n") + "\n");
  const mapping = join(dir, "invoices.json");
  writeFileSync(
    mapping,
    JSON.stringify({ columns: { user_id: "CustomerID", event_id: "InvoiceNo", timestamp: "InvoiceDate", price: "Total", event_type: { value: "purchase" } }, currency: "GBP" }),
  );
  return { file, mapping, rows: lines.length - 1 };
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  work.cleanup();
});

const clicksDir = join(work.path, "clicks");
const invoicesDir = join(work.path, "invoices");
mkdirSync(clicksDir);
mkdirSync(invoicesDir);
const clicks = writeClickLog(clicksDir);
const invoices = writeInvoices(invoicesDir);

const CASES = [
  {
    name: "click-log",
    env: { EVENT_KIT_DATA: clicks.file, EVENT_KIT_MAPPING: clicks.mapping },
    overview: [/of the purchases \(\d[\d,]* of [\d,]+\) have no cart before them in their session/, /No purchase in the data has a price/],
    funnel: /This funnel does not fit the data\./,
  },
  {
    name: "invoices",
    env: { EVENT_KIT_DATA: invoices.file, EVENT_KIT_MAPPING: invoices.mapping },
    overview: [/dates without a time of day/, /£/],
    funnel: null,
  },
];

describe.each(CASES)("built on a $name export", (c) => {
  let origin: string;
  let close: () => Promise<void>;
  beforeAll(async () => {
    const { serveStatic } = await import("./support/server.js");
    const server = await serveStatic(await buildOnBroughtData(`real-${c.name}`, c.env));
    origin = server.origin;
    close = () => server.close();
  }, 400_000);
  afterAll(async () => {
    await close?.();
  });

  test.each(PAGES)("%s renders without errors", async (path) => {
    const opened = await openPage(browser, origin, path);
    try {
      expect({ errors: opened.errors, failed: opened.failedRequests, outside: opened.outsideRequests }).toEqual({ errors: [], failed: [], outside: [] });
      const text = await opened.page.locator("#observablehq-main").innerText();
      expect(text).not.toMatch(/\bNaN\b|undefined|Infinity/);
      if (path === "/") for (const pattern of c.overview) expect(text).toMatch(pattern);
      if (path === "/funnel" && c.funnel) expect(text).toMatch(c.funnel);
    } finally {
      await opened.close();
    }
  });
});

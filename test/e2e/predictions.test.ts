// The "Who will come back?" page in a real browser: it renders in light, dark and at 375 px without a
// console error, its lede quotes the holdout check from the published data, and that data holds no
// customer (no user id, no per-customer row).
import { readFileSync } from "node:fs";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { PredictionsPage } from "../../lib/pages/predictions";
import { launchChromium, openPage } from "./support/browser.js";
import { ensureBuilt } from "./support/build.js";
import { DIST } from "./support/paths.js";
import { serveStatic, type StaticServer } from "./support/server.js";
import { builtDataFile, listPages } from "./support/site.js";

await ensureBuilt();

describe.runIf(listPages(DIST).includes("/predictions"))("/predictions", () => {
  const text = readFileSync(builtDataFile("predictions"), "utf8");
  const data = JSON.parse(text) as PredictionsPage;
  let server: StaticServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([serveStatic(DIST), launchChromium()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test("predictions.json holds aggregates only: no user id, no e-mail", () => {
    expect(text).not.toMatch(/user_?id/i);
    expect(text).not.toMatch(/"U\d{4,}"/);
    expect(text).not.toMatch(/@/);
  });

  for (const [scheme, width] of [["light", 1280], ["dark", 1280], ["light", 375]] as const) {
    test(`renders in ${scheme} at ${width} px without console errors, and the lede states the holdout check`, async () => {
      const opened = await openPage(browser, server.origin, "/predictions", { colorScheme: scheme, width });
      try {
        expect(opened.errors).toEqual([]);
        expect(opened.failedRequests).toEqual([]);
        expect(await opened.page.locator("#observablehq-main h1").textContent()).toBe("Who will come back?");
        const main = (await opened.page.locator("#observablehq-main").textContent()) ?? "";
        for (const sentence of data.lede) expect(main).toContain(sentence);
        // Every chart the data supports is drawn; the others are explained.
        const drawn = await opened.page.locator("#observablehq-main figure svg, #observablehq-main svg[class*=plot]").count();
        const explained = await opened.page.locator("[data-missing]").count();
        expect(drawn + explained).toBeGreaterThanOrEqual(data.fitted ? 5 : 1);
        if (width < 400) {
          const overflow = await opened.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
          expect(overflow).toBeLessThanOrEqual(1);
        }
      } finally {
        await opened.close();
      }
    });
  }
});

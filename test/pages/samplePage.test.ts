/**
 * docs/sample/in-brief.md, the sample page of docs/authoring.md, kept outside src/: built by Framework
 * in a scratch site of its own with the Overview's data built by lib/pages/overview.ts on a small
 * dataset, so the sample stays a page that builds, and shows the built words.
 */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { dataNotes } from "../../lib/analysis/dataNotes";
import { afterAll, describe, expect, it } from "vitest";
import { computeFunnels } from "../../lib/analysis/funnels.js";
import { computeHeadline } from "../../lib/analysis/headline.js";
import { WINDOW_SHOPPER_SQL } from "../../lib/analysis/insights.js";
import { queryRows } from "../../lib/db/duckdb.js";
import { stopTracing, traceConnection } from "../../lib/db/sqlTrace.js";
import { buildOverviewPage } from "../../lib/pages/overview.js";
import { computeRetention } from "../../lib/retention/computeRetention.js";
import { PROJECT_ROOT } from "../../lib/warehouse/projectRoot.js";
import { openTinyDatabase, randomTinyDataset } from "../helpers/tinyDataset.js";

// Inside the project, so that Framework finds node_modules by walking up from the scratch site.
const SITE = join(PROJECT_ROOT, ".cache", `sample-site-${process.pid}`);
afterAll(() => rmSync(SITE, { recursive: true, force: true }));

describe("the sample page of docs/authoring.md", () => {
  it("builds with Framework and shows the built lede", async () => {
    const window = { start: "2025-01-01T00:00:00.000Z", end: "2025-05-01T00:00:00.000Z" };
    const db = await openTinyDatabase(randomTinyDataset(3, { users: 20 }));
    const trace = traceConnection(db.connection);
    let page;
    try {
      const funnels = await computeFunnels(db.connection, window);
      const { retention } = await computeRetention(db.connection, window, { variants: [{ cohort_by: "registration", activity: "any_event", granularity: "month", mode: "on" }], ltv: [] });
      const headline = await computeHeadline(db.connection);
      const [shoppers] = await queryRows<{ window_shoppers: number; active_users: number; median_views: number }>(db.connection, WINDOW_SHOPPER_SQL);
      trace.record("overview.window_shoppers", WINDOW_SHOPPER_SQL);
      const types = { session_start: 1, product_view: 1, add_to_cart: 1, purchase: 1, session_end: 1 };
      page = buildOverviewPage(
        {
          window,
          headline,
          shoppers: shoppers ?? null,
          coverage: { source: "generated", schema: "seed", preset: null, window, window_hours: 2880, span_text: "120 days", first_event: null, last_event: null, events: headline.events, event_types: types, users: headline.users, registrations: "given", registered_users: headline.users, ...(await dataNotes(db.connection, { duplicate_rows: null, timestamps: "date_time" })), currency: { code: "USD", symbol: "$" }, timezone: "UTC" },
          totals: { read: headline.events, loaded: headline.events, set_aside: 0 },
          source: { kind: "generated", users: 20, days: 120, seed: 3, start: "2025-01-01" },
        },
        funnels,
        { retention },
        trace,
      );
    } finally {
      stopTracing(db.connection);
      db.close();
    }

    mkdirSync(join(SITE, "src", "data"), { recursive: true });
    cpSync(join(PROJECT_ROOT, "src", "components"), join(SITE, "src", "components"), { recursive: true });
    cpSync(join(PROJECT_ROOT, "docs", "sample", "in-brief.md"), join(SITE, "src", "index.md"));
    writeFileSync(join(SITE, "src", "data", "overview.json"), JSON.stringify(page));
    // The page module the components import types from, at the same relative place.
    cpSync(join(PROJECT_ROOT, "lib"), join(SITE, "lib"), { recursive: true });
    writeFileSync(join(SITE, "observablehq.config.js"), `export default {root: "src", title: "Sample", pages: [], globalStylesheets: []};\n`);
    const build = spawnSync(join(PROJECT_ROOT, "node_modules", ".bin", "observable"), ["build"], { cwd: SITE, encoding: "utf8", timeout: 300_000 });
    expect(build.status, build.stderr || build.stdout).toBe(0);
    const html = readFileSync(join(SITE, "dist", "index.html"), "utf8");
    expect(html).toContain("The shop in one screen");
    expect(existsSync(join(SITE, "dist", "_file", "data"))).toBe(true);
    expect(page.lede).toMatch(/^This report follows 20 registered users/);
  }, 400_000);
});

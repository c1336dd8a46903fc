// The REES46 preset end to end on a hand-made sample of the export's shape (test/helpers/rees46Sample.ts):
// every row accounted for, with counts worked out by hand. Runs on any clone; rees46.test.ts adds the
// real file's head where it is present.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runAnalyze } from "../../lib/cli/analyze";
import { type Database, openDatabase, queryRows } from "../../lib/db/duckdb";
import { type DatasetSummary, readDataset } from "../../lib/ingest/readDataset";
import { derivedChecks, REES46_SAMPLE_EXPECTED as EXPECTED, REES46_SAMPLE_FILE, writeRees46Sample } from "../helpers/rees46Sample";
import { tempDir } from "../helpers/tempDir";

const input = tempDir("event-kit-rees46-sample-");
const out = tempDir("event-kit-rees46-sample-out-");
let sample: string;
let db: Database;
let summary: DatasetSummary;

beforeAll(async () => {
  sample = writeRees46Sample(input.path);
  db = await openDatabase();
  summary = await readDataset(db.connection, sample, { preset: "rees46" });
});
afterAll(() => {
  db?.close();
  input.cleanup();
  out.cleanup();
});

describe("the REES46 preset on a hand-made sample", () => {
  it("reads 8 rows: 6 loaded, 2 set aside as exact duplicates of an earlier row", () => {
    const [events] = summary.validation.tables;
    expect(summary.validation.tables).toHaveLength(1);
    expect(events).toMatchObject({ table: "events", file: REES46_SAMPLE_FILE, format: "csv", read: EXPECTED.read, loaded: EXPECTED.loaded, set_aside: EXPECTED.setAside });
    expect(events!.reasons).toEqual([
      {
        reason: "duplicate_row",
        label: "duplicate of an earlier row (the first is kept)",
        count: 2,
        examples: EXPECTED.duplicates.map(({ row, detail }) => ({ row, column: null, value: null, detail })),
      },
    ]);
    expect(events!.ignored_columns).toEqual(["brand"]);
    expect(summary.validation.totals).toEqual({ read: 8, loaded: 6, set_aside: 2 });
  });

  it("maps the event types: view, cart, purchase become product_view, add_to_cart, purchase", async () => {
    expect(await queryRows(db.connection, "SELECT event_type, count(*)::INTEGER AS n FROM events GROUP BY 1 ORDER BY 1")).toEqual(
      Object.entries(EXPECTED.eventTypes).map(([event_type, n]) => ({ event_type, n })),
    );
  });

  it("derives what REES46 lacks: users with registration = first event, products, ids, quantity 1", async () => {
    expect(summary.rows).toEqual({ events: EXPECTED.loaded, users: EXPECTED.users, products: EXPECTED.products });
    expect(summary.derived).toEqual(["users", "products"]);
    expect(summary.validation.derived).toMatchObject({
      tables: ["users", "products"],
      users_added_from_events: EXPECTED.users,
      products_added_from_events: EXPECTED.products,
      event_ids: "row_number",
      sessions: "source",
      quantity: "default",
    });
    expect(await derivedChecks(db.connection, "500000001")).toEqual({
      wrong_registration: 0,
      wrong_quantity: 0,
      view_quantity: 0,
      no_category: 0,
      category_id_fallback: EXPECTED.categoryIdFallback,
      sessions: EXPECTED.sessions,
      first_row: 1,
    });
    // User 500000002's first event is row 2 (row 3 is its duplicate, set aside).
    expect(await queryRows(db.connection, "SELECT registration_date::VARCHAR AS registered FROM users WHERE user_id = '500000002'")).toEqual([
      { registered: "2019-10-01 00:00:05" },
    ]);
  });

  it("observes the window from the events: the UTC day of 2019-10-01", () => {
    expect(summary.window).toEqual(EXPECTED.window);
  });

  it("analyzes end to end with --preset rees46, writing validation.json beside the outputs", async () => {
    await runAnalyze({ data: sample, out: out.path, seed: 42, read: { preset: "rees46" } });
    const validation = JSON.parse(readFileSync(join(out.path, "validation.json"), "utf8"));
    expect(validation.totals).toEqual({ read: 8, loaded: 6, set_aside: 2 });
    const funnel = JSON.parse(readFileSync(join(out.path, "funnel.json"), "utf8"));
    // No session_start events: every session reaches step 1 at its earliest event (docs/metrics.md §4).
    // Each of the 4 sessions views a product (rows 1, 2, 6, 7); one (rows 4, 5) carts and buys.
    expect(funnel.session_funnel.steps.map((step: { count: number }) => step.count)).toEqual([4, 4, 1, 1]);
  }, 120_000);
});

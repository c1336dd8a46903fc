// The REES46 fixture end to end through the built-in preset: every one of its 17,433 rows accounted for.
// The fixture sits beside the project in CI (../shared/fixtures); where it is absent these tests are
// skipped with a note, and rees46Sample.test.ts covers the same path on a hand-made sample.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, openDatabase, queryRows } from "../../lib/db/duckdb";
import { type DatasetSummary, readDataset } from "../../lib/ingest/readDataset";
import { runAnalyze } from "../../lib/cli/analyze";
import { PROJECT_ROOT } from "../../lib/warehouse/projectRoot";
import { derivedChecks, sharedRees46Fixture } from "../helpers/rees46Sample";
import { tempDir } from "../helpers/tempDir";

const FIXTURE = sharedRees46Fixture(PROJECT_ROOT);
let db: Database;
let summary: DatasetSummary;
const out = tempDir("event-kit-rees46-");

beforeAll(async () => {
  if (FIXTURE === null) return;
  db = await openDatabase();
  summary = await readDataset(db.connection, FIXTURE, { preset: "rees46" });
});
afterAll(() => {
  db?.close();
  out.cleanup();
});

describe.runIf(FIXTURE !== null)(`the REES46 preset on the fixture${FIXTURE === null ? " (skipped: ../shared/fixtures is not beside this clone)" : ""}`, () => {
  it("reads 17,433 rows: 17,428 loaded, 5 set aside as exact duplicates of an earlier row", () => {
    const [events] = summary.validation.tables;
    expect(summary.validation.tables).toHaveLength(1);
    expect(events).toMatchObject({ table: "events", file: "rees46-2019-10-head.csv", format: "csv", read: 17_433, loaded: 17_428, set_aside: 5 });
    expect(events!.reasons).toEqual([
      {
        reason: "duplicate_row",
        label: "duplicate of an earlier row (the first is kept)",
        count: 5,
        examples: [
          { row: 3831, column: null, value: null, detail: "same as row 3830" },
          { row: 3832, column: null, value: null, detail: "same as row 3830" },
          { row: 3833, column: null, value: null, detail: "same as row 3830" },
        ],
      },
    ]);
    expect(events!.ignored_columns).toEqual(["brand"]);
    expect(summary.validation.totals).toEqual({ read: 17_433, loaded: 17_428, set_aside: 5 });
  });

  it("maps the event types: 17,050 views, 164 carts, 214 purchases after the duplicates", async () => {
    expect(await queryRows(db.connection, "SELECT event_type, count(*)::INTEGER AS n FROM events GROUP BY 1 ORDER BY 1")).toEqual([
      { event_type: "add_to_cart", n: 164 },
      { event_type: "product_view", n: 17_050 },
      { event_type: "purchase", n: 214 },
    ]);
  });

  it("derives what REES46 lacks: users with registration = first event, products, ids, quantity 1", async () => {
    expect(summary.rows).toEqual({ events: 17_428, users: 4_504, products: 6_492 });
    expect(summary.derived).toEqual(["users", "products"]);
    expect(summary.validation.derived).toEqual({
      tables: ["users", "products"],
      users_added_from_events: 4_504,
      user_attributes_from_events: null,
      products_added_from_events: 6_492,
      event_ids: "row_number",
      sessions: "source",
      quantity: "default",
      personal_columns_dropped: [],
      float_ids_normalized: [],
      duplicate_rows: { policy: "exact", count: 5 },
      timestamps: "date_time",
    });
    const check = await derivedChecks(db.connection, "541312140");
    expect(check).toEqual({ wrong_registration: 0, wrong_quantity: 0, view_quantity: 0, no_category: 0, category_id_fallback: 5_745, sessions: 5_067, first_row: 1 });
  });

  it("observes the window from the events: the UTC day of 2019-10-01", () => {
    expect(summary.window).toEqual({ start: "2019-10-01T00:00:00.000Z", end: "2019-10-02T00:00:00.000Z", timezone: "UTC" });
  });

  it("analyzes end to end with --preset rees46, writing validation.json beside the outputs", async () => {
    await runAnalyze({ data: FIXTURE!, out: out.path, seed: 42, read: { preset: "rees46" } });
    const validation = JSON.parse(readFileSync(join(out.path, "validation.json"), "utf8"));
    expect(validation.totals).toEqual({ read: 17_433, loaded: 17_428, set_aside: 5 });
    const funnel = JSON.parse(readFileSync(join(out.path, "funnel.json"), "utf8"));
    // No session_start events: every session reaches step 1 at its earliest event (docs/metrics.md §4).
    expect(funnel.session_funnel.steps[0]).toMatchObject({ step: "session_start", count: 5_067 });
  }, 120_000);
});

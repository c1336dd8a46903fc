// Column mappings: the documented example end to end, and one clear message for each mistake in a mapping.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Database, openDatabase, queryRows } from "../../lib/db/duckdb";
import { readDataset } from "../../lib/ingest/readDataset";
import { type MappingFile, parseMapping, readMappingFile } from "../../lib/ingest/mapping";
import { PRESETS, presetMapping } from "../../lib/ingest/presets";
import { tempDir } from "../helpers/tempDir";

const work = tempDir("event-kit-mapping-");
afterAll(() => work.cleanup());
let db: Database;
beforeEach(async () => (db = await openDatabase()));
afterEach(() => db.close());

let n = 0;
function write(files: Record<string, string>): string {
  const dir = join(work.path, `m${++n}`);
  mkdirSync(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

/** The example of docs/bring-your-own-data.md: a shop's export with its own names, epoch times and no sessions. */
const EXAMPLE_MAPPING: MappingFile = {
  description: "Our shop's nightly export",
  columns: {
    user_id: "Customer",
    timestamp: "When",
    event_type: "Action",
    product_id: "SKU",
    product_name: "Item",
    category: ["Dept", "Aisle"],
    price: "Amount",
    quantity: "Qty",
  },
  event_types: { pageview: "product_view", basket: "add_to_cart", order: "purchase", refund: null },
  timestamp_format: "epoch_ms",
  csv: { delimiter: ";" },
};
// 2025-03-04 10:00:00 UTC = 1741082400000 ms.
const T = (minutes: number) => String(1741082400000 + minutes * 60_000);
const EXPORT = [
  "Customer;When;Action;SKU;Item;Dept;Aisle;Amount;Qty;Email",
  `c1;${T(0)};pageview;A1;Mug;Kitchen;;9.5;;c1@example.com`,
  `c1;${T(5)};basket;A1;Mug;Kitchen;;9.5;2;c1@example.com`,
  `c1;${T(10)};order;A1;Mug;Kitchen;;9.5;2;c1@example.com`,
  `c1;${T(60)};pageview;B2;Lamp;;Home;30;;c1@example.com`, // 50 minutes later: a new session; category from Aisle
  `c1;${T(61)};refund;A1;Mug;Kitchen;;9.5;1;c1@example.com`, // left out by the mapping
  `c2;${T(3)};pageview;B2;Lamp;;Home;30;;c2@example.com`,
  `c2;${T(3)};pageview;B2;Lamp;;Home;30;;c2@example.com`, // no event ids: an identical row is a duplicate
  `c2;1e20;pageview;B2;Lamp;;Home;30;;c2@example.com`, // out of any timestamp's range
].join("\n");

describe("a mapping file", () => {
  it("reads a foreign export: renamed columns, epoch times, sessions from inactivity, a type left out", async () => {
    const dir = write({ "export.csv": EXPORT, "shop-mapping.json": JSON.stringify(EXAMPLE_MAPPING) });
    const summary = await readDataset(db.connection, join(dir, "export.csv"), { mapping: join(dir, "shop-mapping.json") });
    expect(summary.validation.input).toEqual({ schema: "mapping", preset: null, mapping_file: "shop-mapping.json" });
    const [events] = summary.validation.tables;
    expect(events).toMatchObject({ read: 8, loaded: 5, set_aside: 3, ignored_columns: ["Email"] });
    expect(Object.fromEntries(events!.reasons.map((r) => [r.reason, r.count]))).toEqual({ excluded_event_type: 1, duplicate_row: 1, bad_timestamp: 1 });
    expect(events!.reasons.find((r) => r.reason === "excluded_event_type")!.examples).toEqual([{ row: 5, column: "Action", value: "refund" }]);
    expect(summary.validation.derived).toMatchObject({ event_ids: "row_number", sessions: "inactivity", quantity: "source", personal_columns_dropped: ["Email"] });
    expect(
      await queryRows(db.connection, `SELECT event_id, user_id, session_id, event_type, strftime("timestamp", '%H:%M') AS t, product_id, category, price, quantity FROM events ORDER BY event_id::INTEGER`),
    ).toEqual([
      { event_id: "1", user_id: "c1", session_id: "s1", event_type: "product_view", t: "10:00", product_id: "A1", category: "Kitchen", price: 9.5, quantity: null },
      { event_id: "2", user_id: "c1", session_id: "s1", event_type: "add_to_cart", t: "10:05", product_id: "A1", category: "Kitchen", price: 9.5, quantity: 2 },
      { event_id: "3", user_id: "c1", session_id: "s1", event_type: "purchase", t: "10:10", product_id: "A1", category: "Kitchen", price: 9.5, quantity: 2 },
      { event_id: "4", user_id: "c1", session_id: "s2", event_type: "product_view", t: "11:00", product_id: "B2", category: "Home", price: 30, quantity: null },
      { event_id: "6", user_id: "c2", session_id: "s1", event_type: "product_view", t: "10:03", product_id: "B2", category: "Home", price: 30, quantity: null },
    ]);
    expect(await queryRows(db.connection, "SELECT product_id, product_name, category, price FROM products ORDER BY 1")).toEqual([
      { product_id: "A1", product_name: "Mug", category: "Kitchen", price: 9.5 },
      { product_id: "B2", product_name: "Lamp", category: "Home", price: 30 },
    ]);
  });

  it("reads the one data file of a folder, and a strptime format with a zone", async () => {
    const mapping: MappingFile = {
      columns: { user_id: "who", timestamp: "at", event_type: "what" },
      event_types: { start: "session_start" },
      timestamp_format: "%d/%m/%Y %H:%M %z",
    };
    const dir = write({ "only.csv": "who,at,what\nu1,04/03/2025 12:00 +0200,start\nu1,05/03/2025 09:00 +0000,start\n" });
    const summary = await readDataset(db.connection, dir, { mapping });
    expect(summary.window).toEqual({ start: "2025-03-04T00:00:00.000Z", end: "2025-03-06T00:00:00.000Z", timezone: "UTC" });
    expect(await queryRows(db.connection, `SELECT strftime("timestamp", '%Y-%m-%d %H:%M') AS t FROM events ORDER BY 1`)).toEqual([{ t: "2025-03-04 10:00" }, { t: "2025-03-05 09:00" }]);
  });

  it("names the file, the column and what it is for when a mapped column is missing", async () => {
    const dir = write({ "export.csv": "Customer;When;Action\nc1;1;pageview\n" });
    await expect(readDataset(db.connection, join(dir, "export.csv"), { mapping: EXAMPLE_MAPPING })).rejects.toThrow(
      'export.csv has no column "SKU" (the mapping\'s source of product_id) (found: Customer, When, Action)',
    );
  });

  it("refuses a folder with several data files, and a mapping together with a preset", async () => {
    const dir = write({ "a.csv": "x\n1\n", "b.csv": "x\n1\n" });
    await expect(readDataset(db.connection, dir, { mapping: EXAMPLE_MAPPING })).rejects.toThrow(/must hold exactly one \.csv or \.parquet file .*found 2: a\.csv, b\.csv/);
    await expect(readDataset(db.connection, dir, { mapping: EXAMPLE_MAPPING, preset: "rees46" })).rejects.toThrow("give a mapping or a preset, not both");
  });
});

describe("parseMapping and readMappingFile", () => {
  const base = { columns: { user_id: "u", timestamp: "t", event_type: "e" } };
  const cases: [string, unknown, string][] = [
    ["not an object", [], "mapping m.json: must be a JSON object"],
    ["an unknown key", { ...base, colums: {} }, 'mapping m.json: unknown key "colums"'],
    ["a required target left out", { columns: { user_id: "u", timestamp: "t" } }, 'mapping m.json: "columns.event_type" is required'],
    ["an unknown target", { columns: { ...base.columns, revenue: "r" } }, 'mapping m.json: "columns.revenue" is not a column of the events'],
    ["an empty source list", { columns: { ...base.columns, category: [] } }, 'mapping m.json: "columns.category" must be a column name or a non-empty list'],
    ["an event type name that is not plain", { ...base, event_types: { buy: "Check out" } }, 'mapping m.json: "event_types.buy" must be one of session_start, product_view, add_to_cart, purchase, session_end, another name (lower-case letters, digits and _, starting with a letter, at most 40 characters) or null, not "Check out"'],
    ["a source type twice", { ...base, event_types: { View: "product_view", view: "product_view" } }, 'mapping m.json: "event_types" names "view" twice'],
    ["a bad timestamp format", { ...base, timestamp_format: "dd/mm/yyyy" }, 'mapping m.json: "timestamp_format" must be "auto", "epoch_s", "epoch_ms", "epoch_us", "epoch_ns" or a strptime format'],
    ["a two-character delimiter", { ...base, csv: { delimiter: ";;" } }, 'mapping m.json: "csv.delimiter" must be one character'],
    ["an unknown encoding", { ...base, csv: { encoding: "cp1252" } }, 'mapping m.json: "csv.encoding" must be one of utf-8, utf-16, latin-1'],
    ["a zero quantity default", { ...base, quantity_default: 0 }, 'mapping m.json: "quantity_default" must be a positive whole number'],
  ];
  for (const [what, value, message] of cases) {
    it(`refuses ${what}`, () => {
      expect(() => parseMapping(value, "m.json")).toThrow(message);
    });
  }

  it("fills defaults and lower-cases source event types", () => {
    const m = parseMapping({ ...base, event_types: { " View ": "product_view", Gone: null } }, "m.json");
    expect(m).toMatchObject({ timestampFormat: "auto", quantityDefault: 1, sessionTimeoutMinutes: 30, maxPrice: 1e9, csv: { encoding: "utf-8" } });
    expect([...m.eventTypes]).toEqual([["view", "product_view"], ["gone", null]]);
  });

  it("names a mapping file that is missing or not JSON", () => {
    const dir = write({ "broken.json": "{ columns: " });
    expect(() => readMappingFile(join(dir, "broken.json"))).toThrow(/^mapping broken\.json is not valid JSON/);
    expect(() => readMappingFile(join(dir, "absent.json"))).toThrow(/^mapping file .*absent\.json cannot be read \(ENOENT\)/);
  });

  it("knows the rees46 preset and no other", () => {
    expect(presetMapping("rees46").columns).toEqual({
      timestamp: ["event_time"],
      event_type: ["event_type"],
      user_id: ["user_id"],
      session_id: ["user_session"],
      product_id: ["product_id"],
      category: ["category_code", "category_id"],
      price: ["price"],
    });
    expect(PRESETS.rees46.event_types.remove_from_cart).toBeNull();
    expect(() => presetMapping("kaggle")).toThrow('unknown preset "kaggle" (known: rees46)');
  });
});

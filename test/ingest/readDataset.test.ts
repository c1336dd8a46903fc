// Reading a dataset folder: types converted, zoned times made UTC, bad values set aside with their row
// and column, and one clear error per problem that leaves nothing to analyse.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Database, openDatabase, queryRows } from "../../lib/db/duckdb";
import { readDataset } from "../../lib/ingest/readDataset";
import { writeGeneratedDataset } from "../../lib/generator/writeDataset";
import { tempDir } from "../helpers/tempDir";

const work = tempDir();
afterAll(() => work.cleanup());
let db: Database;
beforeEach(async () => (db = await openDatabase()));
afterEach(() => db.close());

const HEADER = "event_id,user_id,session_id,event_type,timestamp,product_id,category,price,quantity";
function folder(name: string, files: Record<string, string>): string {
  const dir = join(work.path, name);
  mkdirSync(dir);
  for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);
  return dir;
}

describe("readDataset", () => {
  it("reads an events-only CSV folder, deriving users and products, and observes the window", async () => {
    const dir = folder("events-only", {
      "events.csv": [
        HEADER,
        "e1,U1,S1,session_start,2025-03-04T10:00:00Z,,,,",
        // +02:00 is 22:30 UTC on the 4th, not the 5th.
        "e2,U1,S1,purchase,2025-03-05T00:30:00+02:00,P1,Books,12.5,2",
        "e3,U2,S2,product_view,2025-03-06 08:00:00,P2,Toys,30,",
      ].join("\n"),
    });
    const summary = await readDataset(db.connection, dir);
    expect(summary.derived).toEqual(["users", "products"]);
    expect(summary.rows).toEqual({ events: 3, users: 2, products: 2 });
    expect(summary.window).toEqual({ start: "2025-03-04T00:00:00.000Z", end: "2025-03-07T00:00:00.000Z", timezone: "UTC" });
    const rows = await queryRows(db.connection, `SELECT event_id, strftime("timestamp", '%Y-%m-%d %H:%M:%S') AS ts, quantity FROM events ORDER BY event_id`);
    expect(rows).toEqual([
      { event_id: "e1", ts: "2025-03-04 10:00:00", quantity: null },
      { event_id: "e2", ts: "2025-03-04 22:30:00", quantity: 2 },
      { event_id: "e3", ts: "2025-03-06 08:00:00", quantity: null },
    ]);
  });

  it("names the file and column when a required column is missing", async () => {
    const dir = folder("no-timestamp", { "events.csv": "event_id,user_id,session_id,event_type\n1,U1,S1,session_start\n" });
    await expect(readDataset(db.connection, dir)).rejects.toThrow(/events\.csv has no column "timestamp"/);
  });

  it("sets aside a value of the wrong type, recording its row, column and value, and loads the rest", async () => {
    const dir = folder("bad-time", {
      "events.csv": [HEADER, "1,U1,S1,session_start,2025-03-04T10:00:00Z,,,,", "2,U1,S1,session_end,yesterday,,,,"].join("\n"),
    });
    const summary = await readDataset(db.connection, dir);
    expect(summary.rows.events).toBe(1);
    expect(summary.validation.tables).toEqual([
      {
        table: "events",
        file: "events.csv",
        format: "csv",
        read: 2,
        loaded: 1,
        set_aside: 1,
        reasons: [
          {
            reason: "bad_timestamp",
            label: "timestamp that cannot be read",
            count: 1,
            examples: [{ row: 2, column: "timestamp", value: "yesterday" }],
          },
        ],
        ignored_columns: [],
      },
    ]);
    expect(summary.validation.totals).toEqual({ read: 2, loaded: 1, set_aside: 1 });
  });

  it("still stops, naming file, column and row, when no value of a column converts", async () => {
    const dir = folder("all-bad-price", {
      "events.csv": [HEADER, "1,U1,S1,product_view,2025-03-04T10:00:00Z,P1,Books,cheap,", "2,U1,S1,product_view,2025-03-04T10:01:00Z,P1,Books,dear,"].join("\n"),
    });
    await expect(readDataset(db.connection, dir)).rejects.toThrow('events.csv column "price": no value can be read as a number (row 1: "cheap")');
  });

  it("refuses a folder without events, and a folder that does not exist", async () => {
    await expect(readDataset(db.connection, folder("empty", {}))).rejects.toThrow(/has no events table/);
    await expect(readDataset(db.connection, join(work.path, "missing"))).rejects.toThrow(/dataset folder not found/);
  });

  it("refuses an empty events file", async () => {
    await expect(readDataset(db.connection, folder("zero-bytes", { "events.csv": "" }))).rejects.toThrow(/events\.csv is empty/);
  });

  it("reads a single events file as the seed schema, and takes reading options as a third argument", async () => {
    const dir = folder("single-file", { "my-events.csv": [HEADER, "e1,U1,S1,session_start,2025-03-04T10:00:00Z,,,,"].join("\n") });
    const summary = await readDataset(db.connection, join(dir, "my-events.csv"), { pseudonymKey: "a-test-key-123" });
    expect(summary.validation.pseudonymized).toBe(true);
    expect(await queryRows(db.connection, "SELECT user_id FROM events")).toEqual([{ user_id: expect.stringMatching(/^u_[0-9a-f]{16}$/) }]);
  });
});

describe("readDataset on generated data", () => {
  for (const format of ["parquet", "csv"] as const) {
    it(`loads every row of a generated ${format} folder, setting none aside, in the stated window`, async () => {
      const dir = join(work.path, `generated-${format}`);
      await writeGeneratedDataset({ users: 150, days: 60, seed: 3, start: new Date("2025-01-01T00:00:00Z"), products: 40 }, dir, { format });
      const summary = await readDataset(db.connection, dir);
      expect(summary.window).toEqual({ start: "2025-01-01T00:00:00.000Z", end: "2025-03-02T00:00:00.000Z", timezone: "UTC" });
      expect(summary.derived).toEqual([]);
      for (const table of summary.validation.tables) {
        expect({ table: table.table, set_aside: table.set_aside, reasons: table.reasons }).toEqual({ table: table.table, set_aside: 0, reasons: [] });
        expect(table.loaded).toBe(table.read);
      }
      expect(summary.validation.tables.map((t) => t.loaded)).toEqual([summary.rows.events, summary.rows.users, summary.rows.products]);
      expect(summary.validation.derived).toMatchObject({ users_added_from_events: 0, event_ids: "source", sessions: "source", personal_columns_dropped: ["email"] });
      // Emails are never read into the warehouse.
      expect(await queryRows(db.connection, "SELECT count(email)::INTEGER AS n FROM users")).toEqual([{ n: 0 }]);
    });
  }

  it("keeps the events of a Parquet file in file order, with a products table to check them against", async () => {
    // Many row groups read by several threads: a join with the products table used to hand rows back out of order.
    const dir = join(work.path, "ordered");
    mkdirSync(dir);
    await db.connection.run(`COPY (SELECT 'P' || i AS product_id, 'Item' AS product_name, 'Books' AS category, 10.0 AS price FROM range(50) t(i))
      TO '${join(dir, "products.parquet")}' (FORMAT parquet)`);
    await db.connection.run(`COPY (SELECT (i + 1)::VARCHAR AS event_id, 'U' || (i % 97) AS user_id, 'S' || (i % 997) AS session_id,
        'product_view' AS event_type, TIMESTAMP '2025-03-01' + to_seconds(i) AS "timestamp", 'P' || (i * 7919 % 50) AS product_id,
        'Books' AS category, 10.0 AS price, NULL::INTEGER AS quantity
      FROM range(300000) t(i)) TO '${join(dir, "events.parquet")}' (FORMAT parquet, ROW_GROUP_SIZE 2048)`);
    const other = await openDatabase(":memory:", { threads: 4 });
    try {
      await readDataset(other.connection, dir);
      const [check] = await queryRows<{ n: number; moved: number }>(
        other.connection,
        "SELECT count(*)::INTEGER AS n, count(*) FILTER (WHERE event_id::BIGINT <> rowid + 1)::INTEGER AS moved FROM events",
      );
      expect(check).toEqual({ n: 300000, moved: 0 });
    } finally {
      other.close();
    }
  });

  it("loads a seed-schema Parquet file in place: rows set aside are gone and quantities follow the rules", async () => {
    const parquetFolder = async (name: string, rows: string, columns: string) => {
      const dir = join(work.path, name);
      mkdirSync(dir);
      await db.connection.run(`COPY (FROM (VALUES ${rows}) t(${columns})) TO '${join(dir, "events.parquet")}' (FORMAT parquet)`);
      return dir;
    };
    const columns = `event_id, user_id, session_id, event_type, "timestamp", product_id, category, price`;
    const withQuantity = await parquetFolder(
      "parquet-in-place",
      `(1, 'U1', 'S1', 'product_view', TIMESTAMP '2025-03-04 10:00:00', 'P1', 'Books', 10.0, 3),
       (2, 'U1', 'S1', 'fly_away', TIMESTAMP '2025-03-04 10:01:00', 'P1', 'Books', 10.0, NULL),
       (3, 'U1', 'S1', 'purchase', TIMESTAMP '2025-03-04 10:02:00', 'P1', 'Books', 10.0, NULL),
       (4, 'U1', 'S1', 'add_to_cart', TIMESTAMP '2025-03-04 10:03:00', 'P1', 'Books', 10.0, 2),
       (4, 'U2', 'S2', 'session_start', TIMESTAMP '2025-03-04 11:00:00', NULL, NULL, NULL, NULL)`,
      `${columns}, quantity`,
    );
    const summary = await readDataset(db.connection, withQuantity);
    // Row 2: unknown event type; row 3: the file has quantities and this purchase has none; row 5: a second event 4.
    expect(summary.validation.tables[0]!.reasons.map((r) => [r.reason, r.count, r.examples.map((e) => e.row)])).toEqual([
      ["duplicate_event_id", 1, [5]],
      ["missing_quantity", 1, [3]],
      ["unknown_event_type", 1, [2]],
    ]);
    // A view keeps no quantity.
    expect(await queryRows(db.connection, "SELECT event_id, event_type, quantity FROM events")).toEqual([
      { event_id: "1", event_type: "product_view", quantity: null },
      { event_id: "4", event_type: "add_to_cart", quantity: 2 },
    ]);
    expect(await queryRows(db.connection, "SELECT column_name, column_type FROM (DESCRIBE events)")).toEqual(
      ["event_id VARCHAR", "user_id VARCHAR", "session_id VARCHAR", "event_type VARCHAR", "timestamp TIMESTAMP", "product_id VARCHAR", "category VARCHAR", "price DOUBLE", "quantity INTEGER"].map(
        (c) => ({ column_name: c.split(" ")[0], column_type: c.split(" ")[1] }),
      ),
    );

    // Without a quantity column, carts and purchases count one each.
    const withoutQuantity = await parquetFolder(
      "parquet-no-quantity",
      `(1, 'U1', 'S1', 'product_view', TIMESTAMP '2025-03-04 10:00:00', 'P1', 'Books', 10.0),
       (2, 'U1', 'S1', 'purchase', TIMESTAMP '2025-03-04 10:02:00', 'P1', 'Books', 10.0)`,
      columns,
    );
    const other = await openDatabase();
    try {
      await readDataset(other.connection, withoutQuantity);
      expect(await queryRows(other.connection, "SELECT event_id, quantity FROM events")).toEqual([
        { event_id: "1", quantity: null },
        { event_id: "2", quantity: 1 },
      ]);
    } finally {
      other.close();
    }
  });
});

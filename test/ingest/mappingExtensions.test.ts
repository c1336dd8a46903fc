// Mapping extensions for the shapes real exports come in: no header row, constants for columns a file
// lacks, micro- and nanosecond epochs, gzip-compressed CSV and Parquet of several codecs. Every fixture is
// made here; every count was worked out by hand from the rows written, and loaded + set aside = read.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Database, openDatabase, queryRows } from "../../lib/db/duckdb";
import { readDataset } from "../../lib/ingest/readDataset";
import { type MappingFile, parseMapping } from "../../lib/ingest/mapping";
import { tempDir } from "../helpers/tempDir";

const work = tempDir("event-kit-mapext-");
afterAll(() => work.cleanup());
let db: Database;
beforeEach(async () => (db = await openDatabase()));
afterEach(() => db.close());

let n = 0;
function write(name: string, content: string | Buffer): string {
  const dir = join(work.path, `x${++n}`);
  mkdirSync(dir);
  writeFileSync(join(dir, name), content);
  return join(dir, name);
}

function reasons(summary: Awaited<ReturnType<typeof readDataset>>): Record<string, number> {
  return Object.fromEntries(summary.validation.tables[0]!.reasons.map((r) => [r.reason, r.count]));
}

function accounting(summary: Awaited<ReturnType<typeof readDataset>>) {
  const { read, loaded, set_aside } = summary.validation.tables[0]!;
  expect(loaded + set_aside).toBe(read);
  return { read, loaded, set_aside };
}

// 2025-03-04 10:00:00 UTC.
const T0 = 1741082400;

describe('"csv": {"header": false}', () => {
  // user, item, category, behaviour, epoch seconds: tab-delimited, no header.
  const rows = [
    `1\t10\t100\tpv\t${T0}`,
    `1\t10\t100\tcart\t${T0 + 60}`,
    `2\t11\t100\tpv\t${T0 + 5}`,
    `2\t11\t100`, // row 4: two columns short
    `3\t12\t101\tpv\t${T0 + 9}`,
  ];
  const mapping: MappingFile = {
    columns: { user_id: "column1", product_id: "column2", category: "column3", event_type: "column4", timestamp: "column5" },
    event_types: { pv: "product_view", cart: "add_to_cart" },
    timestamp_format: "epoch_s",
    csv: { header: false },
  };

  it("reads the first line as data, detects the tab delimiter and numbers rows from the first line", async () => {
    const file = write("log.csv", rows.join("\n") + "\n");
    const summary = await readDataset(db.connection, file, { mapping });
    expect(accounting(summary)).toEqual({ read: 5, loaded: 4, set_aside: 1 });
    expect(reasons(summary)).toEqual({ wrong_column_count: 1 });
    expect(summary.validation.tables[0]!.reasons[0]!.examples[0]!.row).toBe(4);
    expect(await queryRows(db.connection, `SELECT user_id, event_type, epoch("timestamp")::BIGINT AS t FROM events ORDER BY event_id::INTEGER`)).toEqual([
      { user_id: "1", event_type: "product_view", t: T0 },
      { user_id: "1", event_type: "add_to_cart", t: T0 + 60 },
      { user_id: "2", event_type: "product_view", t: T0 + 5 },
      { user_id: "3", event_type: "product_view", t: T0 + 9 },
    ]);
  });

  it("names column1 … columnN in a missing-column error", async () => {
    const file = write("log.csv", rows.join("\n") + "\n");
    await expect(readDataset(db.connection, file, { mapping: { ...mapping, columns: { ...mapping.columns, price: "column6" } } })).rejects.toThrow(
      /no column "column6".*found: column1, column2, column3, column4, column5/,
    );
  });

  it("without the option, the first row is a header and the mapping's columnN names are not found", async () => {
    const file = write("log.csv", rows.join("\n") + "\n");
    const { csv: _csv, ...withHeader } = mapping;
    await expect(readDataset(db.connection, file, { mapping: withHeader })).rejects.toThrow(/no column "column1"/);
  });
});

describe("constant columns", () => {
  const orders = ["customer,invoice_date,total", "c1,2025-03-04 10:00:00,12.50", "c2,2025-03-04 11:00:00,7", "c1,2025-03-05 09:30:00,3.25"].join("\n");

  it('gives every row the constant: an order export becomes purchases ("event_type": {"value": "purchase"})', async () => {
    const file = write("orders.csv", orders);
    const summary = await readDataset(db.connection, file, {
      mapping: { columns: { user_id: "customer", timestamp: "invoice_date", price: "total", event_type: { value: "purchase" }, category: { value: "Orders" } } },
    });
    expect(accounting(summary)).toEqual({ read: 3, loaded: 3, set_aside: 0 });
    expect(await queryRows(db.connection, "SELECT event_type, category, count(*)::INTEGER AS n, sum(price)::DOUBLE AS revenue FROM events GROUP BY ALL")).toEqual([
      { event_type: "purchase", category: "Orders", n: 3, revenue: 22.75 },
    ]);
    expect(summary.validation.tables[0]!.ignored_columns).toEqual([]);
  });

  it("maps a constant event type through event_types like a column's value", async () => {
    const file = write("orders.csv", orders);
    const summary = await readDataset(db.connection, file, {
      mapping: { columns: { user_id: "customer", timestamp: "invoice_date", price: "total", event_type: { value: "ORDER" } }, event_types: { order: "purchase" } },
    });
    expect(accounting(summary)).toEqual({ read: 3, loaded: 3, set_aside: 0 });
  });

  for (const target of ["user_id", "timestamp", "event_id", "session_id"] as const) {
    it(`refuses a constant ${target}, saying why`, () => {
      expect(() => parseMapping({ columns: { user_id: "u", timestamp: "t", event_type: "e", [target]: { value: "x" } } }, "m.json")).toThrow(
        new RegExp(`mapping m.json: "columns.${target}" cannot be a constant: `),
      );
    });
  }

  it("refuses a constant price that is not a number and a constant with other keys", () => {
    const base = { user_id: "u", timestamp: "t", event_type: "e" };
    expect(() => parseMapping({ columns: { ...base, price: { value: "9.99" } } }, "m.json")).toThrow(/"columns.price.value" must be a number/);
    expect(() => parseMapping({ columns: { ...base, category: { value: "A", other: 1 } } }, "m.json")).toThrow(/must be a column name, a list of column names, or \{ "value": … \}/);
  });
});

describe("epoch_us and epoch_ns", () => {
  // 2025-03-04 10:00:00.123456 UTC; the nanosecond value has 19 digits, more than a DOUBLE holds exactly.
  const us = 1741082400123456n;
  const rows = (scale: bigint, extra: string) =>
    ["user,t,type", `u1,${us * scale},session_start`, `u1,${us * scale + 60_000_000n * scale},session_end`, `u2,${extra},session_start`].join("\n");

  for (const [format, scale, extra, expectedLoaded] of [
    ["epoch_us", 1n, "1.741082400123456e15", 3],
    ["epoch_ns", 1000n, "abc", 2],
  ] as const) {
    it(`${format}: whole numbers read exactly to the microsecond`, async () => {
      const file = write("ga4.csv", rows(scale, extra));
      const summary = await readDataset(db.connection, file, {
        mapping: { columns: { user_id: "user", timestamp: "t", event_type: "type" }, timestamp_format: format },
      });
      expect(accounting(summary)).toEqual({ read: 3, loaded: expectedLoaded, set_aside: 3 - expectedLoaded });
      const times = await queryRows<{ t: string }>(db.connection, `SELECT strftime("timestamp", '%Y-%m-%d %H:%M:%S.%f') AS t FROM events ORDER BY event_id::INTEGER`);
      expect(times.slice(0, 2).map((r) => r.t)).toEqual(["2025-03-04 10:00:00.123456", "2025-03-04 10:01:00.123456"]);
    });
  }

  it("rejects an unknown epoch unit with the list of formats", () => {
    expect(() => parseMapping({ columns: { user_id: "u", timestamp: "t", event_type: "e" }, timestamp_format: "epoch_ps" }, "m.json")).toThrow(
      /"auto", "epoch_s", "epoch_ms", "epoch_us", "epoch_ns" or a strptime format/,
    );
  });
});

describe("compressed input", () => {
  const csv = ["user_id,timestamp,event_type", "u1,2025-03-04 10:00:00,session_start", "u1,2025-03-04 10:01:00,session_end", "u2,not a time,session_start", "u2,2025-03-04 12:00:00,session_start"].join("\n") + "\n";
  const mapping: MappingFile = { columns: { user_id: "user_id", timestamp: "timestamp", event_type: "event_type" } };

  it("reads .csv.gz, and a gzip file named .csv, with the same counts as the plain file", async () => {
    const plain = await readDataset(db.connection, write("events.csv", csv), { mapping });
    expect(accounting(plain)).toEqual({ read: 4, loaded: 3, set_aside: 1 });
    for (const name of ["events.csv.gz", "events.csv"]) {
      const other = await openDatabase();
      try {
        const summary = await readDataset(other.connection, write(name, gzipSync(csv)), { mapping });
        expect(accounting(summary)).toEqual({ read: 4, loaded: 3, set_aside: 1 });
        expect(reasons(summary)).toEqual({ bad_timestamp: 1 });
        expect(summary.validation.tables[0]!.reasons[0]!.examples[0]!.row).toBe(3);
      } finally {
        other.close();
      }
    }
  });

  it("numbers rows after a blank line and a short row the same in a gzip file as in the plain one", async () => {
    const text = ["user_id,timestamp,event_type", "u1,2025-03-04 10:00:00,session_start", "", "u1,2025-03-04 10:01:00", "u2,2025-03-04 12:00:00,session_start"].join("\n");
    const summary = await readDataset(db.connection, write("events.csv.gz", gzipSync(text)), { mapping });
    expect(accounting(summary)).toEqual({ read: 3, loaded: 2, set_aside: 1 });
    expect(summary.validation.tables[0]!.reasons[0]).toMatchObject({ reason: "wrong_column_count", examples: [{ row: 2 }] });
  });

  it("reads a gzip file that is Latin-1 through its decompressed copy", async () => {
    const latin = Buffer.from(["user_id,timestamp,event_type,category", "u1,2025-03-04 10:00:00,product_view,Café", ""].join("\n"), "latin1");
    const summary = await readDataset(db.connection, write("events.csv.gz", gzipSync(latin)), {
      mapping: { columns: { user_id: "user_id", timestamp: "timestamp", event_type: "event_type", category: "category", product_id: { value: "p" } }, csv: { encoding: "latin-1" } },
    });
    expect(accounting(summary)).toEqual({ read: 1, loaded: 1, set_aside: 0 });
    expect(await queryRows(db.connection, "SELECT category FROM events")).toEqual([{ category: "Café" }]);
  });

  for (const codec of ["zstd", "gzip", "snappy", "brotli", "lz4", "uncompressed"]) {
    it(`reads Parquet compressed with ${codec}`, async () => {
      const file = join(work.path, `codec-${codec}.parquet`);
      await db.connection.run(
        `COPY (SELECT * FROM (VALUES ('u1', TIMESTAMP '2025-03-04 10:00:00', 'session_start'), ('u2', TIMESTAMP '2025-03-04 11:00:00', 'session_start'), (NULL, TIMESTAMP '2025-03-04 12:00:00', 'session_start')) t(user_id, "timestamp", event_type))
         TO '${file}' (FORMAT parquet, COMPRESSION ${codec})`,
      );
      const other = await openDatabase();
      try {
        const summary = await readDataset(other.connection, file, { mapping });
        expect(accounting(summary)).toEqual({ read: 3, loaded: 2, set_aside: 1 });
        expect(reasons(summary)).toEqual({ missing_user_id: 1 });
      } finally {
        other.close();
      }
    });
  }
});

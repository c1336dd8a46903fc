// Bad inputs, each with its expected outcome: a fatal error naming file / column / row, or exact counts
// of the rows set aside by reason, with read = loaded + set aside for every table.
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase, queryRows } from "../../lib/db/duckdb";
import { type DatasetSummary, type ReadOptions, readDataset } from "../../lib/ingest/readDataset";
import type { TableName } from "../../lib/dataset/schema";
import type { MappingFile } from "../../lib/ingest/mapping";
import type { TableValidation } from "../../lib/ingest/validationReport";
import { tempDir } from "../helpers/tempDir";
import { caseFolders, readFatal } from "../helpers/inputCases";

const work = tempDir("event-kit-bad-");
afterAll(() => work.cleanup());

const HEADER = "event_id,user_id,session_id,event_type,timestamp,product_id,category,price,quantity";
/** One good session: start, view, cart, purchase, end. */
const GOOD = [
  "e1,U1,S1,session_start,2025-03-04T10:00:00Z,,,,",
  "e2,U1,S1,product_view,2025-03-04T10:01:00Z,P1,Books,12.5,",
  "e3,U1,S1,add_to_cart,2025-03-04T10:02:00Z,P1,Books,12.5,1",
  "e4,U1,S1,purchase,2025-03-04T10:03:00Z,P1,Books,12.5,1",
  "e5,U1,S1,session_end,2025-03-04T10:04:00Z,,,,",
];
const events = (...rows: string[]) => [HEADER, ...GOOD, ...rows].join("\n") + "\n";

const folder = caseFolders(work.path);

interface Outcome {
  summary: DatasetSummary;
  rows: (sql: string) => Promise<Record<string, unknown>[]>;
}

/** Reads a folder and hands back the summary and a query function on the loaded tables. */
async function read(dir: string, options: ReadOptions = {}, check?: (o: Outcome) => Promise<void>): Promise<DatasetSummary> {
  const db = await openDatabase();
  try {
    const summary = await readDataset(db.connection, dir, options);
    for (const t of summary.validation.tables) expect(t.read).toBe(t.loaded + t.reasons.reduce((s, r) => s + r.count, 0));
    await check?.({ summary, rows: (sql) => queryRows(db.connection, sql) });
    return summary;
  } finally {
    db.close();
  }
}

const fatal = readFatal;

function table(summary: DatasetSummary, name: TableName = "events"): TableValidation {
  const found = summary.validation.tables.find((t) => t.table === name);
  if (!found) throw new Error(`no validation for ${name}`);
  return found;
}

function reasons(summary: DatasetSummary, name: TableName = "events"): Record<string, number> {
  return Object.fromEntries(table(summary, name).reasons.map((r) => [r.reason, r.count]));
}

function examples(summary: DatasetSummary, reason: string, name: TableName = "events") {
  return table(summary, name).reasons.find((r) => r.reason === reason)?.examples ?? [];
}

describe("fatal problems stop the read with one message naming the file, column and row", () => {
  it("1. an empty file", async () => {
    const e = await fatal(folder({ "events.csv": "" }));
    expect(e.message).toBe("events.csv is empty");
  });

  it("2. a header and no rows", async () => {
    const e = await fatal(folder({ "events.csv": HEADER + "\n" }));
    expect(e.message).toBe("events.csv has a header but no rows");
  });

  it("3. a delimiter the mapping gets wrong (the file uses ';')", async () => {
    const dir = folder({ "shop.csv": "uid;ts;kind\nU1;2025-03-04T10:00:00Z;view\n" });
    const mapping: MappingFile = { columns: { user_id: "uid", timestamp: "ts", event_type: "kind" }, event_types: { view: "product_view" }, csv: { delimiter: "," } };
    const e = await fatal(join(dir, "shop.csv"), { mapping });
    expect(e.message).toMatch(/^shop\.csv: with the delimiter "," the header is one column "uid;ts;kind"; the file looks delimited by ";"/);
  });

  it("4. a delimiter that is no delimiter (':'): the header is one column, and the message shows it", async () => {
    const e = await fatal(folder({ "events.csv": HEADER.replaceAll(",", ":") + "\n" + GOOD[0]!.replaceAll(",", ":") + "\n" }));
    expect(e.message).toMatch(/^events\.csv has no column "user_id" \(found: event_id:user_id:session_id/);
    expect(e.column).toBe("user_id");
  });

  it("5. a missing required column", async () => {
    const e = await fatal(folder({ "events.csv": "event_id,user_id,session_id,event_type\n1,U1,S1,session_start\n" }));
    expect(e.message).toBe(
      'events.csv has no column "timestamp" (found: event_id, user_id, session_id, event_type); a file in another schema is read through a mapping (--mapping) or a preset (--preset)',
    );
    expect(e.column).toBe("timestamp");
  });

  it("6. a column where no value converts is of the wrong type: fatal, naming column and first row", async () => {
    const e = await fatal(folder({ "events.csv": [HEADER, "e1,U1,S1,session_start,yesterday,,,,", "e2,U1,S1,session_end,today,,,,"].join("\n") }));
    expect(e.message).toBe('events.csv column "timestamp": no value can be read as a timestamp (row 1: "yesterday")');
    expect([e.column, e.row]).toEqual(["timestamp", 1]);
  });

  it("7. a user id column that is empty in every row", async () => {
    const e = await fatal(folder({ "events.csv": [HEADER, "e1,,S1,session_start,2025-03-04T10:00:00Z,,,,", "e2,NULL,S1,session_end,2025-03-04T10:01:00Z,,,,"].join("\n") }));
    expect(e.message).toBe('events.csv column "user_id" has no values: every row is empty');
  });

  it("8. no row can be loaded: the most frequent reason and its first row are named", async () => {
    const e = await fatal(folder({ "events.csv": [HEADER, "e1,U1,S1,click,2025-03-04T10:00:00Z,,,,", "e2,U1,S1,scroll,2025-03-04T10:01:00Z,,,,"].join("\n") }));
    expect(e.message).toBe('events.csv: none of its 2 rows can be loaded; most often: unknown event type (2 rows; first at row 1, column "event_type")');
    expect(e.row).toBe(1);
  });

  it("9. a path that does not exist, and a folder without events", async () => {
    expect((await fatal(join(work.path, "nowhere"))).message).toMatch(/^dataset folder not found: .*nowhere$/);
    expect((await fatal(folder({ "users.csv": "user_id\nU1\n" }))).message).toMatch(/has no events table/);
  });

  it("10. UTF-16 big-endian text", async () => {
    const bytes = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(events(), "utf16le").swap16()]);
    expect((await fatal(folder({ "events.csv": bytes }))).message).toBe("events.csv is UTF-16 big-endian text, which cannot be read: save it as UTF-8");
  });
});

describe("rows are set aside with a reason, never lost", () => {
  it("11. a semicolon-delimited file is recognised from its header and loads whole", async () => {
    const s = await read(folder({ "events.csv": events().replaceAll(",", ";") }));
    expect(table(s)).toMatchObject({ read: 5, loaded: 5, set_aside: 0 });
  });

  it("12. a UTF-8 byte order mark: the first column is still event_id", async () => {
    const s = await read(folder({ "events.csv": "\uFEFF" + events() }), {}, async ({ rows }) => {
      expect(await rows("SELECT event_id FROM events ORDER BY event_id LIMIT 1")).toEqual([{ event_id: "e1" }]);
    });
    expect(table(s)).toMatchObject({ read: 5, loaded: 5 });
    expect(s.validation.derived.event_ids).toBe("source");
  });

  it("13. CRLF line ends: no carriage return is left in the last column", async () => {
    const s = await read(folder({ "events.csv": events().replaceAll("\n", "\r\n") }), {}, async ({ rows }) => {
      expect(await rows("SELECT quantity FROM events WHERE event_id = 'e3'")).toEqual([{ quantity: 1 }]);
    });
    expect(table(s)).toMatchObject({ read: 5, loaded: 5, set_aside: 0 });
  });

  it("14. quoted newlines and quotes: one row per record, and later row numbers still right", async () => {
    const s = await read(
      folder({ "events.csv": events('e6,U1,S1,product_view,2025-03-04T10:05:00Z,P2,"Books\nand ""more""",3,', "e7,U1,S1,click,2025-03-04T10:06:00Z,,,,") }),
      {},
      async ({ rows }) => {
        expect(await rows("SELECT category FROM events WHERE event_id = 'e6'")).toEqual([{ category: 'Books\nand "more"' }]);
      },
    );
    expect(reasons(s)).toEqual({ unknown_event_type: 1 });
    expect(examples(s, "unknown_event_type")).toEqual([{ row: 7, column: "event_type", value: "click" }]);
  });

  it("15. bytes that are not UTF-8: that row is set aside (invalid UTF-8), rows after it keep their numbers", async () => {
    const bytes = Buffer.concat([
      Buffer.from(events()),
      Buffer.from("e6,U1,S1,product_view,2025-03-04T10:05:00Z,P2,Caf"),
      Buffer.from([0xe9]), // Latin-1 é
      Buffer.from(",3,\ne7,U1,S1,click,2025-03-04T10:06:00Z,,,,\n"),
    ]);
    const s = await read(folder({ "events.csv": bytes }));
    expect(reasons(s)).toEqual({ invalid_utf8: 1, unknown_event_type: 1 });
    expect(examples(s, "invalid_utf8")).toMatchObject([{ row: 6, column: "category", value: null }]);
    expect(examples(s, "unknown_event_type")).toMatchObject([{ row: 7 }]);
    expect(table(s)).toMatchObject({ read: 7, loaded: 5, set_aside: 2 });
  });

  it("15b. many rows with bytes that are not UTF-8 (where DuckDB's own rejects lose rows): all accounted for", async () => {
    const rows = Array.from({ length: 200_000 }, (_, i) =>
      Buffer.from(`m${i},U1,S1,product_view,2025-03-04T10:00:00Z,P1,${i % 2 ? "Caf\xe9" : "Café €"},1,\n`, i % 2 ? "latin1" : "utf8"),
    );
    const s = await read(folder({ "events.csv": Buffer.concat([Buffer.from(HEADER + "\n"), ...rows]) }), {}, async ({ rows: query }) => {
      expect(await query("SELECT DISTINCT category FROM events")).toEqual([{ category: "Café €" }]);
    });
    expect(table(s)).toMatchObject({ read: 200_000, loaded: 100_000, set_aside: 100_000 });
    expect(examples(s, "invalid_utf8")).toEqual([2, 4, 6].map((row) => ({ row, column: "category", value: null, detail: "bytes that are not UTF-8 text" })));
  }, 60_000);

  it("16. the same bytes read as Latin-1 through a mapping load, é intact", async () => {
    const dir = folder({ "shop.csv": Buffer.concat([Buffer.from("uid,ts,kind,cat\nU1,2025-03-04T10:00:00Z,view,Caf"), Buffer.from([0xe9]), Buffer.from("\n")]) });
    const mapping: MappingFile = { columns: { user_id: "uid", timestamp: "ts", event_type: "kind", category: "cat", product_id: "cat" }, event_types: { view: "product_view" }, csv: { encoding: "latin-1" } };
    await read(join(dir, "shop.csv"), { mapping }, async ({ rows }) => {
      expect(await rows("SELECT category FROM events")).toEqual([{ category: "Café" }]);
    });
  });

  it("17. UTF-16 little-endian with its byte order mark loads", async () => {
    const s = await read(folder({ "events.csv": Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(events(), "utf16le")]) }));
    expect(table(s)).toMatchObject({ read: 5, loaded: 5 });
  });

  it("18. a missing optional column (session_id): sessions come from 30 minutes of inactivity", async () => {
    const csv = events("e6,U1,S9,product_view,2025-03-04T11:00:00Z,P1,Books,12.5,")
      .split("\n")
      .map((line) => line.split(",").filter((_, i) => i !== 2).join(","))
      .join("\n");
    const s = await read(folder({ "events.csv": csv }), {}, async ({ rows }) => {
      expect(await rows("SELECT session_id, count(*)::INTEGER AS n FROM events GROUP BY 1 ORDER BY 1")).toEqual([
        { session_id: "s1", n: 5 },
        { session_id: "s2", n: 1 },
      ]);
    });
    expect(s.validation.derived.sessions).toBe("inactivity");
  });

  it("19. extra columns are ignored and never loaded; personal ones are listed as dropped", async () => {
    const csv = [HEADER + ",email,name,note", ...GOOD.map((r) => r + ",a@b.example,Ann Smith,hello")].join("\n");
    const s = await read(folder({ "events.csv": csv }));
    expect(table(s)).toMatchObject({ loaded: 5, ignored_columns: ["email", "name", "note"] });
    expect(s.validation.derived.personal_columns_dropped).toEqual(["email", "name"]);
  });

  it("20. mixed timestamp formats and offsets: all converted to UTC; a day-first date is set aside", async () => {
    const s = await read(
      folder({
        "events.csv": events(
          "t1,U2,S2,session_start,2025-03-04 12:00:00+02:00,,,,",
          "t2,U2,S2,session_end,2025-03-04 10:30:00 UTC,,,,",
          "t3,U3,S3,session_start,2025-03-04T05:00:00.250-05:00,,,,",
          "t4,U3,S3,session_end,2025-03-04 10:30,,,,",
          "t5,U3,S3,session_end,04/03/2025 10:30,,,,",
        ),
      }),
      {},
      async ({ rows }) => {
        expect(await rows(`SELECT event_id, strftime("timestamp", '%Y-%m-%d %H:%M:%S.%g') AS ts FROM events WHERE event_id LIKE 't%' ORDER BY 1`)).toEqual([
          { event_id: "t1", ts: "2025-03-04 10:00:00.000" },
          { event_id: "t2", ts: "2025-03-04 10:30:00.000" },
          { event_id: "t3", ts: "2025-03-04 10:00:00.250" },
          { event_id: "t4", ts: "2025-03-04 10:30:00.000" },
        ]);
      },
    );
    expect(reasons(s)).toEqual({ bad_timestamp: 1 });
    expect(examples(s, "bad_timestamp")).toEqual([{ row: 10, column: "timestamp", value: "04/03/2025 10:30" }]);
  });

  it("21. dates far in the future or past are implausible; the window follows the data otherwise", async () => {
    const s = await read(
      folder({
        "events.csv": events(
          "f1,U2,S2,session_start,2150-01-01T00:00:00Z,,,,",
          "f2,U2,S2,session_start,1970-01-01T00:00:00Z,,,,",
          "f3,U2,S2,session_start,infinity,,,,",
          "f4,U2,S2,session_start,2025-12-31T23:59:59Z,,,,",
        ),
      }),
    );
    expect(reasons(s)).toEqual({ implausible_timestamp: 3 });
    expect(s.window).toEqual({ start: "2025-03-04T00:00:00.000Z", end: "2026-01-01T00:00:00.000Z", timezone: "UTC" });
  });

  it("22. NULLs in each column: the required ones set the row aside, the optional ones do not", async () => {
    const s = await read(
      folder({
        "events.csv": events(
          ",U1,S1,product_view,2025-03-04T10:01:00Z,P1,Books,12.5,", // event_id
          "n2,,S1,product_view,2025-03-04T10:01:00Z,P1,Books,12.5,", // user_id
          "n3,U1,,product_view,2025-03-04T10:01:00Z,P1,Books,12.5,", // session_id
          "n4,U1,S1,,2025-03-04T10:01:00Z,P1,Books,12.5,", // event_type
          "n5,U1,S1,product_view,,P1,Books,12.5,", // timestamp
          "n6,U1,S1,product_view,2025-03-04T10:01:00Z,,Books,12.5,", // product_id on a product event
          "n7,U1,S1,product_view,2025-03-04T10:01:00Z,P1,,12.5,", // category: loaded
          "n8,U1,S1,product_view,2025-03-04T10:01:00Z,P1,Books,,", // price on a view: loaded
          "n9,U1,S1,purchase,2025-03-04T10:01:00Z,P1,Books,,1", // price on a purchase: loaded (revenue covers priced purchases)
          "n10,U1,S1,add_to_cart,2025-03-04T10:01:00Z,P1,Books,12.5,", // quantity on a cart
          "n11,N/A,S1,product_view,2025-03-04T10:01:00Z,P1,Books,12.5,", // a null marker
          "n12,U1,S1,product_view,NULL,P1,Books,12.5,",
        ),
      }),
    );
    expect(reasons(s)).toEqual({
      missing_event_id: 1,
      missing_user_id: 2,
      missing_session_id: 1,
      missing_event_type: 1,
      missing_timestamp: 2,
      missing_product_id: 1,
      missing_quantity: 1,
    });
    expect(table(s)).toMatchObject({ read: 17, loaded: 8, set_aside: 9 });
    expect(examples(s, "missing_user_id")).toEqual([
      { row: 7, column: "user_id", value: null },
      { row: 16, column: "user_id", value: null },
    ]);
  });

  it("23. negative, huge and unreadable prices", async () => {
    const s = await read(
      folder({
        "events.csv": events(
          "p1,U1,S1,product_view,2025-03-04T10:01:00Z,P1,Books,-3,",
          "p2,U1,S1,product_view,2025-03-04T10:01:00Z,P1,Books,1e12,",
          "p3,U1,S1,product_view,2025-03-04T10:01:00Z,P1,Books,1e400,",
          "p4,U1,S1,product_view,2025-03-04T10:01:00Z,P1,Books,\"12,50\",",
          "p5,U1,S1,product_view,2025-03-04T10:01:00Z,P1,Books,0x10,",
          "p6,U1,S1,product_view,2025-03-04T10:01:00Z,P1,Books,0,",
          "p7,U1,S1,product_view,2025-03-04T10:01:00Z,P1,Books,999999999,",
        ),
      }),
    );
    expect(reasons(s)).toEqual({ negative_price: 1, implausible_price: 1, bad_price: 3 });
    expect(examples(s, "bad_price").map((e) => e.value)).toEqual(["1e400", "12,50", "0x10"]);
    expect(table(s).loaded).toBe(7);
  });

  it("24. quantity 0, negative, fractional, and 2.0 (a whole number written as a float)", async () => {
    const s = await read(
      folder({
        "events.csv": events(
          "q1,U1,S1,add_to_cart,2025-03-04T10:02:00Z,P1,Books,12.5,0",
          "q2,U1,S1,purchase,2025-03-04T10:02:00Z,P1,Books,12.5,-1",
          "q3,U1,S1,add_to_cart,2025-03-04T10:02:00Z,P1,Books,12.5,1.5",
          "q4,U1,S1,add_to_cart,2025-03-04T10:02:00Z,P1,Books,12.5,2.0",
          "q5,U1,S1,product_view,2025-03-04T10:02:00Z,P1,Books,12.5,lots",
        ),
      }),
      {},
      async ({ rows }) => {
        expect(await rows("SELECT event_id, quantity FROM events WHERE event_id IN ('q4', 'q5') ORDER BY 1")).toEqual([
          { event_id: "q4", quantity: 2 },
          { event_id: "q5", quantity: null }, // a view has no quantity: its value is not judged
        ]);
      },
    );
    expect(reasons(s)).toEqual({ quantity_not_positive: 2, bad_quantity: 1 });
  });

  it("25. duplicated rows: the first is kept, the others name it", async () => {
    const s = await read(folder({ "events.csv": events(GOOD[1]!, GOOD[1]!, GOOD[3]!) }));
    expect(reasons(s)).toEqual({ duplicate_event_id: 3 });
    expect(examples(s, "duplicate_event_id")).toEqual([
      { row: 6, column: "event_id", value: "e2", detail: "same as row 2" },
      { row: 7, column: "event_id", value: "e2", detail: "same as row 2" },
      { row: 8, column: "event_id", value: "e4", detail: "same as row 4" },
    ]);
  });

  it("26. a duplicate id keeps the first row that is otherwise valid, not a broken one", async () => {
    const s = await read(folder({ "events.csv": [HEADER, "e1,U1,S1,session_start,garbage,,,,", ...GOOD].join("\n") }));
    expect(reasons(s)).toEqual({ bad_timestamp: 1 });
    expect(table(s).loaded).toBe(5);
  });

  it("27. unknown event types; known ones match whatever their case", async () => {
    const s = await read(
      folder({
        "events.csv": events("u1,U1,S1,click,2025-03-04T10:05:00Z,,,,", "u2,U1,S1, PURCHASE ,2025-03-04T10:05:00Z,P1,Books,12.5,1", "u3,U1,S1,remove_from_cart,2025-03-04T10:05:00Z,P1,,,"),
      }),
      {},
      async ({ rows }) => {
        expect(await rows("SELECT event_type FROM events WHERE event_id = 'u2'")).toEqual([{ event_type: "purchase" }]);
      },
    );
    expect(reasons(s)).toEqual({ unknown_event_type: 2 });
    expect(examples(s, "unknown_event_type").map((e) => e.value)).toEqual(["click", "remove_from_cart"]);
  });

  it("28. a 10-million-character field: that row is set aside as too long, quickly", async () => {
    const started = performance.now();
    const s = await read(folder({ "events.csv": events(`big,U1,S1,product_view,2025-03-04T10:05:00Z,P1,${"x".repeat(10_000_000)},1,`, "after,U1,S1,click,2025-03-04T10:06:00Z,,,,") }));
    expect(performance.now() - started).toBeLessThan(30_000);
    expect(reasons(s)).toEqual({ row_too_long: 1, unknown_event_type: 1 });
    expect(examples(s, "row_too_long")).toMatchObject([{ row: 6, value: null }]);
    expect(examples(s, "row_too_long")[0]!.detail).toMatch(/Maximum line size of 2000000 bytes exceeded/);
    expect(examples(s, "unknown_event_type")).toMatchObject([{ row: 7 }]);
  });

  it("29. a value of 1,001 characters (within the reader's limit) is set aside as too long", async () => {
    const s = await read(folder({ "events.csv": events(`long,U1,S1,product_view,2025-03-04T10:05:00Z,P1,${"c".repeat(1001)},1,`) }));
    expect(reasons(s)).toEqual({ value_too_long: 1 });
    expect(examples(s, "value_too_long")).toEqual([{ row: 6, column: "category", value: "c".repeat(80) + "…" }]);
  });

  it("30. rows with too many or too few columns, and an unterminated quote", async () => {
    const s = await read(
      folder({
        "events.csv": events("w1,U1,S1,session_start,2025-03-04T10:05:00Z,,,,,extra", "w2,U1,S1,session_start", "w3,U1,S1,click,2025-03-04T10:06:00Z,,,,", 'w4,U1,S1,product_view,2025-03-04T10:06:00Z,P1,"Books,1,'),
      }),
    );
    expect(reasons(s)).toEqual({ wrong_column_count: 2, unknown_event_type: 1, bad_quoting: 1 });
    expect(examples(s, "wrong_column_count").map((e) => e.row)).toEqual([6, 7]);
    expect(examples(s, "unknown_event_type")).toMatchObject([{ row: 8 }]);
    expect(examples(s, "bad_quoting")).toMatchObject([{ row: 9 }]);
  });

  it("31. blank lines are not rows", async () => {
    const s = await read(folder({ "events.csv": [HEADER, GOOD[0], "", GOOD[1], "", ...GOOD.slice(2), "", ""].join("\n") }));
    expect(table(s)).toMatchObject({ read: 5, loaded: 5, set_aside: 0 });
  });

  it("31b. rows are numbered as data rows after blank lines, for the reader's rejects and for later rules alike", async () => {
    // Data rows: 1–5 GOOD, 6 too many columns, 7 a quoted value over three lines, 8 too many columns,
    // 9 an unknown event type, 10 missing columns. Blank lines are not rows (inside the quoted value a
    // blank line is text), and a line of spaces is a row with missing columns.
    const text = [
      HEADER,
      ...GOOD.slice(0, 2),
      "",
      ...GOOD.slice(2),
      "",
      "x1,U1,S1,product_view,2025-03-04T10:05:00Z,P1,Books,1,,extra",
      "",
      '"x2",U1,S1,product_view,2025-03-04T10:06:00Z,P1,"Books',
      "",
      'and more",1,',
      "",
      "",
      "x3,U1,S1,product_view,2025-03-04T10:07:00Z,P1,Books,1,,extra",
      "x4,U1,S1,fly_away,2025-03-04T10:08:00Z,P1,Books,1,",
      "   ",
      "",
    ].join("\n");
    const s = await read(folder({ "events.csv": text }));
    expect(reasons(s)).toEqual({ wrong_column_count: 3, unknown_event_type: 1 });
    expect(examples(s, "wrong_column_count").map((e) => e.row)).toEqual([6, 8, 10]);
    expect(examples(s, "unknown_event_type").map((e) => e.row)).toEqual([9]);
    expect(table(s)).toMatchObject({ read: 10, loaded: 6, set_aside: 4 });
  });

  it("31c. mixed line endings (CRLF and LF lines, as in joined files) load whole, row numbers intact", async () => {
    const lines = [HEADER, ...GOOD, "x1,U1,S1,fly_away,2025-03-04T10:05:00Z,P1,Books,1,"];
    // CRLF on the first three lines and a CRLF blank line; LF elsewhere. DuckDB's strict reader alone
    // stops on this with "the CSV Parser state machine reached an invalid state".
    const text = lines.slice(0, 3).join("\r\n") + "\r\n\r\n" + lines.slice(3).join("\n") + "\n";
    const s = await read(folder({ "events.csv": text }));
    expect(table(s)).toMatchObject({ read: 6, loaded: 5, set_aside: 1 });
    expect(examples(s, "unknown_event_type").map((e) => e.row)).toEqual([6]);
  });

  it("31d. lines ended by CR alone (classic Mac OS) load, row numbers intact around a blank line", async () => {
    // Data rows: 1–2 GOOD, (a blank line), 3 too many columns, 4–6 GOOD, 7 an unknown event type.
    const extra = "x0,U1,S1,product_view,2025-03-04T10:01:30Z,P1,Books,1,,extra";
    const unknown = "x1,U1,S1,fly_away,2025-03-04T10:05:00Z,P1,Books,1,";
    const text = [HEADER, ...GOOD.slice(0, 2), "", extra, ...GOOD.slice(2), unknown].join("\r") + "\r";
    const s = await read(folder({ "events.csv": text }));
    expect(table(s)).toMatchObject({ read: 7, loaded: 5, set_aside: 2 });
    expect(examples(s, "wrong_column_count").map((e) => e.row)).toEqual([3]);
    expect(examples(s, "unknown_event_type").map((e) => e.row)).toEqual([7]);
  });

  it("31e. a CR alone inside a line stops the read with a message that says what to look for", async () => {
    const text = [HEADER, ...GOOD.slice(0, 2), "x0,U1,S1,product_view,2025-03-04T10:01:30Z,P1,Bo\roks,1,", ...GOOD.slice(2)].join("\n") + "\n";
    const error = await fatal(folder({ "events.csv": text }));
    expect(error.message).toMatch(/^events\.csv cannot be read: .*a carriage return \(CR\) alone in the middle of a line/);
    expect(error.file).toMatch(/events\.csv$/);
  });

  it("32. ids with surrounding blanks are trimmed", async () => {
    await read(folder({ "events.csv": events(" e6 , U1 ,S1,product_view,2025-03-04T10:05:00Z, P1 ,Books,1,") }), {}, async ({ rows }) => {
      expect(await rows("SELECT event_id, user_id, product_id FROM events WHERE event_id = 'e6'")).toEqual([{ event_id: "e6", user_id: "U1", product_id: "P1" }]);
    });
  });
});

describe("across tables", () => {
  const PRODUCTS = "product_id,product_name,category,price\nP1,Novel,Books,12.5\nP2,Chess,Games,-4\nP3,Dice,Games,3\nP3,Dice again,Games,3\n";

  it("33. products: a negative price and a duplicate id are set aside, and events of a product not loaded are too", async () => {
    const s = await read(
      folder({ "products.csv": PRODUCTS, "events.csv": events("x1,U1,S1,product_view,2025-03-04T10:05:00Z,P2,Games,4,", "x2,U1,S1,product_view,2025-03-04T10:05:00Z,P9,Games,4,", "x3,U1,S1,product_view,2025-03-04T10:05:00Z,P3,,,", "x4,U1,S1,purchase,2025-03-04T10:06:00Z,P3,Games,,1") }),
      {},
      async ({ rows }) => {
        // A missing category or price is filled from the products table; a purchase priced there is not "missing a price".
        expect(await rows("SELECT event_id, category, price FROM events WHERE event_id IN ('x3', 'x4') ORDER BY 1")).toEqual([
          { event_id: "x3", category: "Games", price: 3 },
          { event_id: "x4", category: "Games", price: 3 },
        ]);
      },
    );
    expect(reasons(s, "products")).toEqual({ negative_price: 1, duplicate_product_id: 1 });
    expect(reasons(s)).toEqual({ unknown_product: 2 });
    expect(examples(s, "unknown_product").map((e) => e.value)).toEqual(["P2", "P9"]);
    expect(s.derived).toEqual(["users"]);
  });

  it("34. users: duplicate ids, bad ages and dates; emails never read; event-only users derived", async () => {
    const users = [
      "user_id,email,registration_date,age,gender,location,segment",
      "U1,ann@example.com,2025-03-01T00:00:00Z,30,F,Paris,Regular",
      "U1,ann2@example.com,2025-03-02T00:00:00Z,31,F,Paris,Regular",
      "U2,bob@example.com,2025-03-01T00:00:00Z,-5,M,Oslo,New",
      "U3,cy@example.com,last week,40,M,Rome,New",
      "U4,di@example.com,1900-01-01,40,F,Rome,New",
    ].join("\n");
    const s = await read(folder({ "users.csv": users, "events.csv": events("y1,U7,S7,session_start,2025-03-05T09:00:00Z,,,,") }), {}, async ({ rows }) => {
      expect(await rows("SELECT user_id, email, strftime(registration_date, '%Y-%m-%d %H:%M') AS reg FROM users ORDER BY 1")).toEqual([
        { user_id: "U1", email: null, reg: "2025-03-01 00:00" },
        { user_id: "U7", email: null, reg: "2025-03-05 09:00" },
      ]);
    });
    expect(reasons(s, "users")).toEqual({ duplicate_user_id: 1, bad_age: 1, bad_registration_date: 1, implausible_registration_date: 1 });
    expect(s.validation.derived).toMatchObject({ users_added_from_events: 1, personal_columns_dropped: ["email"] });
    expect(JSON.stringify(s.validation)).not.toMatch(/example\.com/);
  });

  it("35. generated data's window: events outside it are set aside", async () => {
    const manifest = JSON.stringify({ window: { start: "2025-03-04T00:00:00.000Z", end: "2025-03-05T00:00:00.000Z" } });
    const s = await read(folder({ "dataset.json": manifest, "events.csv": events("o1,U1,S1,session_start,2025-03-05T00:00:00Z,,,,", "o2,U1,S1,session_start,2025-03-03T23:59:59Z,,,,") }));
    expect(reasons(s)).toEqual({ outside_window: 2 });
    expect(s.window).toEqual({ start: "2025-03-04T00:00:00.000Z", end: "2025-03-05T00:00:00.000Z", timezone: "UTC" });
  });

  it("36. Parquet: typed bad values are set aside with the file's row numbers", async () => {
    const dir = folder({});
    const db = await openDatabase();
    await db.connection.run(
      `COPY (SELECT * FROM (VALUES
         (1, 'U1', 'S1', 'product_view', TIMESTAMP '2025-03-04 10:00:00', 'P1', 'Books', 12.5::DOUBLE, NULL::INTEGER),
         (2, 'U1', 'S1', 'purchase', TIMESTAMP '2025-03-04 10:01:00', 'P1', 'Books', 'NaN'::DOUBLE, 1),
         (3, 'U1', 'S1', 'purchase', TIMESTAMP '2025-03-04 10:02:00', 'P1', 'Books', 12.5, 0),
         (3, 'U1', 'S1', 'purchase', TIMESTAMP '2025-03-04 10:03:00', 'P1', 'Books', 12.5, 1))
       AS t(event_id, user_id, session_id, event_type, "timestamp", product_id, category, price, quantity))
       TO '${join(dir, "events.parquet")}' (FORMAT parquet)`,
    );
    db.close();
    const s = await read(dir);
    expect(table(s)).toMatchObject({ format: "parquet", read: 4, loaded: 2 });
    expect(reasons(s)).toEqual({ bad_price: 1, quantity_not_positive: 1 });
    expect(examples(s, "bad_price")).toEqual([{ row: 2, column: "price", value: "nan" }]);
  });
});

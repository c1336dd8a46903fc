// Hostile and odd inputs that used to give a wrong report without a word (issue 15): float user ids,
// money beyond what exact sums carry, two stray events stretching the window, and the "wrong data
// without a warning" class. Each expected value is worked out by hand from the tiny files below.
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase, queryRows, sqlString } from "../../lib/db/duckdb";
import { type DatasetSummary, type ReadOptions, readDataset } from "../../lib/ingest/readDataset";
import { computeHeadline } from "../../lib/analysis/headline";
import { parseMapping } from "../../lib/ingest/mapping";
import type { ValidationWarning } from "../../lib/ingest/warnings";
import { tempDir } from "../helpers/tempDir";
import { caseFolders, readFatal } from "../helpers/inputCases";

const work = tempDir("event-kit-hostile-");
afterAll(() => work.cleanup());

const folder = caseFolders(work.path);

/** Writes the result of `select` as a Parquet file. */
async function parquet(file: string, select: string): Promise<void> {
  const db = await openDatabase();
  try {
    await db.connection.run(`COPY (${select}) TO ${sqlString(file)} (FORMAT parquet)`);
  } finally {
    db.close();
  }
}

async function read(dir: string, options: ReadOptions = {}, sql: string[] = []): Promise<{ summary: DatasetSummary; results: Record<string, unknown>[][] }> {
  const db = await openDatabase();
  try {
    const summary = await readDataset(db.connection, dir, options);
    const results = [];
    for (const q of sql) results.push(await queryRows(db.connection, q));
    return { summary, results };
  } finally {
    db.close();
  }
}

const fatal = readFatal;

const codes = (warnings: readonly ValidationWarning[]) => warnings.map((w) => w.code).sort();
const HEADER = "event_id,user_id,session_id,event_type,timestamp,product_id,category,price,quantity";

describe("float user ids (item 3): 60 people stay 60 users", () => {
  // 60 people, ids 541312001..541312060; events: one session_start each, ids as integers.
  const events = `SELECT 'e' || i AS event_id, (541312000 + i)::BIGINT AS user_id, 's' || i AS session_id, 'session_start' AS event_type,
      TIMESTAMP '2025-03-01 10:00:00' + INTERVAL (i) HOUR AS "timestamp" FROM range(1, 61) t(i)`;

  it("a DOUBLE user_id (541312001.0) matches the events' 541312001, and the report says it was normalised", async () => {
    const dir = folder({});
    await parquet(join(dir, "events.parquet"), events);
    await parquet(join(dir, "users.parquet"), `SELECT (541312000 + i)::DOUBLE AS user_id, TIMESTAMP '2025-02-01' AS registration_date FROM range(1, 61) t(i)`);
    const { summary, results } = await read(dir, {}, [
      "SELECT count(*)::INT AS n FROM users",
      "SELECT count(*)::INT AS n FROM users WHERE user_id NOT IN (SELECT user_id FROM events)",
      "SELECT min(user_id) AS first FROM users",
    ]);
    expect(results[0]).toEqual([{ n: 60 }]);
    expect(results[1]).toEqual([{ n: 0 }]);
    expect(results[2]).toEqual([{ first: "541312001" }]);
    expect(summary.validation.derived.users_added_from_events).toBe(0);
    expect(summary.validation.derived.float_ids_normalized).toEqual(["users.parquet user_id"]);
    expect(codes(summary.validation.warnings)).not.toContain("users_without_events");
  });

  it("text ids are never rewritten: a users.csv with '541312001.0' stays apart, and the run warns loudly", async () => {
    const dir = folder({
      "users.csv": ["user_id,registration_date", ...Array.from({ length: 60 }, (_, i) => `${541312001 + i}.0,2025-02-01`)].join("\n") + "\n",
    });
    await parquet(join(dir, "events.parquet"), events);
    const { summary, results } = await read(dir, {}, ["SELECT count(*)::INT AS n FROM users"]);
    expect(results[0]).toEqual([{ n: 120 }]);
    expect(summary.validation.derived.float_ids_normalized).toEqual([]);
    const warning = summary.validation.warnings.find((w) => w.code === "users_without_events");
    expect(warning).toMatchObject({ table: "users", count: 60 });
    expect(warning!.message).toContain("60 of its 60 users");
  });
});

describe("money the exact sums can carry (item 4)", () => {
  const mapping = (extra: Record<string, unknown>) => ({ columns: { user_id: "user_id", timestamp: "timestamp", event_type: "event_type" }, ...extra });

  it("max_price is bounded at 1e14 and quantity_default at 1,000,000, each refused above with a message naming the key", () => {
    expect(parseMapping(mapping({ max_price: 1e14 }), "m.json").maxPrice).toBe(1e14);
    expect(() => parseMapping(mapping({ max_price: 1e300 }), "m.json")).toThrow(
      'mapping m.json: "max_price" is 1e+300; it can be at most 100,000,000,000,000 (money is summed exactly',
    );
    expect(() => parseMapping(mapping({ max_price: 1.0000000001e14 }), "m.json")).toThrow('"max_price"');
    expect(parseMapping(mapping({ quantity_default: 1_000_000 }), "m.json").quantityDefault).toBe(1_000_000);
    expect(() => parseMapping(mapping({ quantity_default: 1_000_001 }), "m.json")).toThrow('"quantity_default" is 1000001; it can be at most 1,000,000');
  });

  it("at the bound, the headline sums without overflow; a quantity above 1,000,000 is set aside", async () => {
    // Three purchases of 1e14 × 1,000,000 = 1e20 each: revenue 3e20, exactly.
    const rows = [1, 2, 3].map((i) => `e${i},U${i},S${i},purchase,2025-03-0${i}T10:00:00Z,P1,Books,100000000000000,1000000`);
    const dir = folder({ "events.csv": [HEADER, ...rows, "e4,U4,S4,purchase,2025-03-04T10:00:00Z,P1,Books,5,1000001"].join("\n") + "\n" });
    const events = join(dir, "events.csv");
    const m = {
      columns: Object.fromEntries(HEADER.split(",").map((c) => [c, c])),
      max_price: 1e14,
    };
    const db = await openDatabase();
    try {
      const summary = await readDataset(db.connection, events, { mapping: m });
      const reasons = summary.validation.tables[0]!.reasons.map((r) => [r.reason, r.count]);
      expect(reasons).toEqual([["implausible_quantity", 1]]);
      const headline = await computeHeadline(db.connection);
      expect(headline.revenue).toBe(3e20);
    } finally {
      db.close();
    }
  });

  it("amounts below a millionth are counted in a warning, not silently summed to 0", async () => {
    const dir = folder({
      "events.csv": [
        HEADER,
        "e1,U1,S1,purchase,2025-03-01T10:00:00Z,P1,Books,0.0000004,1",
        "e2,U1,S1,purchase,2025-03-01T10:01:00Z,P2,Books,0.0000009,1",
        "e3,U1,S1,purchase,2025-03-01T10:02:00Z,P3,Books,12.5,1",
      ].join("\n") + "\n",
    });
    const { summary } = await read(dir);
    expect(summary.validation.rules.money_decimals).toBe(6);
    expect(summary.validation.warnings.find((w) => w.code === "amounts_below_precision")).toMatchObject({ count: 2 });
  });
});

describe("two stray events 110 years apart among 1,074 (item 7)", () => {
  it("the window is questioned: a warning names both rows", async () => {
    // 1,072 events spread over March 2025, then one in 1990 (row 1,073) and one in 2099 (row 1,074).
    const rows = Array.from({ length: 1072 }, (_, i) => {
      const t = new Date(Date.UTC(2025, 2, 1) + i * 40 * 60_000).toISOString();
      return `e${i + 1},U${(i % 50) + 1},S${i + 1},session_start,${t},,,,`;
    });
    rows.push("e1073,U1,S2000,session_start,1990-06-01T00:00:00Z,,,,", "e1074,U2,S2001,session_start,2099-06-01T00:00:00Z,,,,");
    const dir = folder({ "events.csv": [HEADER, ...rows].join("\n") + "\n" });
    const { summary } = await read(dir);
    const warning = summary.validation.warnings.find((w) => w.code === "outlying_events");
    expect(warning).toMatchObject({ table: "events", count: 2 });
    expect(warning!.message).toContain("row 1073 (1990-06-01 00:00:00)");
    expect(warning!.message).toContain("row 1074 (2099-06-01 00:00:00)");
  });

  it("a year of evenly spread events raises no such warning", async () => {
    const rows = Array.from({ length: 365 }, (_, i) => `e${i},U${i % 7},S${i},session_start,${new Date(Date.UTC(2025, 0, 1) + i * 86_400_000).toISOString()},,,,`);
    const { summary } = await read(folder({ "events.csv": [HEADER, ...rows].join("\n") + "\n" }));
    expect(codes(summary.validation.warnings)).toEqual([]);
  });
});

describe("wrong data without a warning (class c)", () => {
  const good = (i: number, user = "U1", product = "P001") =>
    `e${i},${user},S1,product_view,2025-03-01T10:${String(i % 60).padStart(2, "0")}:00Z,${product},Books,12.5,`;

  it("events.csv beside events.parquet: Parquet is read, and the run says which and why", async () => {
    const dir = folder({ "events.csv": [HEADER, good(1), good(2)].join("\n") + "\n" });
    await parquet(join(dir, "events.parquet"), `SELECT 'x1' AS event_id, 'U9' AS user_id, 'S9' AS session_id, 'session_start' AS event_type, TIMESTAMP '2025-04-01' AS "timestamp"`);
    const { summary, results } = await read(dir, {}, ["SELECT user_id FROM events"]);
    expect(results[0]).toEqual([{ user_id: "U9" }]);
    const warning = summary.validation.warnings.find((w) => w.code === "table_given_twice");
    expect(warning?.message).toBe(
      "events.parquet and events.csv are both in the folder: events.parquet is read and events.csv ignored (Parquet is preferred); remove the one you do not mean",
    );
  });

  it("a STRUCT user id is refused, naming the column", async () => {
    const dir = folder({});
    await parquet(join(dir, "events.parquet"), `SELECT {'id': 1, 'x': 'a'} AS user_id, 'session_start' AS event_type, TIMESTAMP '2025-04-01' AS "timestamp"`);
    const error = await fatal(dir);
    expect(error.message).toMatch(/^events\.parquet column "user_id" holds nested values \(STRUCT/);
    expect(error.column).toBe("user_id");
  });

  it("ids differing only by a no-break or zero-width space are warned about, not merged", async () => {
    const dir = folder({ "events.csv": [HEADER, good(1, "U1"), good(2, "U1\u00a0"), good(3, "U\u200b1"), good(4, "U2")].join("\n") + "\n" });
    const { summary, results } = await read(dir, {}, ["SELECT count(DISTINCT user_id)::INT AS n FROM events"]);
    expect(results[0]).toEqual([{ n: 4 }]);
    expect(summary.validation.warnings.find((w) => w.code === "invisible_id_variants")).toMatchObject({ count: 3 });
  });

  it("an offset of +99:00 is not a time; +05:30 and -12:00 are", async () => {
    const dir = folder({
      "events.csv": [
        HEADER,
        "e1,U1,S1,session_start,2025-03-01T10:00:00+99:00,,,,",
        "e2,U1,S1,session_start,2025-03-01T10:00:00+05:30,,,,",
        "e3,U1,S1,session_start,2025-03-01T10:00:00-12:00,,,,",
        "e4,U1,S1,session_start,2025-03-01T10:00:00+14:60,,,,",
      ].join("\n") + "\n",
    });
    const { summary, results } = await read(dir, {}, [`SELECT strftime("timestamp", '%Y-%m-%d %H:%M') AS t FROM events ORDER BY event_id`]);
    expect(results[0]).toEqual([{ t: "2025-03-01 04:30" }, { t: "2025-03-01 22:00" }]);
    const bad = summary.validation.tables[0]!.reasons.find((r) => r.reason === "bad_timestamp")!;
    expect(bad.count).toBe(2);
    expect(bad.examples.map((e) => e.row)).toEqual([1, 4]);
  });

  it("1E+03 is the whole number 1000; 1.5E+00 is not whole", async () => {
    const dir = folder({
      "events.csv": [
        HEADER,
        "e1,U1,S1,add_to_cart,2025-03-01T10:00:00Z,P1,Books,2,1E+03",
        "e2,U1,S1,add_to_cart,2025-03-01T10:01:00Z,P1,Books,2,1.5E+00",
      ].join("\n") + "\n",
    });
    const { summary, results } = await read(dir, {}, ["SELECT quantity FROM events"]);
    expect(results[0]).toEqual([{ quantity: 1000 }]);
    expect(summary.validation.tables[0]!.reasons.map((r) => r.reason)).toEqual(["bad_quantity"]);
  });

  it("unknown products from ids 0001 vs P001: 10% or more set aside for one reason ends with a warning", async () => {
    const dir = folder({
      "products.csv": "product_id,product_name,category,price\nP001,Book,Books,12.5\n",
      "events.csv": [HEADER, good(1, "U1", "P001"), ...Array.from({ length: 3 }, (_, i) => good(i + 2, "U1", "0001"))].join("\n") + "\n",
    });
    const { summary } = await read(dir);
    const warning = summary.validation.warnings.find((w) => w.code === "many_set_aside");
    expect(warning).toMatchObject({ table: "events", count: 3 });
    expect(warning!.message).toBe(
      "events.csv: 3 of 4 rows (75%) set aside as product not in the products table; do the events' product ids match the products file's (e.g. 0001 vs P001)?",
    );
  });

  it("81% duplicate event ids warn; 1 in 20 does not", async () => {
    const many = [HEADER, ...Array.from({ length: 100 }, (_, i) => good(i < 19 ? i : 0).replace(/^e\d+/, i < 19 ? `e${i}` : "e0"))];
    const { summary } = await read(folder({ "events.csv": many.join("\n") + "\n" }));
    expect(summary.validation.warnings.find((w) => w.code === "many_set_aside")).toMatchObject({ count: 81 });
    const few = [HEADER, ...Array.from({ length: 20 }, (_, i) => good(i).replace(/^e\d+/, i === 19 ? "e0" : `e${i}`))];
    const quiet = await read(folder({ "events.csv": few.join("\n") + "\n" }));
    expect(quiet.summary.validation.tables[0]!.set_aside).toBe(1);
    expect(codes(quiet.summary.validation.warnings)).toEqual([]);
  });

  it("registrations after every event of the user: the data contradicts itself, and the run says so", async () => {
    const dir = folder({
      "users.csv": "user_id,registration_date\nU1,2025-06-01\nU2,2025-01-01\n",
      "events.csv": [HEADER, good(1, "U1"), good(2, "U2")].join("\n") + "\n",
    });
    const { summary } = await read(dir);
    const warning = summary.validation.warnings.find((w) => w.code === "registered_after_events");
    expect(warning).toMatchObject({ table: "users", count: 1 });
    expect(warning!.message).toContain("1 of the 2 users with events (50%) registered after their last event");
  });
});

// The Data & methods page's words (lib/pages/dataMethods.ts), worked out by hand: the realism values, the
// validation sentences, and the profile of brought data on tiny datasets (events per type, per day of
// the data's zone, what it lacks).
import { afterEach, describe, expect, it } from "vitest";
import type { CoverageData } from "../../lib/analysis/coverage";
import { dataNotes } from "../../lib/analysis/dataNotes";
import { fillDays, measureDataProfile } from "../../lib/analysis/dataProfile";
import { computeHeadline } from "../../lib/analysis/headline";
import type { Database } from "../../lib/db/duckdb";
import { SqlTrace, stopTracing, traceConnection } from "../../lib/db/sqlTrace";
import type { ValidationReport } from "../../lib/ingest/validationReport";
import { buildDataMethodsPage, formatRealismValue, formatRealismValues, invariantText } from "../../lib/pages/dataMethods";
import type { RealismCheck } from "../../lib/realism/realismChecks";
import { type TinyDataset, type TinyEvent, openTinyDatabase } from "../helpers/tinyDataset";
import { coverageOf, windowOf } from "./words/shapes";

const THIN = "\u202F";
const DEFINITIONS = { source: "docs/metrics.md", html: "<h3>1. Data</h3>" } as const;

describe("formatRealismValues(row, symbol)", () => {
  it("prints a single value bare", () => {
    expect(formatRealismValues({ id: 3, values: { rate: 0.04338 } })).toBe("4.3%");
    expect(formatRealismValues({ id: 1, values: { events: 736978 } })).toBe(`736${THIN}978`);
    expect(formatRealismValues({ id: 10, values: { ratio: 3.214 } })).toBe("3.21");
  });

  it("names each of several values, money in the data's currency", () => {
    expect(formatRealismValues({ id: 2, values: { products: 800, categories: 10 } })).toBe("800 products; 10 categories");
    expect(formatRealismValues({ id: 9, values: { m1: 0.395, m6: 0.1486 } })).toBe("M1 39.5%; M6 14.9%");
    expect(formatRealismValues({ id: 15, values: { events: 6, minutes: 7.25 } })).toBe("6 events; 7.3 minutes");
    expect(formatRealismValues({ id: 12, values: { min: 10.02, max: 499.5, median: 57.3, ln_sd: 0.951 } }, "£")).toBe(
      "min £10.02; max £499.50; median £57.30; sd of ln(price) 0.95",
    );
  });

  it("falls back to a plain number for an unknown name", () => {
    expect(formatRealismValue(99, "something", 0.12345)).toBe("0.123");
  });
});

describe("the validation part", () => {
  it("words read = loaded + set aside per table, and says when it does not add up", () => {
    expect(invariantText({ table: "events", file: "e.csv", read: 1, loaded: 1, set_aside: 0 })).toBe("events (e.csv): 1 row read = 1 loaded + 0 set aside.");
    expect(invariantText({ table: "events", file: "e.csv", read: 1234, loaded: 1200, set_aside: 30 })).toBe(
      `events (e.csv): 1${THIN}234 rows read = 1${THIN}200 loaded + 30 set aside (does NOT add up).`,
    );
  });
});

// ---- the page on tiny datasets ----

let db: Database | undefined;
afterEach(() => {
  db?.close();
  db = undefined;
});

function validationOf(data: TinyDataset, set_aside = 0): ValidationReport {
  const table = (name: "events" | "users", rows: number) => ({ table: name, file: `${name}.csv`, format: "csv" as const, read: rows + (name === "events" ? set_aside : 0), loaded: rows, set_aside: name === "events" ? set_aside : 0, reasons: [], ignored_columns: [] });
  const tables = [table("events", data.events.length), table("users", data.users.length)];
  return {
    input: { schema: "seed", preset: null, mapping_file: null },
    tables,
    derived: { tables: ["products"], users_added_from_events: 0, products_added_from_events: 2, event_ids: "source", sessions: "source", quantity: "source", personal_columns_dropped: [], float_ids_normalized: [], duplicate_rows: null, timestamps: "date_time", user_attributes_from_events: null },
    rules: {} as ValidationReport["rules"],
    pseudonymized: false,
    totals: { read: tables.reduce((s, t) => s + t.read, 0), loaded: tables.reduce((s, t) => s + t.loaded, 0), set_aside },
    warnings: [],
  };
}

async function brought(data: TinyDataset, timezone = "UTC", currency = { code: "USD", symbol: "$" }) {
  db = await openTinyDatabase(data);
  const window = windowOf(data);
  const coverage: CoverageData = { ...coverageOf(data, window), ...(await dataNotes(db.connection, { duplicate_rows: null, timestamps: "date_time" })), currency, timezone };
  const trace = traceConnection(db.connection);
  const profile = await measureDataProfile(db.connection, timezone);
  const headline = await computeHeadline(db.connection);
  stopTracing(db.connection);
  const validation = validationOf(data);
  return buildDataMethodsPage({ coverage, headline, source: { kind: "folder" }, validation, realism: null, profile, definitions: DEFINITIONS }, trace);
}

const ev = (user_id: string, session_id: string, event_type: string, timestamp: string, product_id: string | null = null, price: number | null = null): TinyEvent => ({
  user_id,
  session_id,
  event_type,
  timestamp,
  product_id,
  category: product_id === null ? null : "Books",
  price,
  quantity: event_type === "purchase" ? 1 : null,
});

/**
 * Two users, five events over three UTC days (none on 2 March), two products of one category, a custom type, an unpriced
 * purchase, no carts, no registrations, no user attributes.
 */
const BOOKS = [
  { product_id: "P1", category: "Books", price: null },
  { product_id: "P2", category: "Books", price: null },
];
const FIVE: TinyDataset = {
  users: [{ user_id: "U1" }, { user_id: "U2" }],
  products: BOOKS,
  events: [
    ev("U1", "S1", "session_start", "2025-03-01T10:00:00Z"),
    ev("U1", "S1", "product_view", "2025-03-01T10:01:00Z", "P1"),
    ev("U1", "S1", "purchase", "2025-03-01T10:05:00Z", "P1"),
    ev("U2", "S2", "product_view", "2025-03-03T23:30:00Z", "P2"),
    ev("U2", "S2", "favorite", "2025-03-03T23:40:00Z", "P2"),
  ],
};

describe("the profile of brought data", () => {
  it("replaces the realism table: what the data holds, its event mix with custom types, its days, what it lacks", async () => {
    const page = await brought(FIVE);
    expect(page.generated).toBe(false);
    expect(page.realism).toBeNull();
    const profile = page.profile!;
    // Products come from the events (no products table given): P1 and P2, both Books.
    expect(profile.holds).toBe("The data holds 5 events of 2 users over 2 products in 1 category, from 2025-03-01 to 2025-03-03 (UTC).");
    // Most frequent first, ties by name: 2 of 5 = 40%, 1 of 5 = 20%.
    expect(profile.mix.rows.map((r) => [r.event_type, r.events, r.label])).toEqual([
      ["product_view", 2, "2 (40.0%)"],
      ["favorite", 1, "1 (20.0%)"],
      ["purchase", 1, "1 (20.0%)"],
      ["session_start", 1, "1 (20.0%)"],
    ]);
    expect(profile.mix.sentence).toBe(
      "It records events of 4 types: product_view (2 events, 40.0%), favorite (1 event, 20.0%), purchase (1 event, 20.0%) and session_start (1 event, 20.0%).",
    );
    expect(profile.daily.rows).toEqual([
      { day: "2025-03-01", events: 3 },
      { day: "2025-03-02", events: 0 },
      { day: "2025-03-03", events: 2 },
    ]);
    expect(profile.daily.sentence).toBe("Over the 3 calendar days from 2025-03-01 to 2025-03-03 (UTC), a day holds from 0 to 3 events (median 2); 1 day has none.");
    expect(profile.lacking).toEqual(["no carts", "no prices", "no registrations (a user's first event stands in)", "no user attributes (age, gender, location)"]);
    expect(profile.lacks).toBe("It has no carts, no prices, no registrations (a user's first event stands in) and no user attributes (age, gender, location).");
    expect(profile.notes.join(" ")).toContain("No purchase in the data has a price");
    expect(profile.daily.sql).toContain("GROUP BY day");
    expect(profile.mix.sql).toContain("GROUP BY event_type");
  });

  it("counts days in the data's time zone: in Shanghai (UTC+8) 23:30 UTC on 3 March is 4 March", async () => {
    const page = await brought(FIVE, "Asia/Shanghai");
    expect(page.profile!.daily.rows).toEqual([
      { day: "2025-03-01", events: 3 },
      { day: "2025-03-02", events: 0 },
      { day: "2025-03-03", events: 0 },
      { day: "2025-03-04", events: 2 },
    ]);
    expect(page.profile!.daily.sentence).toBe(
      "Over the 4 calendar days from 2025-03-01 to 2025-03-04 (Asia/Shanghai), a day holds from 0 to 3 events (median 1); 2 days have none.",
    );
    expect(page.profile!.daily.caption).toContain("(Asia/Shanghai)");
  });

  it("words one event in the singular, and a slice of hours to the minute", async () => {
    const page = await brought({ users: [{ user_id: "U1", registration_date: "2025-03-01T00:00:00Z", age: 30 }], products: BOOKS.slice(0, 1), events: [ev("U1", "S1", "purchase", "2025-03-01T10:00:00Z", "P1", 12.5)] });
    const profile = page.profile!;
    expect(profile.holds).toBe("The data holds 1 event of 1 user over 1 product in 1 category, from 2025-03-01 10:00 to 10:00 UTC (0 minutes).");
    expect(profile.mix.sentence).toBe("It records events of 1 type: purchase (1 event, 100.0%).");
    expect(profile.daily.sentence).toBe("The data's one event falls on 2025-03-01 (UTC).");
    expect(profile.lacking).toEqual(["no session starts", "no product views", "no carts", "no gender or location of users"]);
  });

  it("says so when every day holds the same number of events, and when nothing is lacking", async () => {
    const users = [{ user_id: "U1", registration_date: "2025-03-01T00:00:00Z", age: 30, gender: "F", location: "Rome" }];
    const day = (d: string) => ["session_start", "product_view", "add_to_cart", "purchase"].map((t, i) => ev("U1", `S${d}`, t, `2025-03-${d}T10:0${i}:00Z`, t === "session_start" ? null : "P1", t === "session_start" ? null : 5));
    const page = await brought({ users, products: BOOKS.slice(0, 1), events: [...day("01"), ...day("02")] });
    expect(page.profile!.daily.sentence).toBe("Over the 2 calendar days from 2025-03-01 to 2025-03-02 (UTC), every day holds 4 events.");
    expect(page.profile!.lacking).toEqual([]);
    expect(page.profile!.lacks).toBe("It has every kind of event and column the report reads.");
  });
});

describe("the page on either data", () => {
  it("words the validation totals and the derived tables, singular and plural", async () => {
    const page = await brought(FIVE);
    expect(page.validation.summary).toBe("Here, 7 rows were read, 7 loaded and 0 set aside.");
    expect(page.validation.derived).toBe("The data had no products table; it was derived from the events.");
    expect(page.validation.none).toBe("No row was set aside: every row read was loaded.");
    expect(page.validation.tables.map((t) => t.invariant)).toEqual(["events (events.csv): 5 rows read = 5 loaded + 0 set aside.", "users (users.csv): 2 rows read = 2 loaded + 0 set aside."]);
    expect(page.validation.csv.rows.filter((r) => r.reason === "(read)").map((r) => r.count)).toEqual([5, 2]);
    expect(page.holds).toBe("It holds 5 events in 2 sessions of 2 active users (of 2), over 2 products, in the window 2025-03-01 to 2025-03-03 (UTC).");
    expect(page.origin).toBe("The report was built on data supplied at build time (EVENT_KIT_DATA).");
  });

  it("on generated data shows the realism table and no profile, with its failures named", () => {
    const check = (id: number, pass: boolean): RealismCheck => ({ id, statistic: `statistic ${id}`, values: { rate: 0.5 }, target: "t", benchmark: "b", pass });
    const coverage = { currency: { code: "GBP", symbol: "£" }, timezone: "UTC", window: { start: "2025-01-01T00:00:00.000Z", end: "2025-01-02T00:00:00.000Z" } } as CoverageData;
    const headline = { events: 1, sessions: 1, active_users: 1, users: 1, products: 1 } as Parameters<typeof buildDataMethodsPage>[0]["headline"];
    const facts = { coverage, headline, source: { kind: "generated" as const, users: 1, days: 1, seed: 7, start: "2025-01-01" }, validation: validationOf(FIVE), profile: null, definitions: DEFINITIONS };
    const page = buildDataMethodsPage({ ...facts, realism: [check(1, true), check(2, false), { ...check(12, true), values: { min: 1, max: 2 } }] }, new SqlTrace());
    expect(page.profile).toBeNull();
    expect(page.realism!.summary).toBe("2 of 3 are within target; outside: #2 statistic 2.");
    expect(page.realism!.rows[2]!.measured).toBe("min £1.00; max £2.00");
    expect(page.realism!.count).toBe("3 rows");
    expect(page.realism!.csv.columns).toEqual(["id", "statistic", "measured", "value_rate", "value_min", "value_max", "target", "benchmark", "pass"]);
    expect(page.origin).toBe(
      "The report was built on synthetic data: 1 user of an online shop over 1 day from 2025-01-01, drawn by the project's seeded generator (seed 7) at build time. Nobody in it is real, and the same seed always gives the same data, to the byte.",
    );
    expect(buildDataMethodsPage({ ...facts, realism: [check(1, true)] }, new SqlTrace()).realism!.summary).toBe("The one check is within target.");
  });
});

describe("fillDays(days)", () => {
  it("fills the days between with 0, across a month's end", () => {
    expect(fillDays([{ day: "2025-02-27", events: 1 }, { day: "2025-03-02", events: 4 }])).toEqual([
      { day: "2025-02-27", events: 1 },
      { day: "2025-02-28", events: 0 },
      { day: "2025-03-01", events: 0 },
      { day: "2025-03-02", events: 4 },
    ]);
    expect(fillDays([])).toEqual([]);
  });
});

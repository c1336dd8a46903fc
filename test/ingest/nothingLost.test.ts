// Nothing lost that is not wrong: purchases without a price or a product are loaded and revenue says what
// it covers; identical rows without event ids are set aside or kept by "dedupe" and counted either way;
// dates without a time are recognised. Fixtures are made here; counts were worked out from the rows written.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Database, openDatabase, queryRows } from "../../lib/db/duckdb";
import { readDataset } from "../../lib/ingest/readDataset";
import { computeHeadline } from "../../lib/analysis/headline";
import { dataNotes } from "../../lib/analysis/dataNotes";
import { parseAnalyzeArgs } from "../../lib/cli/analyze";
import type { MappingFile } from "../../lib/ingest/mapping";
import { tempDir } from "../helpers/tempDir";

const work = tempDir("event-kit-lost-");
afterAll(() => work.cleanup());
let db: Database;
beforeEach(async () => (db = await openDatabase()));
afterEach(() => db.close());

let n = 0;
function write(name: string, lines: string[]): string {
  const dir = join(work.path, `x${++n}`);
  mkdirSync(dir);
  writeFileSync(join(dir, name), lines.join("\n") + "\n");
  return join(dir, name);
}

const table = (s: Awaited<ReturnType<typeof readDataset>>) => {
  const t = s.validation.tables[0]!;
  expect(t.loaded + t.set_aside).toBe(t.read);
  return { read: t.read, loaded: t.loaded, set_aside: t.set_aside, reasons: Object.fromEntries(t.reasons.map((r) => [r.reason, r.count])) };
};

const CLICKS: MappingFile = {
  columns: { user_id: "user", timestamp: "time", event_type: "type", product_id: "item", price: "price" },
  event_types: { pv: "product_view", buy: "purchase" },
};

describe("purchases without a price or a product", () => {
  it("loads them; revenue covers the priced purchases and the note says how many are not", async () => {
    const file = write("clicks.csv", [
      "user,time,type,item,price",
      "a,2025-03-04 10:00:00,pv,i1,",
      "a,2025-03-04 10:01:00,buy,i1,20",
      "a,2025-03-04 10:02:00,buy,i2,", // no price: loaded
      "b,2025-03-04 11:00:00,buy,,", // no product, no price: loaded
      "b,2025-03-04 11:05:00,pv,,", // a view needs a product: set aside
    ]);
    const s = await readDataset(db.connection, file, { mapping: CLICKS });
    expect(table(s)).toEqual({ read: 5, loaded: 4, set_aside: 1, reasons: { missing_product_id: 1 } });
    const headline = await computeHeadline(db.connection);
    expect(headline).toMatchObject({ buyers: 2, purchases: 3, revenue: 20 });
    expect(headline.revenue_coverage).toEqual({ purchases: 3, priced_purchases: 1, unpriced_purchases: 2, measurable: true });
    const { notes } = await dataNotes(db.connection, s.validation.derived);
    expect(notes).toContain(
      "Revenue covers the 1 purchase with a price only: 2 purchases (66.7%) have none. Lifetime value and the spend-based segment features (revenue, average order value) use the priced purchases only; every purchase counts for buyers, conversion and the funnels.",
    );
  });

  it("with no price at all, revenue is not measurable (null), not 0", async () => {
    const file = write("clicks.csv", ["user,time,type,item", "a,2025-03-04 10:00:00,pv,i1", "a,2025-03-04 10:01:00,buy,i1", "b,2025-03-05 10:01:00,buy,i2"]);
    const s = await readDataset(db.connection, file, { mapping: { ...CLICKS, columns: { ...CLICKS.columns, price: undefined } } as MappingFile });
    expect(table(s)).toEqual({ read: 3, loaded: 3, set_aside: 0, reasons: {} });
    const headline = await computeHeadline(db.connection);
    expect(headline.revenue).toBeNull();
    expect(headline.revenue_coverage).toEqual({ purchases: 2, priced_purchases: 0, unpriced_purchases: 2, measurable: false });
    const { notes } = await dataNotes(db.connection, s.validation.derived);
    expect(notes.find((note) => note.startsWith("No purchase"))).toMatch(/^No purchase in the data has a price, so revenue, lifetime value and the spend-based segment features .* cannot be measured; they are left out rather than shown as 0\. The 2 purchases still count/);
  });

  it("data with every purchase priced has no note and the same revenue as before", async () => {
    const file = write("clicks.csv", ["user,time,type,item,price", "a,2025-03-04 10:01:00,buy,i1,2.5", "a,2025-03-04 10:01:30,buy,i1,2.5"]);
    const s = await readDataset(db.connection, file, { mapping: CLICKS });
    const headline = await computeHeadline(db.connection);
    expect(headline.revenue).toBe(5);
    expect((await dataNotes(db.connection, s.validation.derived)).notes).toEqual([]);
  });
});

describe('"dedupe"', () => {
  // Rows 2 and 3 repeat row 1 exactly; row 5 repeats row 4 but for its product, so it is not a duplicate.
  const lines = [
    "user,time,type,item,price",
    "a,2025-03-04 10:00:00,pv,i1,",
    "a,2025-03-04 10:00:00,pv,i1,",
    "a,2025-03-04 10:00:00,pv,i1,",
    "b,2025-03-04 10:00:00,buy,i1,5",
    "b,2025-03-04 10:00:00,buy,i2,5",
  ];

  it('"exact" (the default) sets all but the first aside and counts them', async () => {
    const s = await readDataset(db.connection, write("clicks.csv", lines), { mapping: CLICKS });
    expect(table(s)).toEqual({ read: 5, loaded: 3, set_aside: 2, reasons: { duplicate_row: 2 } });
    expect(s.validation.derived.duplicate_rows).toEqual({ policy: "exact", count: 2 });
    expect((await dataNotes(db.connection, s.validation.derived)).notes).toContain(
      '2 events repeated an earlier row in every column read (the data has no event ids) and were set aside as duplicates ("dedupe": "exact").',
    );
  });

  it('"none" keeps them and still counts them; the read option overrides the mapping', async () => {
    const s = await readDataset(db.connection, write("clicks.csv", lines), { mapping: { ...CLICKS, dedupe: "none" } });
    expect(table(s)).toEqual({ read: 5, loaded: 5, set_aside: 0, reasons: {} });
    expect(s.validation.derived.duplicate_rows).toEqual({ policy: "none", count: 2 });
    const other = await openDatabase();
    try {
      const exact = await readDataset(other.connection, write("clicks.csv", lines), { mapping: { ...CLICKS, dedupe: "none" }, dedupe: "exact" });
      expect(table(exact)).toMatchObject({ loaded: 3, set_aside: 2 });
    } finally {
      other.close();
    }
  });

  it("is not asked about with event ids (duplicates are by id), and refuses other policies", async () => {
    const s = await readDataset(db.connection, write("clicks.csv", ["id,user,time,type", "1,a,2025-03-04 10:00:00,pv", "2,a,2025-03-04 10:00:00,pv"]), {
      mapping: { columns: { event_id: "id", user_id: "user", timestamp: "time", event_type: "type", product_id: { value: "p" } }, event_types: { pv: "product_view" } },
    });
    expect(table(s)).toMatchObject({ loaded: 2, set_aside: 0 });
    expect(s.validation.derived.duplicate_rows).toBeNull();
    await expect(readDataset(db.connection, write("c.csv", lines), { mapping: { ...CLICKS, dedupe: "fuzzy" as "none" } })).rejects.toThrow(/"dedupe" must be "exact" or "none"/);
    expect(() => parseAnalyzeArgs(["--data", "x", "--out", "y", "--dedupe", "fuzzy"])).toThrow(/--dedupe must be exact or none/);
    expect(parseAnalyzeArgs(["--data", "x", "--out", "y", "--dedupe", "none"])!.read.dedupe).toBe("none");
  });
});

describe("dates without a time", () => {
  const invoices = ["customer,date,total", "c1,2010-12-01,10", "c1,2010-12-01,5", "c2,2010-12-01,7", "c1,2010-12-03,1"];
  const mapping: MappingFile = { columns: { user_id: "customer", timestamp: "date", price: "total", event_type: { value: "purchase" } }, dedupe: "none" };

  it("are recognised: one session per user and day, and the note says times cannot be finer than a day", async () => {
    const s = await readDataset(db.connection, write("invoices.csv", invoices), { mapping });
    expect(table(s)).toEqual({ read: 4, loaded: 4, set_aside: 0, reasons: {} });
    expect(s.validation.derived.timestamps).toBe("date_only");
    expect(await queryRows(db.connection, "SELECT count(DISTINCT (user_id, session_id))::INTEGER AS sessions FROM events")).toEqual([{ sessions: 3 }]);
    const { notes } = await dataNotes(db.connection, s.validation.derived);
    expect(notes).toContain(
      "The data's timestamps are dates without a time of day: each user's events of one day form one session, and times to convert cannot be finer than a day (0 means the same day).",
    );
  });

  it("a single timed value makes the data timed", async () => {
    const s = await readDataset(db.connection, write("invoices.csv", [...invoices, "c3,2010-12-04 09:30:00,2"]), { mapping });
    expect(s.validation.derived.timestamps).toBe("date_time");
  });
});

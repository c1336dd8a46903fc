// Event types beyond the five, refunds, and a configured funnel, on a click log made here. Step counts
// were worked out by hand from the rows: see the comment on each session.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Database, openDatabase, queryRows } from "../../lib/db/duckdb";
import { readDataset } from "../../lib/ingest/readDataset";
import { computeFunnels } from "../../lib/analysis/funnels";
import { computeHeadline } from "../../lib/analysis/headline";
import { parseMapping, type MappingFile } from "../../lib/ingest/mapping";
import { parseAnalyzeArgs } from "../../lib/cli/analyze";
import { tempDir } from "../helpers/tempDir";

const work = tempDir("event-kit-types-");
afterAll(() => work.cleanup());
let db: Database;
beforeEach(async () => (db = await openDatabase()));
afterEach(() => db.close());

// One session per user (minutes apart); prices on purchases and the refund.
const LOG = [
  "user,minute,type,item,cat,price",
  "u1,0,pv,i1,A,", //   u1: view → favourite → buy, no cart
  "u1,1,fav,i1,A,",
  "u1,2,buy,i1,A,10",
  "u2,0,pv,i2,B,", //   u2: view → cart → buy, then a refund of 5
  "u2,1,cart,i2,B,",
  "u2,2,buy,i2,B,20",
  "u2,3,return,i2,B,-5", // written negative: reduces revenue all the same
  "u3,0,fav,i3,A,", //  u3: favourite before the view: the favourite step is not reached after the view
  "u3,1,pv,i3,A,",
  "u4,0,buy,i4,B,7", // u4: a purchase with no view: does not enter a funnel starting at the view
  "u5,0,ignored,i5,B,", // left out by the mapping
].map((line, i) => (i === 0 ? line : line.replace(/^(u\d),(\d+)/, (_, u, m) => `${u},2025-03-04 10:0${m}:00`)));

const MAPPING: MappingFile = {
  columns: { user_id: "user", timestamp: "minute", event_type: "type", product_id: "item", category: "cat", price: "price" },
  event_types: { pv: "product_view", cart: "add_to_cart", buy: "purchase", fav: "favorite", return: "refund", ignored: null },
  funnel: ["product_view", "favorite", "purchase"],
};

function write(): string {
  const dir = join(work.path, `t${Date.now()}${Math.random()}`);
  mkdirSync(dir);
  writeFileSync(join(dir, "log.csv"), LOG.join("\n") + "\n");
  return join(dir, "log.csv");
}

describe("event types beyond the five", () => {
  it("keeps a renamed type, lets a refund reduce revenue, and leaves out null", async () => {
    const s = await readDataset(db.connection, write(), { mapping: MAPPING });
    const t = s.validation.tables[0]!;
    expect({ read: t.read, loaded: t.loaded, set_aside: t.set_aside }).toEqual({ read: 11, loaded: 10, set_aside: 1 });
    expect(t.reasons.map((r) => [r.reason, r.count])).toEqual([["excluded_event_type", 1]]);
    expect(await queryRows(db.connection, "SELECT event_type, count(*)::INTEGER AS n FROM events GROUP BY 1 ORDER BY 1")).toEqual([
      { event_type: "add_to_cart", n: 1 },
      { event_type: "favorite", n: 2 },
      { event_type: "product_view", n: 3 },
      { event_type: "purchase", n: 3 },
      { event_type: "refund", n: 1 },
    ]);
    const headline = await computeHeadline(db.connection);
    // 10 + 20 + 7 − 5.
    expect(headline).toMatchObject({ purchases: 3, buyers: 3, revenue: 32 });
  });

  it("refuses a type name that is not plain", () => {
    expect(() => parseMapping({ columns: { user_id: "u", timestamp: "t", event_type: "e" }, event_types: { fav: "Fav Item" } }, "m.json")).toThrow(
      /"event_types.fav" must be one of session_start, .*, another name \(lower-case letters/,
    );
  });
});

describe('"funnel"', () => {
  it("sets the session and user funnels: the first step is the first event of its type, each later step at or after the previous", async () => {
    const s = await readDataset(db.connection, write(), { mapping: MAPPING });
    expect(s.funnel).toEqual(["product_view", "favorite", "purchase"]);
    const funnels = await computeFunnels(db.connection, s.window, s.funnel);
    // Entrants: sessions with a view (u1, u2, u3). Favourite after the view: u1 only. Purchase after that: u1.
    expect(funnels.session_funnel.steps.map((x) => [x.step, x.count])).toEqual([
      ["product_view", 3],
      ["favorite", 1],
      ["purchase", 1],
    ]);
    // The category funnel keeps the steps whose events have a category: all three here. Category A: u1 and u3 viewed, u1 favourited and bought.
    const a = funnels.category_funnel.find((c) => c.category === "A")!;
    expect(a.steps.map((x) => x.count)).toEqual([2, 1, 1]);
  });

  it("view → purchase counts the purchases that had no cart", async () => {
    const s = await readDataset(db.connection, write(), { mapping: { ...MAPPING, funnel: undefined }, funnel: ["product_view", "purchase"] });
    const funnels = await computeFunnels(db.connection, s.window, s.funnel);
    expect(funnels.session_funnel.steps.map((x) => x.count)).toEqual([3, 2]);
  });

  it("refuses steps that are not event types of the data, too few, too many or repeated", async () => {
    const base = { columns: { user_id: "u", timestamp: "t", event_type: "e" } };
    expect(() => parseMapping({ ...base, funnel: ["product_view", "wishlist"] }, "m.json")).toThrow(/"funnel" names "wishlist", which is not an event type of the data/);
    expect(() => parseMapping({ ...base, funnel: ["purchase"] }, "m.json")).toThrow(/"funnel" must be a list of 2 to 8 event types/);
    expect(() => parseMapping({ ...base, funnel: ["purchase", "purchase"] }, "m.json")).toThrow(/"funnel" names a step twice/);
    await expect(readDataset(db.connection, write(), { mapping: { ...MAPPING, funnel: undefined }, funnel: ["product_view", "wishlist"] })).rejects.toThrow(/the funnel names "wishlist"/);
    expect(parseAnalyzeArgs(["--data", "x", "--out", "y", "--funnel", "product_view, purchase"])!.read.funnel).toEqual(["product_view", "purchase"]);
    expect(() => parseAnalyzeArgs(["--data", "x", "--out", "y", "--funnel", "purchase"])).toThrow(/--funnel must be a list of 2 to 8/);
  });
});

// The cookbook of docs/bring-your-own-data.md, end to end: for each of the three shapes real exports come
// in, a file made here in that shape goes through `npm run analyze` (a real process) with the documented
// mapping (docs/cookbook/*.json) and nothing else. Every number checked is counted independently while
// the file is written, never read back from the code under test; loaded + set aside = read for each.
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../lib/warehouse/projectRoot";
import { tempDir } from "../helpers/tempDir";

const work = tempDir("event-kit-cookbook-");
afterAll(() => work.cleanup());

function analyze(data: string, mapping: string, out: string, ...extra: string[]) {
  const result = spawnSync(
    process.execPath,
    ["--import", "tsx", join(PROJECT_ROOT, "lib/cli/analyze.ts"), "--data", data, "--mapping", join(PROJECT_ROOT, "docs/cookbook", mapping), "--out", out, ...extra],
    { cwd: PROJECT_ROOT, encoding: "utf8" },
  );
  if (result.status !== 0) throw new Error(`analyze failed (${result.status}): ${result.stderr}`);
  const json = (name: string) => JSON.parse(readFileSync(join(out, name), "utf8"));
  return { summary: json("summary.json"), validation: json("validation.json"), funnel: json("funnel.json") };
}

/** A small deterministic generator (a linear congruential one): the same file on every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => ((state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

function accounting(validation: { tables: { read: number; loaded: number; set_aside: number }[] }) {
  const [events] = validation.tables;
  expect(events!.loaded + events!.set_aside).toBe(events!.read);
  return { read: events!.read, loaded: events!.loaded, set_aside: events!.set_aside };
}

describe("cookbook: a headerless Taobao click log (pv/cart/fav/buy, epoch seconds, no price), gzip-compressed", () => {
  it("loads every purchase; revenue is not measurable; the configured view → purchase funnel counts buyers without carts", () => {
    const next = random(11);
    const lines: string[] = [];
    const T0 = 1511539200; // 2017-11-25 00:00:00 UTC
    let purchases = 0;
    let implausible = 0;
    let favorites = 0;
    const buyers = new Set<string>();
    const viewThenBuySessions = new Set<string>();
    for (let u = 1; u <= 60; u++) {
      // Each user: one visit a day on 1–3 days, each a few views, sometimes a favourite, sometimes a buy without a cart.
      const days = 1 + Math.floor(next() * 3);
      for (let d = 0; d < days; d++) {
        let t = T0 + d * 86_400 + Math.floor(next() * 36_000);
        const item = 1000 + Math.floor(next() * 50);
        const category = 10 + (item % 7);
        const views = 1 + Math.floor(next() * 4);
        for (let v = 0; v < views; v++) lines.push(`${u},${item},${category},pv,${(t += 30)}`);
        if (next() < 0.3) {
          lines.push(`${u},${item},${category},fav,${(t += 30)}`);
          favorites++;
        }
        const r = next();
        if (r < 0.15) lines.push(`${u},${item},${category},cart,${(t += 30)}`);
        if (r < 0.4) {
          lines.push(`${u},${item},${category},buy,${(t += 30)}`);
          purchases++;
          buyers.add(String(u));
          viewThenBuySessions.add(`${u}/${d}`);
        }
      }
    }
    // The real log has a few times far outside its days: set aside as implausible.
    lines.push(`61,1,1,pv,0`, `61,1,1,pv,-5`);
    implausible = 2;
    const file = join(work.path, "UserBehavior.csv.gz");
    writeFileSync(file, gzipSync(lines.join("\n") + "\n"));
    const { summary, validation, funnel } = analyze(file, "taobao-clicks.json", join(work.path, "taobao"));

    expect(accounting(validation)).toEqual({ read: lines.length, loaded: lines.length - implausible, set_aside: implausible });
    expect(validation.tables[0].reasons.map((r: { reason: string; count: number }) => [r.reason, r.count])).toEqual([["implausible_timestamp", 2]]);
    expect(summary.headline).toMatchObject({ purchases, buyers: buyers.size, revenue: null });
    expect(summary.headline.revenue_coverage).toEqual({ purchases, priced_purchases: 0, unpriced_purchases: purchases, measurable: false });
    expect(summary.funnel_steps).toEqual(["product_view", "purchase"]);
    // Sessions are a user's day here (visits hours apart); every buying session viewed first.
    expect(funnel.session_funnel.steps.map((s: { step: string; count: number }) => [s.step, s.count]).at(-1)).toEqual(["purchase", viewThenBuySessions.size]);
    expect(summary.funnel_fit.misfit).toBe(false);
    expect(summary.notes[0]).toMatch(/^No purchase in the data has a price/);
    expect(favorites).toBeGreaterThan(0);
    expect(summary.currency).toBe("USD");
  });
});

describe("cookbook: UCI Online Retail aggregated to invoices (order-level, date-only, GBP, a country column)", () => {
  it("loads every invoice as a purchase with its total in GBP; dates are recognised as date-only", () => {
    const next = random(7);
    const countries = ["United Kingdom", "France", "Germany", "EIRE"];
    const lines = ["InvoiceNo,CustomerID,InvoiceDate,Total,Country"];
    let invoice = 536365;
    let loaded = 0;
    let revenuePence = 0;
    let noCustomer = 0;
    let cancelled = 0;
    const buyers = new Set<string>();
    for (let c = 0; c < 40; c++) {
      const customer = String(12346 + c);
      const orders = 1 + Math.floor(next() * 4);
      for (let o = 0; o < orders; o++) {
        const day = 1 + Math.floor(next() * 28);
        const pence = 500 + Math.floor(next() * 50_000);
        lines.push(`${invoice++},${customer},2010-12-${String(day).padStart(2, "0")},${(pence / 100).toFixed(2)},${countries[c % countries.length]}`);
        loaded++;
        revenuePence += pence;
        buyers.add(customer);
      }
    }
    // Invoices without a customer (a quarter of the real file) cannot be attributed: set aside.
    for (let i = 0; i < 5; i++) lines.push(`${invoice++},,2010-12-05,12.50,United Kingdom`);
    noCustomer = 5;
    // A cancellation ("C" invoice) has a negative total; as a purchase it is a negative price: set aside.
    lines.push(`C${invoice++},12346,2010-12-06,-19.90,United Kingdom`);
    cancelled = 1;
    const file = join(work.path, "online-retail-invoices.csv");
    writeFileSync(file, lines.join("\n") + "\n");
    const { summary, validation } = analyze(file, "online-retail-invoices.json", join(work.path, "retail"));

    const read = lines.length - 1;
    expect(accounting(validation)).toEqual({ read, loaded, set_aside: noCustomer + cancelled });
    expect(Object.fromEntries(validation.tables[0].reasons.map((r: { reason: string; count: number }) => [r.reason, r.count]))).toEqual({
      missing_user_id: noCustomer,
      negative_price: cancelled,
    });
    expect(summary.headline).toMatchObject({ purchases: loaded, buyers: buyers.size, revenue: revenuePence / 100 });
    expect(summary.currency).toBe("GBP");
    expect(validation.derived.timestamps).toBe("date_only");
    expect(summary.notes).toContain(
      "The data's timestamps are dates without a time of day: each user's events of one day form one session, and times to convert cannot be finer than a day (0 means the same day).",
    );
    expect(validation.tables[0].ignored_columns).toEqual(["Country"]);
    expect(summary.funnel_fit.misfit).toBe(false); // purchases only: no funnel to fit
  });
});

describe("cookbook: a Taobao-derived log with prices in yuan", () => {
  it("loads every purchase with its price; revenue in CNY equals the file's sum; the funnel fits", () => {
    const next = random(3);
    const lines = ["user_id,item_id,category_id,behavior_type,time,price"];
    let purchases = 0;
    let revenueFen = 0;
    let carted = 0;
    const buyers = new Set<number>();
    for (let u = 1; u <= 50; u++) {
      const minute = Math.floor(next() * 600);
      const hh = String(8 + Math.floor(minute / 60)).padStart(2, "0");
      const at = (m: number) => `2017-11-26 ${hh}:${String((minute + m) % 60).padStart(2, "0")}:00`;
      const item = 200 + Math.floor(next() * 30);
      const fen = 990 + Math.floor(next() * 200_000);
      const price = (fen / 100).toFixed(2);
      lines.push(`${u},${item},${item % 5},pv,${at(0)},${price}`);
      if (next() < 0.6) {
        lines.push(`${u},${item},${item % 5},cart,${at(0)},${price}`);
        carted++;
        if (next() < 0.7) {
          lines.push(`${u},${item},${item % 5},buy,${at(0)},${price}`);
          purchases++;
          revenueFen += fen;
          buyers.add(u);
        }
      } else if (next() < 0.3) lines.push(`${u},${item},${item % 5},fav,${at(0)},${price}`);
    }
    const file = join(work.path, "taobao-priced.csv");
    writeFileSync(file, lines.join("\n") + "\n");
    const { summary, validation, funnel } = analyze(file, "taobao-priced.json", join(work.path, "priced"));

    expect(accounting(validation)).toEqual({ read: lines.length - 1, loaded: lines.length - 1, set_aside: 0 });
    expect(summary.headline).toMatchObject({ purchases, buyers: buyers.size, revenue: revenueFen / 100 });
    expect(summary.headline.revenue_coverage.unpriced_purchases).toBe(0);
    expect(summary.currency).toBe("CNY");
    expect(funnel.session_funnel.steps.map((s: { count: number }) => s.count)).toEqual([50, carted, purchases]);
    expect(summary.funnel_fit.misfit).toBe(false);
    expect(summary.notes).toEqual([]);
  });
});

// Every rule of metrics.md §1, checked in SQL on a generated dataset read back from its Parquet files.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, openDatabase, queryRows } from "../../lib/db/duckdb";
import { readDataset } from "../../lib/ingest/readDataset";
import { writeGeneratedDataset } from "../../lib/generator/writeDataset";
import { tempDir } from "../helpers/tempDir";

const params = { users: 600, days: 120, seed: 7, start: new Date("2024-11-01T00:00:00Z"), products: 200 };
let db: Database;
const dir = tempDir();

/** Number of rows the query returns: each query below lists violations, so the answer must be 0. */
async function violations(sql: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(db.connection, `SELECT count(*)::INTEGER AS n FROM (${sql})`);
  return row!.n;
}

beforeAll(async () => {
  await writeGeneratedDataset(params, dir.path, { format: "parquet" });
  db = await openDatabase();
  await readDataset(db.connection, dir.path);
});
afterAll(() => {
  db?.close();
  dir.cleanup();
});

describe("generated data keeps the rules of metrics.md §1", () => {
  it("has users, products and a realistic number of events", async () => {
    const [row] = await queryRows<{ users: number; products: number; events: number }>(
      db.connection,
      "SELECT (SELECT count(*) FROM users)::INTEGER AS users, (SELECT count(*) FROM products)::INTEGER AS products, (SELECT count(*) FROM events)::INTEGER AS events",
    );
    expect(row).toMatchObject({ users: 600, products: 200 });
    expect(row!.events).toBeGreaterThan(10_000);
  });

  it("formats ids and keeps event ids unique", async () => {
    expect(await violations("SELECT * FROM users WHERE NOT regexp_full_match(user_id, 'U[0-9]{6}')")).toBe(0);
    expect(await violations("SELECT * FROM products WHERE NOT regexp_full_match(product_id, 'P[0-9]{4}')")).toBe(0);
    expect(await violations("SELECT event_id FROM events GROUP BY event_id HAVING count(*) > 1")).toBe(0);
    expect(await violations("SELECT * FROM events WHERE user_id NOT IN (SELECT user_id FROM users)")).toBe(0);
    expect(await violations("SELECT * FROM events WHERE product_id IS NOT NULL AND product_id NOT IN (SELECT product_id FROM products)")).toBe(0);
  });

  it("keeps user and product columns in their domains", async () => {
    expect(await violations("SELECT * FROM users WHERE age NOT BETWEEN 18 AND 65 OR gender NOT IN ('M', 'F') OR location IS NULL")).toBe(0);
    // The reader never loads emails (they must not reach any output), so check them in the written file.
    const usersFile = `'${dir.path}/users.parquet'`;
    expect(await violations(`SELECT * FROM read_parquet(${usersFile}) WHERE NOT regexp_full_match(email, '[a-z0-9._-]+@[a-z0-9.-]+\\.[a-z]+')`)).toBe(0);
    expect(await violations(`SELECT email FROM read_parquet(${usersFile}) GROUP BY email HAVING count(*) > 1`)).toBe(0);
    expect(await violations("SELECT * FROM users WHERE segment NOT IN ('High Value', 'Regular', 'Occasional', 'New')")).toBe(0);
    expect(await violations("SELECT * FROM products WHERE price NOT BETWEEN 10 AND 500 OR product_name IS NULL OR category IS NULL")).toBe(0);
  });

  it("gives each session one session_start first and one session_end last", async () => {
    expect(
      await violations(`SELECT session_id FROM events GROUP BY session_id HAVING
        count(*) FILTER (WHERE event_type = 'session_start') <> 1 OR count(*) FILTER (WHERE event_type = 'session_end') <> 1
        OR count(DISTINCT user_id) <> 1`),
    ).toBe(0);
    expect(
      await violations(`SELECT e.* FROM events e JOIN (
          SELECT session_id, min(event_id) FILTER (WHERE event_type = 'session_start') AS start_id,
                 max(event_id) FILTER (WHERE event_type = 'session_end') AS end_id,
                 min("timestamp") FILTER (WHERE event_type = 'session_start') AS start_ts,
                 max("timestamp") FILTER (WHERE event_type = 'session_end') AS end_ts
          FROM events GROUP BY session_id) s USING (session_id)
        WHERE e."timestamp" < s.start_ts OR e."timestamp" > s.end_ts
           OR (e.event_type <> 'session_start' AND e.event_id::BIGINT < s.start_id::BIGINT)
           OR (e.event_type <> 'session_end' AND e.event_id::BIGINT > s.end_id::BIGINT)`),
    ).toBe(0);
  });

  it("dates no event before its user's registration and every timestamp inside the window", async () => {
    expect(await violations(`SELECT * FROM events e JOIN users u USING (user_id) WHERE e."timestamp" < u.registration_date`)).toBe(0);
    expect(await violations(`SELECT * FROM events WHERE "timestamp" < TIMESTAMP '2024-11-01' OR "timestamp" >= TIMESTAMP '2025-03-01'`)).toBe(0);
    expect(await violations(`SELECT * FROM users WHERE registration_date < TIMESTAMP '2024-11-01' OR registration_date >= TIMESTAMP '2025-03-01'`)).toBe(0);
  });

  it("carts only products viewed earlier in the same session", async () => {
    expect(
      await violations(`SELECT c.* FROM events c WHERE c.event_type = 'add_to_cart' AND NOT EXISTS (
        SELECT 1 FROM events v WHERE v.session_id = c.session_id AND v.event_type = 'product_view'
          AND v.product_id = c.product_id AND v."timestamp" <= c."timestamp" AND v.event_id::BIGINT < c.event_id::BIGINT)`),
    ).toBe(0);
  });

  it("buys only products carted earlier in the same session, with the carted quantity", async () => {
    expect(
      await violations(`SELECT p.* FROM events p WHERE p.event_type = 'purchase' AND NOT EXISTS (
        SELECT 1 FROM events c WHERE c.session_id = p.session_id AND c.event_type = 'add_to_cart'
          AND c.product_id = p.product_id AND c.quantity = p.quantity
          AND c."timestamp" <= p."timestamp" AND c.event_id::BIGINT < p.event_id::BIGINT)`),
    ).toBe(0);
  });

  it("copies price and category from the product, and sets quantity exactly on carts and purchases", async () => {
    expect(
      await violations(`SELECT * FROM events e JOIN products p USING (product_id)
        WHERE e.price IS DISTINCT FROM p.price OR e.category IS DISTINCT FROM p.category`),
    ).toBe(0);
    expect(
      await violations(`SELECT * FROM events WHERE
        (event_type IN ('add_to_cart', 'purchase') AND (quantity IS NULL OR quantity < 1 OR product_id IS NULL))
        OR (event_type NOT IN ('add_to_cart', 'purchase') AND quantity IS NOT NULL)
        OR (event_type IN ('session_start', 'session_end') AND product_id IS NOT NULL)
        OR (event_type = 'product_view' AND product_id IS NULL)`),
    ).toBe(0);
  });

  it("plants the four segments in roughly 10/50/30/10 shares", async () => {
    const rows = await queryRows<{ segment: string; share: number }>(
      db.connection,
      "SELECT segment, (count(*) / (SELECT count(*) FROM users))::DOUBLE AS share FROM users GROUP BY segment",
    );
    const share = Object.fromEntries(rows.map((r) => [r.segment, r.share]));
    // 600 users: a binomial share's standard error is at most 2 points; allow about 2.5 of them.
    expect(share["High Value"]).toBeCloseTo(0.1, 1);
    expect(Math.abs(share["Regular"]! - 0.5)).toBeLessThan(0.06);
    expect(Math.abs(share["Occasional"]! - 0.3)).toBeLessThan(0.06);
    expect(share["New"]).toBeCloseTo(0.1, 1);
  });
});

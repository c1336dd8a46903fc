// The events are simulated while they are written (lib/generator/eventStream.ts): each scan of the
// stream simulates again, so two scans, here the Parquet and the CSV of one run, must give the same rows.
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, openDatabase, queryRows } from "../../lib/db/duckdb";
import { sqlString } from "../../lib/db/duckdb";
import { writeGeneratedDataset } from "../../lib/generator/writeDataset";
import { tempDir } from "../helpers/tempDir";

// Enough events for several of the stream's 65,536-event batches.
const params = { users: 1000, days: 150, seed: 5, start: new Date("2025-02-01T00:00:00Z"), products: 100 };
const dir = tempDir();
let db: Database;
let summary: Awaited<ReturnType<typeof writeGeneratedDataset>>;

beforeAll(async () => {
  summary = await writeGeneratedDataset(params, dir.path, { format: "both" });
  db = await openDatabase();
  const file = (name: string) => sqlString(join(dir.path, name));
  await db.connection.run(`CREATE VIEW p AS SELECT * FROM read_parquet(${file("events.parquet")})`);
  await db.connection.run(`CREATE VIEW c AS SELECT * FROM read_csv(${file("events.csv")})`);
});
afterAll(() => {
  db?.close();
  dir.cleanup();
});

describe("the simulated event stream", () => {
  it("spans several batches", () => {
    expect(summary.events).toBeGreaterThan(3 * 65_536);
  });

  it("numbers events 1, 2, 3, … in the order written, with no gap or repeat", async () => {
    const [row] = await queryRows<{ n: number; first: number; last: number; out_of_order: number }>(
      db.connection,
      `SELECT count(*)::INTEGER AS n, min(event_id)::INTEGER AS first, max(event_id)::INTEGER AS last,
              count(*) FILTER (WHERE event_id <> row_number)::INTEGER AS out_of_order
       FROM (SELECT event_id, row_number() OVER () AS row_number FROM p)`,
    );
    expect(row).toEqual({ n: summary.events, first: 1, last: summary.events, out_of_order: 0 });
  });

  it("gives the same rows on every scan (the Parquet and the CSV of one run)", async () => {
    const [row] = await queryRows<{ only_parquet: number; only_csv: number }>(
      db.connection,
      `SELECT (SELECT count(*) FROM (SELECT event_id, user_id, session_id, event_type, "timestamp", product_id, category, price, quantity FROM p
                                     EXCEPT ALL SELECT event_id, user_id, session_id, event_type, "timestamp", product_id, category, price, quantity FROM c))::INTEGER AS only_parquet,
              (SELECT count(*) FROM (SELECT event_id, user_id, session_id, event_type, "timestamp", product_id, category, price, quantity FROM c
                                     EXCEPT ALL SELECT event_id, user_id, session_id, event_type, "timestamp", product_id, category, price, quantity FROM p))::INTEGER AS only_csv`,
    );
    expect(row).toEqual({ only_parquet: 0, only_csv: 0 });
  });

  it("counts as many sessions as distinct session ids, numbered from S00000001", async () => {
    const [row] = await queryRows<{ sessions: number; first: string; last: string }>(
      db.connection,
      `SELECT count(DISTINCT session_id)::INTEGER AS sessions, min(session_id) AS first, max(session_id) AS last FROM p`,
    );
    expect(row).toEqual({ sessions: summary.sessions, first: "S00000001", last: `S${String(summary.sessions).padStart(8, "0")}` });
  });
});

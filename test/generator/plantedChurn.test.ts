import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, queryRows, sqlString } from "../../lib/db/duckdb";
import { readDataset } from "../../lib/ingest/readDataset";
import { writeGeneratedDataset } from "../../lib/generator/writeDataset";
import { tempDir } from "../helpers/tempDir";

const dir = tempDir();
const params = { users: 400, days: 150, seed: 5, products: 50, start: new Date("2024-01-01T00:00:00Z") };
beforeAll(async () => {
  await writeGeneratedDataset(params, dir.path, { format: "parquet" });
});
afterAll(() => dir.cleanup());

describe("the planted churn truth file", () => {
  it("has one row per user, and no user visits after their churn time", async () => {
    const db = await openDatabase();
    try {
      const truth = sqlString(join(dir.path, "truth", "planted_churn.parquet"));
      const events = sqlString(join(dir.path, "events.parquet"));
      const [row] = await queryRows<{ users: number; distinct_users: number; late: number; alive: number }>(
        db.connection,
        `SELECT CAST(count(*) AS INTEGER) AS users, CAST(count(DISTINCT user_id) AS INTEGER) AS distinct_users,
                CAST((SELECT count(*) FROM read_parquet(${events}) e JOIN read_parquet(${truth}) t USING (user_id)
                      WHERE e.event_type = 'session_start' AND e."timestamp" > t.churn_at) AS INTEGER) AS late,
                CAST(count(*) FILTER (WHERE churn_at >= TIMESTAMP '2024-05-30') AS INTEGER) AS alive
         FROM read_parquet(${truth})`,
      );
      expect(row).toEqual({ users: 400, distinct_users: 400, late: 0, alive: row!.alive });
      // Both kinds exist: some users still alive when the 150 days end, most churned before.
      expect(row!.alive).toBeGreaterThan(0);
      expect(row!.alive).toBeLessThan(400);
    } finally {
      db.close();
    }
  });

  it("is never read as a table of the dataset", async () => {
    const db = await openDatabase();
    try {
      await readDataset(db.connection, dir.path);
      const tables = await queryRows<{ name: string }>(db.connection, "SELECT table_name AS name FROM information_schema.tables ORDER BY name");
      expect(tables.map((t) => t.name).filter((name) => /churn|truth/i.test(name))).toEqual([]);
    } finally {
      db.close();
    }
  });
});

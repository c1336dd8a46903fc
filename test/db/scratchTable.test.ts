import { describe, expect, it } from "vitest";
import { computeCohorts } from "../../lib/analysis/cohorts.js";
import { computeFunnels } from "../../lib/analysis/funnels.js";
import { queryRows } from "../../lib/db/duckdb.js";
import { openTinyDatabase, randomTinyDataset } from "../helpers/tinyDataset.js";

describe("scratch tables", () => {
  it("analyses started together on one connection agree with sequential runs and leave nothing behind", async () => {
    const db = await openTinyDatabase(randomTinyDataset(11, { users: 20 }));
    try {
      const window = { start: "2025-01-01T00:00:00.000Z", end: "2025-05-01T00:00:00.000Z" };
      const sequential = [await computeCohorts(db.connection, window), await computeFunnels(db.connection, window)];
      const together = await Promise.all([computeCohorts(db.connection, window), computeFunnels(db.connection, window)]);
      expect(together).toEqual(sequential);
      const [temp] = await queryRows<{ n: number }>(db.connection, "SELECT CAST(count(*) AS INTEGER) AS n FROM duckdb_tables() WHERE temporary");
      expect(temp!.n).toBe(0);
      const [order] = await queryRows<{ v: boolean }>(db.connection, "SELECT current_setting('preserve_insertion_order') AS v");
      expect(order!.v).toBe(true);
    } finally {
      db.close();
    }
  });
});

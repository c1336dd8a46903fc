/**
 * An analysis is computed once per build and shared: concurrent and later callers get the first result
 * and the SQL its engine ran, without computing again.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryTraced } from "../../lib/db/sqlTrace.js";
import { DEFAULT_PARAMS } from "../../lib/generator/params.js";
import { writeGeneratedDataset } from "../../lib/generator/writeDataset.js";
import { sharedAnalysis } from "../../lib/warehouse/sharedAnalysis.js";
import type { DataSource } from "../../lib/warehouse/warehouse.js";
import { tempDir } from "../helpers/tempDir.js";

const folder = tempDir("shared-analysis-");
let source: DataSource;

beforeAll(async () => {
  await writeGeneratedDataset({ ...DEFAULT_PARAMS, users: 30, days: 30 }, folder.path, { format: "parquet" });
  source = { kind: "folder", path: folder.path };
}, 120_000);
afterAll(() => folder.cleanup());

describe("sharedAnalysis", () => {
  it("computes once for concurrent and later callers, and hands each the statements that ran", async () => {
    let computed = 0;
    const count = () =>
      sharedAnalysis(
        `events-${process.pid}`,
        async ({ db }) => {
          computed += 1;
          const [row] = await queryTraced<{ n: number }>(db.connection, "events.count", "SELECT count(*)::INTEGER AS n FROM events");
          return row!.n;
        },
        source,
      );
    const [a, b] = await Promise.all([count(), count()]);
    const c = await count();
    expect(computed).toBe(1);
    expect(a.result).toBeGreaterThan(0);
    expect([b.result, c.result]).toEqual([a.result, a.result]);
    expect(c.trace.sql("events.count")).toBe("SELECT count(*)::INTEGER AS n FROM events;");
  }, 120_000);

  it("refuses a name that is not a plain folder name", async () => {
    await expect(sharedAnalysis("../x", async () => 1, source)).rejects.toThrow(/analysis name/);
  });
});

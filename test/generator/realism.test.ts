// Every row of realism.md must hold on the default dataset (5,000 users, 365 days from 2025-01-01, seed 42).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, openDatabase } from "../../lib/db/duckdb";
import { readDataset } from "../../lib/ingest/readDataset";
import { DEFAULT_PARAMS } from "../../lib/generator/params";
import { writeGeneratedDataset } from "../../lib/generator/writeDataset";
import { type RealismCheck, measureRealism } from "../../lib/realism/realismChecks";
import { tempDir } from "../helpers/tempDir";

let db: Database;
let checks: RealismCheck[];
const dir = tempDir();

beforeAll(async () => {
  await writeGeneratedDataset(DEFAULT_PARAMS, dir.path, { format: "parquet" });
  db = await openDatabase();
  const { window } = await readDataset(db.connection, dir.path);
  checks = await measureRealism(db.connection, window);
});
afterAll(() => {
  db?.close();
  dir.cleanup();
});

describe("the default dataset is realistic (realism.md)", () => {
  it("measures all 17 rows", () => {
    expect(checks.map((c) => c.id)).toEqual(Array.from({ length: 17 }, (_, i) => i + 1));
  });
  for (let id = 1; id <= 17; id++) {
    it(`row ${id} holds`, () => {
      const check = checks.find((c) => c.id === id)!;
      expect(check.pass, `${check.statistic}: ${JSON.stringify(check.values)} vs target ${check.target}`).toBe(true);
    });
  }
});

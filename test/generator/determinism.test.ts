// Same seed and parameters → byte-identical files; another seed → different data.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { writeGeneratedDataset } from "../../lib/generator/writeDataset";
import { tempDir } from "../helpers/tempDir";

const params = { users: 300, days: 60, seed: 11, start: new Date("2025-03-01T00:00:00Z"), products: 150 };
const dirs = [tempDir(), tempDir(), tempDir()];
afterAll(() => dirs.forEach((d) => d.cleanup()));

const read = (dir: string, file: string) => readFileSync(join(dir, file));

describe("generator determinism", () => {
  it("writes byte-identical Parquet and CSV files for the same seed", async () => {
    await writeGeneratedDataset(params, dirs[0]!.path, { format: "both" });
    await writeGeneratedDataset(params, dirs[1]!.path, { format: "both" });
    const files = readdirSync(dirs[0]!.path).sort();
    expect(files).toEqual(["dataset.json", "events.csv", "events.parquet", "products.csv", "products.parquet", "truth", "users.csv", "users.parquet"]);
    expect(readdirSync(dirs[1]!.path).sort()).toEqual(files);
    for (const file of [...files.filter((f) => f !== "truth"), "truth/planted_churn.parquet"]) {
      expect(read(dirs[1]!.path, file).equals(read(dirs[0]!.path, file)), file).toBe(true);
    }
  });

  it("writes different data for another seed", async () => {
    await writeGeneratedDataset({ ...params, seed: 12 }, dirs[2]!.path, { format: "csv" });
    for (const file of ["users.csv", "products.csv", "events.csv"]) {
      expect(read(dirs[2]!.path, file).equals(read(dirs[0]!.path, file)), file).toBe(false);
    }
  });

  it("records the window and parameters beside the data", () => {
    const manifest = JSON.parse(read(dirs[0]!.path, "dataset.json").toString());
    expect(manifest.window).toEqual({ start: "2025-03-01T00:00:00.000Z", end: "2025-04-30T00:00:00.000Z" });
    expect(manifest.generator).toMatchObject({ users: 300, days: 60, seed: 11, start: "2025-03-01" });
  });
});

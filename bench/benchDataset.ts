/** Generated datasets the benchmarks read, built once per size and cached under .cache/bench. */
import { join } from "node:path";
import { buildOnce } from "../data-loaders/buildOnce";
import { PROJECT_ROOT } from "../data-loaders/projectRoot";
import { MANIFEST_FILE } from "../lib/dataset/readDataset";
import { DEFAULT_PARAMS } from "../lib/generator/params";
import { writeGeneratedDataset } from "../lib/generator/writeDataset";
import { generatedDatasetKey } from "../data-loaders/cacheKey";

export async function benchDataset(users: number): Promise<string> {
  const params = { ...DEFAULT_PARAMS, users };
  const target = join(PROJECT_ROOT, ".cache", "bench", `users-${users}-${generatedDatasetKey(params)}`);
  return buildOnce(target, async (dir) => {
    process.stderr.write(`bench: generating ${users} users into ${target}…\n`);
    await writeGeneratedDataset(params, dir, { format: "parquet" });
  }, { completeMarker: MANIFEST_FILE });
}

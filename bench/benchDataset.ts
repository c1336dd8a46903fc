/** Generated datasets the benchmarks read, built once per size and cached under .cache/bench. */
import { join } from "node:path";
import { buildOnce } from "../lib/warehouse/buildOnce";
import { PROJECT_ROOT } from "../lib/warehouse/projectRoot";
import { MANIFEST_FILE } from "../lib/dataset/manifest";
import { DEFAULT_PARAMS } from "../lib/generator/params";
import { writeGeneratedDataset } from "../lib/generator/writeDataset";
import { generatedDatasetKey } from "../lib/warehouse/cacheKey";

export async function benchDataset(users: number): Promise<string> {
  const params = { ...DEFAULT_PARAMS, users };
  const target = join(PROJECT_ROOT, ".cache", "bench", `users-${users}-${generatedDatasetKey(params)}`);
  return buildOnce(target, async (dir) => {
    process.stderr.write(`bench: generating ${users} users into ${target}…\n`);
    await writeGeneratedDataset(params, dir, { format: "parquet" });
  }, { completeMarker: MANIFEST_FILE });
}

/**
 * `npm run build`'s first step, before Framework starts: reads and validates the build's input
 * (EVENT_KIT_DATA and the other variables, lib/warehouse/warehouse.ts) exactly as every loader will, and
 * leaves the validated warehouse in the cache so the loaders reuse it instead of validating again.
 * A user's mistake (an events.csv with a header and no rows, a mapping that names a missing column…)
 * stops the build here with the one line `analyze` prints for the same input and a non-zero exit,
 * instead of a stack trace per loader followed by Framework's own lines.
 */
import { oneLineError } from "./oneLineError";
import { dataSourceFromEnv, datasetFolder } from "../lib/warehouse/warehouse";
import { validatedWarehouse } from "../lib/warehouse/validatedWarehouse";

try {
  const source = dataSourceFromEnv();
  const folder = await datasetFolder(source);
  process.stderr.write(`build: checking the input${source.kind === "folder" ? ` ${source.path}` : " (generated dataset)"}…\n`);
  await validatedWarehouse(folder, source.read);
} catch (error) {
  process.stderr.write(`build: ${oneLineError(error)}\n`);
  process.exit(1);
}

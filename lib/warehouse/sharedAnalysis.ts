/**
 * Each analysis is computed once per build and shared by the loaders that need it: the Funnel page and
 * the Overview read the same funnel results, the Cohorts page and the Overview the same retention.
 *
 * A result is kept as JSON beside the validated warehouse, keyed by it (the input and the reader's code)
 * and by the code of lib/ (which decides the result), together with the SQL the engines ran (their
 * trace). Framework runs loaders concurrently: buildOnce makes one process compute while the others
 * wait, and writes under a temporary name renamed into place, so nobody reads a half-written result.
 */
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { SqlTrace, type TracedStatement, stopTracing, traceConnection } from "../db/sqlTrace";
import { buildOnce } from "./buildOnce";
import { hashCode } from "./cacheKey";
import { PROJECT_ROOT } from "./projectRoot";
import { type DataSource, type Warehouse, dataSourceFromEnv, validatedFolder, withWarehouse } from "./warehouse";

export const ANALYSIS_DIR = join(PROJECT_ROOT, ".cache", "analyses");
const RESULT_FILE = "result.json";

/** An analysis' result and the statements its engines ran to compute it. */
export interface SharedResult<T> {
  result: T;
  trace: SqlTrace;
}

let codeKey: string | undefined;
/** A digest of lib/'s source: a change to any engine computes every analysis again. */
function libraryCodeKey(): string {
  if (codeKey === undefined) {
    const hash = createHash("sha256");
    hashCode(hash, ["lib"]);
    codeKey = hash.digest("hex").slice(0, 16);
  }
  return codeKey;
}

/**
 * The result of analysis `name` on the build's data, computed by `compute` at most once per build (its
 * result must be plain JSON). `name` must identify what `compute` does: two callers with the same name
 * share one result.
 */
export async function sharedAnalysis<T>(
  name: string,
  compute: (warehouse: Warehouse) => Promise<T>,
  source: DataSource = dataSourceFromEnv(),
): Promise<SharedResult<T>> {
  if (!/^[a-z][a-z0-9_-]*$/.test(name)) throw new RangeError(`analysis name must be lower-case letters, digits, - or _, got "${name}"`);
  const { validated } = await validatedFolder(source);
  const target = join(ANALYSIS_DIR, `${basename(validated)}-${libraryCodeKey()}`, name);
  await buildOnce(
    target,
    (dir) =>
      withWarehouse(async (warehouse) => {
        const trace = traceConnection(warehouse.db.connection);
        try {
          const result = await compute(warehouse);
          writeFileSync(join(dir, RESULT_FILE), JSON.stringify({ result, statements: trace.statements }));
        } finally {
          stopTracing(warehouse.db.connection);
        }
      }, source),
    { completeMarker: RESULT_FILE, onWait: () => process.stderr.write(`analysis: waiting for another process to compute ${name}\n`) },
  );
  const stored = JSON.parse(readFileSync(join(target, RESULT_FILE), "utf8")) as { result: T; statements: TracedStatement[] };
  return { result: stored.result, trace: new SqlTrace(stored.statements) };
}

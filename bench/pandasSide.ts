/**
 * The pandas + scikit-learn side of `npm run bench -- scale`: Debian's packages only (python3-pandas,
 * python3-sklearn), installed with apt-get when the bench runs as root, otherwise used if present and
 * skipped with a note if not. Debian packages no Parquet reader for pandas (no pyarrow, no fastparquet),
 * so the same events are handed over as CSV, written by DuckDB from the Parquet before the timed run;
 * the script reports its reading time apart, so it can be compared with or without it.
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { PROJECT_ROOT } from "../lib/warehouse/projectRoot";

/** Debian's interpreter, not whatever a version manager put first on PATH. */
const PYTHON = "/usr/bin/python3";
const VERSIONS = "import sys, pandas, sklearn; print(sys.version.split()[0], pandas.__version__, sklearn.__version__)";

export type PandasStatus = { versions: { python: string; pandas: string; sklearn: string } } | { skipped: string };

function versions(): PandasStatus | undefined {
  const probe = spawnSync(PYTHON, ["-c", VERSIONS], { encoding: "utf8" });
  if (probe.status !== 0) return undefined;
  const [python, pandas, sklearn] = probe.stdout.trim().split(" ");
  return { versions: { python: python!, pandas: pandas!, sklearn: sklearn! } };
}

export async function pandasAvailable(): Promise<PandasStatus> {
  const found = versions();
  if (found) return found;
  if (process.getuid?.() !== 0) return { skipped: "python3-pandas and python3-sklearn are not installed and the bench is not root to apt-get them" };
  process.stderr.write("bench: installing python3-pandas python3-sklearn from Debian…\n");
  const install = spawnSync("apt-get", ["install", "-y", "--no-install-recommends", "python3-pandas", "python3-sklearn"], {
    encoding: "utf8",
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  });
  return versions() ?? { skipped: `apt-get install python3-pandas python3-sklearn failed: ${(install.stderr ?? "").trim().split("\n").pop()}` };
}

/** The command that runs the Python analysis on `data` (a dataset folder), after writing its CSV copy. */
export function runPandas(data: string): readonly [string, readonly string[]] {
  const script = `COPY (SELECT * FROM read_parquet('${join(data, "events.parquet")}')) TO '${join(data, "events.csv")}' (HEADER);
COPY (SELECT * FROM read_parquet('${join(data, "users.parquet")}')) TO '${join(data, "users.csv")}' (HEADER);`;
  const copy = spawnSync(process.execPath, ["--import", "tsx", join(PROJECT_ROOT, "bench", "pandas", "toCsv.ts"), script], { cwd: PROJECT_ROOT, encoding: "utf8" });
  if (copy.status !== 0) throw new Error(`writing the CSV copy for pandas failed:\n${copy.stderr}`);
  return [PYTHON, [join(PROJECT_ROOT, "bench", "pandas", "analyze.py"), data]];
}

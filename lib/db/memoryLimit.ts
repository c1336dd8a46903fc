/**
 * How much memory DuckDB may use before it spills to disk: `--memory` for analyze, EVENT_KIT_MEMORY for
 * the build and the generator. DuckDB's own unit names are accepted (KB, MB, GB, TB, and KiB, MiB, GiB,
 * TiB); the limit bounds DuckDB's buffer pool, so a process's whole resident set sits a few hundred MiB
 * above it (Node itself, the per-user arrays of the segmentation).
 */
export const DEFAULT_MEMORY_LIMIT = "2GiB";
/** Below this DuckDB cannot hold even one hash table partition of the analysis' groupings. */
const MIN_BYTES = 128 * 2 ** 20;

const UNITS: Record<string, number> = {
  b: 1,
  kb: 1e3,
  mb: 1e6,
  gb: 1e9,
  tb: 1e12,
  kib: 2 ** 10,
  mib: 2 ** 20,
  gib: 2 ** 30,
  tib: 2 ** 40,
};

export interface MemoryLimit {
  /** As DuckDB's memory_limit setting takes it, e.g. "2GiB". */
  setting: string;
  bytes: number;
}

/** Parses "4GiB", "512MB", "1.5GB"; throws one line naming `name` otherwise. */
export function parseMemoryLimit(text: string, name = "--memory"): MemoryLimit {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([a-z]+)\s*$/i.exec(text);
  const unit = match?.[2]!.toLowerCase();
  if (!match || unit === undefined || !(unit in UNITS)) {
    throw new RangeError(`${name} must be a size such as 2GiB, 1500MB or 4GB, got "${text}"`);
  }
  const bytes = Math.round(Number(match[1]) * UNITS[unit]!);
  if (bytes < MIN_BYTES) throw new RangeError(`${name} must be at least 128MiB, got "${text}"`);
  // DuckDB takes whole numbers only: a fractional size is passed on in bytes' nearest KiB.
  const setting = Number.isInteger(Number(match[1])) ? `${match[1]}${canonicalUnit(unit)}` : `${Math.round(bytes / 1024)}KiB`;
  return { setting, bytes };
}

function canonicalUnit(unit: string): string {
  if (unit === "b") return "B";
  return unit.length === 3 ? unit[0]!.toUpperCase() + "iB" : unit.toUpperCase();
}

/** The limit EVENT_KIT_MEMORY asks for, else `fallback`. */
export function memoryLimitFromEnv(env: NodeJS.ProcessEnv = process.env, fallback = DEFAULT_MEMORY_LIMIT): MemoryLimit {
  const text = env.EVENT_KIT_MEMORY;
  return parseMemoryLimit(text === undefined || text.trim() === "" ? fallback : text, "EVENT_KIT_MEMORY");
}

/**
 * A DuckDB for one run's heavy work, in bounded memory: its memory_limit comes from the caller (or
 * EVENT_KIT_MEMORY), and what does not fit spills to a scratch folder of its own, which also holds the
 * database file when the tables themselves should live on disk. The folder is under EVENT_KIT_TEMP (or
 * the system's temporary folder) and removed on close, so no copy of the input outlives the run.
 */
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Database, openDatabase } from "./duckdb";
import { type MemoryLimit, memoryLimitFromEnv } from "./memoryLimit";

export interface WorkDatabaseOptions {
  memory?: MemoryLimit;
  /** Tables in a database file in the scratch folder rather than in memory (spilled only under pressure). */
  onDisk?: boolean;
}

/** Where scratch folders go: EVENT_KIT_TEMP, else the system's temporary folder. */
export function scratchRoot(env: NodeJS.ProcessEnv = process.env): string {
  return env.EVENT_KIT_TEMP && env.EVENT_KIT_TEMP.trim() !== "" ? env.EVENT_KIT_TEMP : tmpdir();
}

export async function openWorkDatabase(options: WorkDatabaseOptions = {}): Promise<Database & { scratch: string }> {
  const root = scratchRoot();
  mkdirSync(root, { recursive: true });
  const scratch = mkdtempSync(join(root, "event-kit-"));
  const memory = options.memory ?? memoryLimitFromEnv();
  let db: Database;
  try {
    db = await openDatabase(options.onDisk ? join(scratch, "work.duckdb") : ":memory:", {
      memoryLimit: memory.setting,
      tempDirectory: join(scratch, "spill"),
    });
  } catch (error) {
    rmSync(scratch, { recursive: true, force: true });
    throw error;
  }
  return {
    ...db,
    scratch,
    close() {
      try {
        db.close();
      } finally {
        rmSync(scratch, { recursive: true, force: true });
      }
    },
  };
}

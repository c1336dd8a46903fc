/**
 * One DuckDB at work per build. Framework runs data loaders as concurrent processes, and each opens its
 * own DuckDB with the whole memory limit (EVENT_KIT_MEMORY): five loaders at once would use five times
 * the limit. Loaders take this lock around their warehouse work, so the build's peak memory is one
 * engine's limit plus the Node processes waiting their turn (issue 14: the build in bounded memory).
 * On two cores the cost in time is small: each engine already uses every core.
 *
 * Re-entrant within a process (a loader's work may open the warehouse again); a lock whose process died
 * is taken over (lib/process/folderLock.ts). Code holding it must never wait for another process's
 * shared analysis: that process may be waiting for this lock.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { acquireFolderLock } from "../process/folderLock";
import { PROJECT_ROOT } from "./projectRoot";

const LOCK = join(PROJECT_ROOT, ".cache", "engine.lock");

let depth = 0;
let release: (() => void) | undefined;

export async function withEngineLock<T>(work: () => Promise<T>, lock = LOCK): Promise<T> {
  if (depth === 0) {
    mkdirSync(join(lock, ".."), { recursive: true });
    release = await acquireFolderLock(lock, { pollMs: 100, onWait: () => process.stderr.write("build: waiting for another loader's DuckDB to finish\n") });
  }
  depth += 1;
  try {
    return await work();
  } finally {
    depth -= 1;
    if (depth === 0) {
      release?.();
      release = undefined;
    }
  }
}

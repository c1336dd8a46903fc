/**
 * A lock shared by processes: an exclusively created folder holding the holder's pid. Waiters poll; a
 * lock whose process is gone is taken over, and so is one older than `staleAfterMs` when given (a lock
 * without its pid file is being created right now, or was abandoned at that moment).
 *
 * Why a folder: mkdir is atomic on every file system Node runs on, needs no native module, and leaves a
 * visible, removable trace if a process dies holding it.
 */
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { processIsAlive } from "./processIsAlive";

export interface FolderLockOptions {
  /** Take the lock over when it is older than this, even if its process lives (default: never). */
  staleAfterMs?: number;
  pollMs?: number;
  /** Called once, when the lock is first found taken. */
  onWait?: () => void;
}

function lockIsStale(lock: string, staleAfterMs: number | undefined): boolean {
  try {
    const pid = Number(readFileSync(join(lock, "pid"), "utf8"));
    if (Number.isInteger(pid) && pid > 0 && !processIsAlive(pid)) return true;
    return staleAfterMs !== undefined && Date.now() - statSync(lock).mtimeMs > staleAfterMs;
  } catch {
    try {
      return Date.now() - statSync(lock).mtimeMs > 5_000;
    } catch {
      return false;
    }
  }
}

/** Waits until `lock` is this process's; returns the function that releases it. */
export async function acquireFolderLock(lock: string, options: FolderLockOptions = {}): Promise<() => void> {
  let waited = false;
  for (;;) {
    try {
      mkdirSync(lock);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      if (lockIsStale(lock, options.staleAfterMs)) {
        rmSync(lock, { recursive: true, force: true });
        continue;
      }
      if (!waited) options.onWait?.();
      waited = true;
      await sleep(options.pollMs ?? 200);
      continue;
    }
    writeFileSync(join(lock, "pid"), String(process.pid));
    return () => rmSync(lock, { recursive: true, force: true });
  }
}

// The folder lock: one holder at a time, across processes, and a dead holder's lock is taken over.
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, describe, expect, it } from "vitest";
import { acquireFolderLock } from "../../lib/process/folderLock";
import { PROJECT_ROOT } from "../../lib/warehouse/projectRoot";
import { tempDir } from "../helpers/tempDir";

const work = tempDir();
afterAll(() => work.cleanup());

describe("acquireFolderLock", () => {
  it("makes a second taker wait until the first releases", async () => {
    const lock = join(work.path, "one-at-a-time.lock");
    const releaseFirst = await acquireFolderLock(lock, { pollMs: 10 });
    let waited = false;
    let secondHas = false;
    const second = acquireFolderLock(lock, { pollMs: 10, onWait: () => (waited = true) }).then((release) => {
      secondHas = true;
      return release;
    });
    await sleep(100);
    expect(waited).toBe(true);
    expect(secondHas).toBe(false);
    releaseFirst();
    (await second)();
    expect(secondHas).toBe(true);
  });

  it("takes over the lock of a process that is gone", async () => {
    const lock = join(work.path, "dead-holder.lock");
    const gone = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" });
    mkdirSync(lock);
    writeFileSync(join(lock, "pid"), gone.stdout);
    const release = await acquireFolderLock(lock, { pollMs: 10 });
    expect(readFileSync(join(lock, "pid"), "utf8")).toBe(String(process.pid));
    release();
  });
});

describe("withEngineLock", () => {
  it("lets one process at a time do engine work, and nests within a process", async () => {
    const lock = join(work.path, "engine.lock");
    const log = join(work.path, "engine-log");
    // Three real processes each hold the lock for 300 ms (nested once) and log when they start and end.
    const script = (name: string) => `
      import { withEngineLock } from ${JSON.stringify(join(PROJECT_ROOT, "lib/warehouse/engineLock.ts"))};
      import { appendFileSync } from "node:fs";
      await withEngineLock(async () => {
        appendFileSync(${JSON.stringify(log)}, "start ${name} " + Date.now() + "\\n");
        await withEngineLock(() => new Promise((r) => setTimeout(r, 300)), ${JSON.stringify(lock)});
        appendFileSync(${JSON.stringify(log)}, "end ${name} " + Date.now() + "\\n");
      }, ${JSON.stringify(lock)});`;
    await Promise.all(
      ["a", "b", "c"].map(
        (name) =>
          new Promise<void>((resolve, reject) => {
            const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script(name)], { cwd: PROJECT_ROOT, stdio: "ignore" });
            child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`child ${name} exited with ${code}`))));
          }),
      ),
    );
    const events = readFileSync(log, "utf8").trim().split("\n").map((line) => line.split(" "));
    expect(events).toHaveLength(6);
    // Serial: every start is followed by the same process's end before any other start.
    for (let i = 0; i < 6; i += 2) {
      expect(events[i]![0]).toBe("start");
      expect(events[i + 1]![0]).toBe("end");
      expect(events[i + 1]![1]).toBe(events[i]![1]);
    }
  }, 60_000);
});

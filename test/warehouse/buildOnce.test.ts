// The cache folder is built once under concurrency, and a build killed with SIGKILL is never reused.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, describe, expect, it } from "vitest";
import { buildOnce } from "../../lib/warehouse/buildOnce";
import { PROJECT_ROOT } from "../../lib/warehouse/projectRoot";
import { tempDir } from "../helpers/tempDir";

const work = tempDir();
afterAll(() => work.cleanup());

async function slowBuild(dir: string, label: string): Promise<void> {
  writeFileSync(join(dir, "part-1"), label);
  await sleep(150);
  writeFileSync(join(dir, "done"), label);
}

describe("buildOnce", () => {
  it("builds once when many callers ask at the same time", async () => {
    const target = join(work.path, "concurrent");
    let builds = 0;
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        buildOnce(target, async (dir) => {
          builds++;
          await slowBuild(dir, `builder ${i}`);
        }, { completeMarker: "done", pollMs: 20 }),
      ),
    );
    expect(builds).toBe(1);
    expect(new Set(results)).toEqual(new Set([target]));
    expect(readdirSync(work.path).filter((f) => f.startsWith("concurrent"))).toEqual(["concurrent"]);
  });

  it("recovers from a builder killed with SIGKILL midway", async () => {
    const target = join(work.path, "killed");
    // A real second process takes the lock, writes half its folder, and hangs until killed.
    const script = `
      import { buildOnce } from ${JSON.stringify(join(PROJECT_ROOT, "lib/warehouse/buildOnce.ts"))};
      import { writeFileSync } from "node:fs";
      await buildOnce(${JSON.stringify(target)}, async (dir) => {
        writeFileSync(dir + "/part-1", "half");
        process.stdout.write("building\\n");
        await new Promise(() => {});
      }, { completeMarker: "done" });`;
    const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { cwd: PROJECT_ROOT });
    await new Promise<void>((resolve, reject) => {
      child.stdout.on("data", (chunk) => String(chunk).includes("building") && resolve());
      child.on("exit", (code) => reject(new Error(`child exited early with ${code}`)));
    });
    expect(existsSync(`${target}.lock`)).toBe(true);
    child.kill("SIGKILL");
    await new Promise((resolve) => child.on("exit", resolve));

    let builds = 0;
    await buildOnce(target, async (dir) => {
      builds++;
      await slowBuild(dir, "recovered");
    }, { completeMarker: "done", pollMs: 20 });
    expect(builds).toBe(1);
    expect(readFileSync(join(target, "done"), "utf8")).toBe("recovered");
    expect(readFileSync(join(target, "part-1"), "utf8")).toBe("recovered");
    // Neither the dead builder's lock nor its half-written folder is left behind.
    expect(readdirSync(work.path).filter((f) => f.startsWith("killed"))).toEqual(["killed"]);
  });

  it("never reuses a folder that lacks its completion marker", async () => {
    const target = join(work.path, "leftover");
    mkdirSync(target);
    writeFileSync(join(target, "part-1"), "stale");
    await buildOnce(target, (dir) => slowBuild(dir, "fresh"), { completeMarker: "done" });
    expect(readFileSync(join(target, "part-1"), "utf8")).toBe("fresh");
  });
});

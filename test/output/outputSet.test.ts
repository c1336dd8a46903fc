// The output set on real folders: replaced whole or not at all, and nothing but its own files touched.
import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { recoverAbandonedStaging, stagingFolder, writeOutputSet } from "../../lib/output/outputSet";
import { tempDir } from "../helpers/tempDir";

const NAMES = ["a.json", "b.json"];
let work: ReturnType<typeof tempDir>;
let out: string;
beforeEach(() => {
  work = tempDir();
  out = join(work.path, "out");
  mkdirSync(out);
  writeFileSync(join(out, "a.json"), "old a");
  writeFileSync(join(out, "b.json"), "old b");
  writeFileSync(join(out, "notes.txt"), "the user's own file");
});
afterEach(() => work.cleanup());

const contents = (folder: string) => Object.fromEntries(readdirSync(folder).sort().map((f) => [f, readFileSync(join(folder, f), "utf8")]));
const OLD = { "a.json": "old a", "b.json": "old b", "notes.txt": "the user's own file" };
/** The pid of a process that has exited (so no live run owns a folder named after it). */
const deadPid = () => spawnSync(process.execPath, ["-e", ""]).pid!;

describe("writeOutputSet", () => {
  it("replaces the set's files, keeps every other file, and leaves no staging folder", async () => {
    await writeOutputSet(out, NAMES, async (staging) => {
      writeFileSync(join(staging, "a.json"), "new a");
      writeFileSync(join(staging, "b.json"), "new b");
    });
    expect(contents(out)).toEqual({ "a.json": "new a", "b.json": "new b", "notes.txt": "the user's own file" });
    expect(readdirSync(work.path)).toEqual(["out"]);
  });

  it("leaves OUT untouched when the run fails after writing part of the set", async () => {
    const failing = writeOutputSet(out, NAMES, async (staging) => {
      writeFileSync(join(staging, "a.json"), "new a");
      throw new Error("segments failed");
    });
    await expect(failing).rejects.toThrow("segments failed");
    expect(contents(out)).toEqual(OLD);
    expect(readdirSync(work.path)).toEqual(["out"]);
  });

  it("refuses a run that did not write every file of the set", async () => {
    await expect(writeOutputSet(out, NAMES, async (staging) => writeFileSync(join(staging, "a.json"), "new a"))).rejects.toThrow(/did not write b\.json/);
    expect(contents(out)).toEqual(OLD);
  });

  it("refuses before moving anything when one of the set's names in OUT is a folder", async () => {
    const other = join(work.path, "other");
    mkdirSync(join(other, "b.json"), { recursive: true });
    writeFileSync(join(other, "a.json"), "old a");
    const run = writeOutputSet(other, NAMES, async (staging) => {
      writeFileSync(join(staging, "a.json"), "new a");
      writeFileSync(join(staging, "b.json"), "new b");
    });
    await expect(run).rejects.toThrow(/b\.json exists and is not a file/);
    expect(readFileSync(join(other, "a.json"), "utf8")).toBe("old a");
    expect(readdirSync(work.path).sort()).toEqual(["other", "out"]);
  });

  it("creates OUT when it does not exist", async () => {
    const fresh = join(work.path, "new", "out");
    await writeOutputSet(fresh, NAMES, async (staging) => {
      writeFileSync(join(staging, "a.json"), "1");
      writeFileSync(join(staging, "b.json"), "2");
    });
    expect(contents(fresh)).toEqual({ "a.json": "1", "b.json": "2" });
  });
});

describe("recoverAbandonedStaging", () => {
  it("removes an incomplete staging folder of a dead run, keeps a live run's and any look-alike", () => {
    const dead = stagingFolder(out, deadPid());
    mkdirSync(dead);
    writeFileSync(join(dead, "a.json"), "half-written a");
    const live = stagingFolder(out, process.ppid);
    mkdirSync(live);
    const lookAlike = join(work.path, ".out.event-kit-staging-notes");
    mkdirSync(lookAlike);
    expect(recoverAbandonedStaging(out, NAMES)).toEqual([dead]);
    expect(readdirSync(work.path).sort()).toEqual([".out.event-kit-staging-notes", `.out.event-kit-staging-${process.ppid}`, "out"].sort());
    expect(contents(out)).toEqual(OLD);
  });

  it("finishes the moves of a complete staging folder whose run died between two renames", () => {
    const dead = stagingFolder(out, deadPid());
    mkdirSync(dead);
    writeFileSync(join(dead, ".complete"), "");
    writeFileSync(join(dead, "b.json"), "new b");
    writeFileSync(join(out, "a.json"), "new a"); // moved before the kill
    recoverAbandonedStaging(out, NAMES);
    expect(contents(out)).toEqual({ "a.json": "new a", "b.json": "new b", "notes.txt": "the user's own file" });
    expect(readdirSync(work.path)).toEqual(["out"]);
  });
});

// `npm run analyze` (a real process) on a CSV made here whose events sit near midnight, read through a
// mapping with "timezone": "Asia/Shanghai": the window, cohorts, trends and prediction periods are
// Shanghai's calendar (the days worked out by hand in test/helpers/timeZoneDatasets.ts), every output says
// the zone, and unknown zones are refused naming the key, flag or variable.
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../lib/warehouse/projectRoot";
import { readOptionsFromEnv } from "../../lib/warehouse/warehouse";
import { validatedKey } from "../../lib/warehouse/validatedWarehouse";
import { SHANGHAI_EVENTS } from "../helpers/timeZoneDatasets";
import { tempDir } from "../helpers/tempDir";

const work = tempDir("event-kit-timezone-");
afterAll(() => work.cleanup());

function analyze(...args: string[]) {
  const result = spawnSync(process.execPath, ["--import", "tsx", join(PROJECT_ROOT, "lib/cli/analyze.ts"), ...args], { cwd: PROJECT_ROOT, encoding: "utf8" });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const events = join(work.path, "events.csv");
const mapping = join(work.path, "mapping.json");
const out = join(work.path, "out");
const json = (file: string) => JSON.parse(readFileSync(join(out, file), "utf8"));

let run: ReturnType<typeof analyze>;
beforeAll(() => {
  // The five events of SHANGHAI_EVENTS, plus one row whose time cannot be read (set aside).
  const rows = SHANGHAI_EVENTS.events.map((e) => `${e.user_id},${e.event_type},${e.timestamp},p1,${e.price ?? ""}`);
  writeFileSync(events, ["who,what,when,item,amount", ...rows, "u9,product_view,not a time,p1,"].join("\n") + "\n");
  writeFileSync(mapping, JSON.stringify({ columns: { user_id: "who", event_type: "what", timestamp: "when", product_id: "item", price: "amount" }, timezone: "Asia/Shanghai" }));
  run = analyze("--data", events, "--mapping", mapping, "--out", out);
});

describe("analyze with a mapping's time zone", () => {
  it("reads every row: 5 loaded + 1 set aside = 6 read", () => {
    expect(run.code, run.stderr).toBe(0);
    const [table] = json("validation.json").tables;
    expect([table.read, table.loaded, table.set_aside]).toEqual([6, 5, 1]);
  });

  it("cuts the window at Shanghai's midnights and says the zone in every output", () => {
    const window = { start: "2025-01-30T16:00:00.000Z", end: "2025-03-01T16:00:00.000Z", timezone: "Asia/Shanghai" };
    const summary = json("summary.json");
    expect(summary.window).toEqual(window);
    expect(summary.timezone).toBe("Asia/Shanghai");
    expect(json("cohorts.json").window).toEqual(window);
    expect(json("funnel.json").window).toEqual(window);
    expect(json("segments.json").window).toEqual(window);
    const predictions = json("predictions.json");
    expect(predictions.timezone).toBe("Asia/Shanghai");
    // Days 0 … 19 of the 30 (Jan 31 … Mar 1) calibrate; the holdout runs Feb 20 … Mar 1.
    expect([predictions.calibration, predictions.holdout]).toEqual([
      { start: "2025-01-31", end: "2025-02-19" },
      { start: "2025-02-20", end: "2025-03-01" },
    ]);
  });

  it("puts the 23:30Z purchase in Shanghai's February: monthly cohorts {u2} and {u1, u3}", () => {
    const variant = json("cohorts.json").retention.find(
      (v: Record<string, string>) => v.cohort_by === "registration" && v.activity === "any_event" && v.granularity === "month" && v.mode === "on",
    );
    expect(variant.cells.map((c: Record<string, unknown>) => [c.cohort, c.period, c.cohort_size, c.active])).toEqual([
      ["2025-01", 0, 1, 1],
      ["2025-01", 1, 1, 0],
      ["2025-01", 2, 1, 1],
      ["2025-02", 0, 2, 2],
      ["2025-02", 1, 2, 1],
    ]);
    const buyers = json("cohorts.json").retention.find(
      (v: Record<string, string>) => v.cohort_by === "first_purchase" && v.activity === "purchase" && v.granularity === "month" && v.mode === "on",
    );
    // u1's only purchase is Feb 1, 07:30 in Shanghai: a February buyer cohort of one, no purchase in March.
    expect(buyers.cells.map((c: Record<string, unknown>) => [c.cohort, c.period, c.cohort_size, c.active])).toEqual([
      ["2025-02", 0, 1, 1],
      ["2025-02", 1, 1, 0],
    ]);
  });

  it("--timezone overrides the mapping's: by UTC the same purchase is January's", () => {
    const utcOut = join(work.path, "utc");
    const utc = analyze("--data", events, "--mapping", mapping, "--timezone", "UTC", "--out", utcOut);
    expect(utc.code, utc.stderr).toBe(0);
    const cohorts = JSON.parse(readFileSync(join(utcOut, "cohorts.json"), "utf8"));
    expect(cohorts.window).toEqual({ start: "2025-01-31T00:00:00.000Z", end: "2025-03-02T00:00:00.000Z", timezone: "UTC" });
    const buyers = cohorts.retention.find((v: Record<string, string>) => v.cohort_by === "first_purchase" && v.activity === "purchase" && v.granularity === "month" && v.mode === "on");
    // Jan 31, 23:30 UTC: a January buyer cohort, with February and March after it.
    expect(buyers.cells.map((c: Record<string, unknown>) => [c.cohort, c.period, c.cohort_size, c.active])).toEqual([
      ["2025-01", 0, 1, 1],
      ["2025-01", 1, 1, 0],
      ["2025-01", 2, 1, 0],
    ]);
  });
});

describe("unknown time zones are refused, naming where they came from", () => {
  it("a mapping's \"timezone\"", () => {
    const bad = join(work.path, "bad-mapping.json");
    writeFileSync(bad, JSON.stringify({ columns: { user_id: "who", event_type: "what", timestamp: "when" }, timezone: "Mars/Olympus_Mons" }));
    const result = analyze("--data", events, "--mapping", bad, "--out", join(work.path, "bad"));
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain(`"timezone" must be an IANA time zone name`);
    expect(result.stderr).toContain("Mars/Olympus_Mons");
  });

  it("--timezone, with a usage error; a fixed offset is not a zone", () => {
    for (const zone of ["Nowhere/Town", "+08:00"]) {
      const result = analyze("--data", events, "--timezone", zone, "--out", join(work.path, "bad"));
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`--timezone must be an IANA time zone name`);
    }
  });

  it("EVENT_KIT_TIMEZONE, for the build; a known one is spelled as IANA spells it", () => {
    expect(() => readOptionsFromEnv({ EVENT_KIT_TIMEZONE: "Nowhere/Town" })).toThrow(/EVENT_KIT_TIMEZONE must be an IANA time zone name/);
    expect(readOptionsFromEnv({ EVENT_KIT_TIMEZONE: "asia/shanghai" }).timezone).toBe("Asia/Shanghai");
  });

  it("--help names the flag", () => {
    expect(analyze("--help").stdout).toMatch(/--timezone ZONE\s+IANA time zone/);
  });
});

describe("the build's cache", () => {
  it("keys the validated warehouse by the zone", () => {
    const utc = validatedKey(events, {});
    expect(validatedKey(events, { timezone: "Asia/Shanghai" })).not.toBe(utc);
    expect(validatedKey(events, { timezone: "America/New_York" })).not.toBe(validatedKey(events, { timezone: "Asia/Shanghai" }));
  });
});

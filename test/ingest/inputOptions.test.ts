// How the reading options reach readDataset: analyze's flags, the build's environment variables, and the
// validation loader.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseAnalyzeArgs } from "../../lib/cli/analyze";
import { PROJECT_ROOT } from "../../lib/warehouse/projectRoot";
import { readOptionsFromEnv } from "../../lib/warehouse/warehouse";
import { validationData } from "../../data-loaders/validation";

const FIXTURE = join(PROJECT_ROOT, "..", "shared", "fixtures", "rees46-2019-10-head.csv");

describe("analyze's reading flags", () => {
  const base = ["--data", "d", "--out", "o"];
  it("pass a mapping file (as an absolute path) or a preset through", () => {
    expect(parseAnalyzeArgs([...base, "--mapping", "shop.json"], {})!.read).toEqual({ mapping: join(process.cwd(), "shop.json") });
    expect(parseAnalyzeArgs([...base, "--preset", "rees46"], {})!.read).toEqual({ preset: "rees46" });
    expect(parseAnalyzeArgs(base, {})!.read).toEqual({});
  });
  it("refuse what cannot work, in one line naming the flag", () => {
    expect(() => parseAnalyzeArgs([...base, "--preset", "kaggle"], {})).toThrow('--preset must be one of rees46, got "kaggle"');
    expect(() => parseAnalyzeArgs([...base, "--preset", "rees46", "--mapping", "m.json"], {})).toThrow("give --mapping or --preset, not both");
    expect(() => parseAnalyzeArgs([...base, "--pseudonym-key", "0123456789"], {})).toThrow("--pseudonym-key is only used with --pseudonymize");
  });
});

describe("the build's environment", () => {
  it("EVENT_KIT_MAPPING / EVENT_KIT_PRESET / EVENT_KIT_PSEUDONYMIZE become reading options", () => {
    expect(readOptionsFromEnv({})).toEqual({});
    expect(readOptionsFromEnv({ EVENT_KIT_DATA: "x.csv", EVENT_KIT_PRESET: "rees46" })).toEqual({ preset: "rees46" });
    expect(readOptionsFromEnv({ EVENT_KIT_DATA: "x.csv", EVENT_KIT_MAPPING: "m.json" })).toEqual({ mapping: "m.json" });
    expect(readOptionsFromEnv({ EVENT_KIT_PSEUDONYMIZE: "1", EVENT_KIT_PSEUDONYM_KEY: "0123456789" })).toEqual({ pseudonymKey: "0123456789" });
    expect(readOptionsFromEnv({ EVENT_KIT_PSEUDONYMIZE: "0", EVENT_KIT_PSEUDONYM_KEY: "0123456789" })).toEqual({});
  });
  it("refuse a mapping without data, both a mapping and a preset, and pseudonymising without a key", () => {
    expect(() => readOptionsFromEnv({ EVENT_KIT_PRESET: "rees46" })).toThrow(/EVENT_KIT_DATA, which is not set/);
    expect(() => readOptionsFromEnv({ EVENT_KIT_DATA: "x", EVENT_KIT_PRESET: "rees46", EVENT_KIT_MAPPING: "m.json" })).toThrow(/not both/);
    expect(() => readOptionsFromEnv({ EVENT_KIT_PSEUDONYMIZE: "true" })).toThrow(/needs EVENT_KIT_PSEUDONYM_KEY/);
  });
});

describe("validationData", () => {
  it("serves the validation report of the build's data, with the window, and no folder path", async () => {
    const data = await validationData({ kind: "folder", path: FIXTURE, read: { preset: "rees46" } });
    expect(data.window).toEqual({ start: "2019-10-01T00:00:00.000Z", end: "2019-10-02T00:00:00.000Z" });
    expect(data.totals).toEqual({ read: 17_433, loaded: 17_428, set_aside: 5 });
    expect(data.input).toEqual({ schema: "mapping", preset: "rees46", mapping_file: null });
    expect(JSON.stringify(data)).not.toContain("/fixtures/");
  });
});

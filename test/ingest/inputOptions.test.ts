// How the reading options reach readDataset: analyze's flags, the build's environment variables, and the
// validation loader.
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseAnalyzeArgs } from "../../lib/cli/analyze";
import { PROJECT_ROOT } from "../../lib/warehouse/projectRoot";
import { readOptionsFromEnv } from "../../lib/warehouse/warehouse";
import { withWarehouse } from "../../lib/warehouse/warehouse";
import { REES46_SAMPLE_EXPECTED, sharedRees46Fixture, writeRees46Sample } from "../helpers/rees46Sample";
import { tempDir } from "../helpers/tempDir";

const FIXTURE = sharedRees46Fixture(PROJECT_ROOT);
const sampleDir = tempDir("event-kit-input-options-");
afterAll(() => sampleDir.cleanup());

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
    expect(() => readOptionsFromEnv({ EVENT_KIT_DATA: "x", EVENT_KIT_PRESET: "kaggle" })).toThrow('EVENT_KIT_PRESET must be one of rees46, got "kaggle"');
    expect(() => readOptionsFromEnv({ EVENT_KIT_CURRENCY: "pounds" })).toThrow('EVENT_KIT_CURRENCY must be an ISO 4217 code such as GBP, got "pounds"');
    expect(() => readOptionsFromEnv({ EVENT_KIT_DEDUPE: "fuzzy" })).toThrow('EVENT_KIT_DEDUPE must be exact or none, got "fuzzy"');
    expect(() => readOptionsFromEnv({ EVENT_KIT_PSEUDONYMIZE: "true", EVENT_KIT_PSEUDONYM_KEY: "1234567" })).toThrow(/at least 8 characters/);
    expect(() => readOptionsFromEnv({ EVENT_KIT_PSEUDONYMIZE: "true" })).toThrow("EVENT_KIT_PSEUDONYMIZE needs a key of at least 8 characters: set EVENT_KIT_PSEUDONYM_KEY");
  });
});

/** The validation report of the build's data, as the Data & methods page reads it, with the window. */
const validationData = (source: Parameters<typeof withWarehouse>[1]) => withWarehouse(async ({ dataset }) => ({ window: dataset.window, ...dataset.validation }), source);

describe("the build's validation report", () => {
  it("serves the validation report of the build's data, with the window, and no folder path (hand-made sample)", async () => {
    const sample = writeRees46Sample(sampleDir.path);
    const data = await validationData({ kind: "folder", path: sample, read: { preset: "rees46" } });
    expect(data.window).toEqual(REES46_SAMPLE_EXPECTED.window);
    expect(data.totals).toEqual({ read: 8, loaded: 6, set_aside: 2 });
    expect(data.input).toEqual({ schema: "mapping", preset: "rees46", mapping_file: null });
    expect(JSON.stringify(data)).not.toContain(sampleDir.path);
  });

  it.runIf(FIXTURE !== null)(`serves the same on the shared REES46 fixture${FIXTURE === null ? " (skipped: ../shared/fixtures is not beside this clone)" : ""}`, async () => {
    const data = await validationData({ kind: "folder", path: FIXTURE!, read: { preset: "rees46" } });
    expect(data.window).toEqual({ start: "2019-10-01T00:00:00.000Z", end: "2019-10-02T00:00:00.000Z", timezone: "UTC" });
    expect(data.totals).toEqual({ read: 17_433, loaded: 17_428, set_aside: 5 });
    expect(data.input).toEqual({ schema: "mapping", preset: "rees46", mapping_file: null });
    expect(JSON.stringify(data)).not.toContain("/fixtures/");
  });
});

// Pinning the data files' dates that Framework writes into built pages.
import { describe, expect, it } from "vitest";
import { pinFileDates, sourceDateEpochMs } from "../../lib/build/pinFileDates";

const page = (ms: string) =>
  `<script type="module">registerFile("./data/a.json", {"name":"./data/a.json","mimeType":"application/json","path":"./_file/data/a.1f2e.json","lastModified":${ms},"size":429});
registerFile("./data/b.json", {"name":"./data/b.json","lastModified":${ms}.5,"size":12});</script><p>"lastModified" in prose stays</p>`;

describe("pinFileDates", () => {
  it("rewrites every registered file's lastModified, integer or fractional, and nothing else", () => {
    expect(pinFileDates(page("1795282378546"), 0)).toBe(page("0").replace('"lastModified":0.5', '"lastModified":0'));
    expect(pinFileDates(page("1795282378546"), 1_700_000_000_000)).toContain('"lastModified":1700000000000,"size":429');
  });

  it("makes two builds' pages equal when only the loaders' run times differed", () => {
    expect(pinFileDates(page("1795282378546"), 0)).toBe(pinFileDates(page("1795282418562"), 0));
  });
});

describe("sourceDateEpochMs", () => {
  it("reads SOURCE_DATE_EPOCH in seconds, defaulting to 0", () => {
    expect(sourceDateEpochMs({})).toBe(0);
    expect(sourceDateEpochMs({ SOURCE_DATE_EPOCH: " 1700000000 " })).toBe(1_700_000_000_000);
    expect(() => sourceDateEpochMs({ SOURCE_DATE_EPOCH: "yesterday" })).toThrow(/SOURCE_DATE_EPOCH must be whole seconds/);
  });
});

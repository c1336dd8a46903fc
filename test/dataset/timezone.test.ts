import { describe, expect, it } from "vitest";
import { parseTimezone, timezoneError } from "../../lib/dataset/timezone";

describe("parseTimezone", () => {
  it("accepts IANA names, spelled as IANA spells them", () => {
    expect(parseTimezone("Asia/Shanghai")).toBe("Asia/Shanghai");
    expect(parseTimezone(" america/new_york ")).toBe("America/New_York");
    expect(parseTimezone("UTC")).toBe("UTC");
    expect(parseTimezone("utc")).toBe("UTC");
    // Kept as written where Intl's own spelling is an older alias (Asia/Calcutta, America/Buenos_Aires).
    expect(parseTimezone("Asia/Kolkata")).toBe("Asia/Kolkata");
    expect(parseTimezone("America/Argentina/Buenos_Aires")).toBe("America/Argentina/Buenos_Aires");
  });

  it("refuses what is not a zone: unknown names, fixed offsets, empty text, other types", () => {
    for (const value of ["Mars/Olympus_Mons", "+08:00", "UTC+8", "", "Asia/", 8, null, ["UTC"]]) expect(parseTimezone(value)).toBeUndefined();
  });

  it("names where a refused zone came from", () => {
    expect(timezoneError("--timezone", "Nowhere")).toBe(`--timezone must be an IANA time zone name such as "Asia/Shanghai" or "America/New_York", not "Nowhere"`);
  });
});

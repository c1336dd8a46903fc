/** Days and midnights in a time zone, by DuckDB's ICU rules, checked against hand-worked instants. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { localDaySql, localMidnightSql } from "../../lib/db/calendarDaySql.js";
import { openDatabase, queryRows, type Database } from "../../lib/db/duckdb.js";

let db: Database;
beforeAll(async () => {
  db = await openDatabase();
});
afterAll(() => db.close());

const day = async (utc: string, zone: string) =>
  (await queryRows<{ d: string }>(db.connection, `SELECT strftime(${localDaySql(`TIMESTAMP '${utc}'`, zone)}, '%Y-%m-%d') AS d`))[0]!.d;
const midnight = async (date: string, zone: string) =>
  (await queryRows<{ t: string }>(db.connection, `SELECT strftime(${localMidnightSql(`DATE '${date}'`, zone)}, '%Y-%m-%d %H:%M') AS t`))[0]!.t;

describe("calendar days in a time zone", () => {
  it("cuts a UTC instant into the zone's day", async () => {
    expect(await day("2025-01-31 23:30:00", "Asia/Shanghai")).toBe("2025-02-01");
    expect(await day("2025-01-31 15:59:59.999999", "Asia/Shanghai")).toBe("2025-01-31");
    expect(await day("2025-01-31 23:30:00", "UTC")).toBe("2025-01-31");
    // New York: EST (UTC−5) in January, EDT (UTC−4) in July.
    expect(await day("2025-01-15 04:59:00", "America/New_York")).toBe("2025-01-14");
    expect(await day("2025-07-15 04:00:00", "America/New_York")).toBe("2025-07-15");
    expect(await day("2025-07-15 03:59:00", "America/New_York")).toBe("2025-07-14");
  });

  it("finds the zone's midnights across daylight-saving changes", async () => {
    // New York springs forward on 2025-03-09 (a 23-hour day) and falls back on 2025-11-02 (a 25-hour day).
    expect(await midnight("2025-03-09", "America/New_York")).toBe("2025-03-09 05:00");
    expect(await midnight("2025-03-10", "America/New_York")).toBe("2025-03-10 04:00");
    expect(await midnight("2025-11-02", "America/New_York")).toBe("2025-11-02 04:00");
    expect(await midnight("2025-11-03", "America/New_York")).toBe("2025-11-03 05:00");
    expect(await midnight("2025-02-01", "Asia/Shanghai")).toBe("2025-01-31 16:00");
    expect(await midnight("2025-02-01", "UTC")).toBe("2025-02-01 00:00");
  });

  it("starts a day whose midnight does not exist at its first existing instant", async () => {
    // Santiago jumped from 2024-09-08 00:00 (UTC−4) to 01:00 (UTC−3): the day starts at 01:00 −03 = 04:00Z,
    // as does the day before's 00:00 −04; the next day starts at 03:00Z.
    expect(await midnight("2024-09-07", "America/Santiago")).toBe("2024-09-07 04:00");
    expect(await midnight("2024-09-08", "America/Santiago")).toBe("2024-09-08 04:00");
    expect(await midnight("2024-09-09", "America/Santiago")).toBe("2024-09-09 03:00");
    expect(await day("2024-09-08 03:59:00", "America/Santiago")).toBe("2024-09-07");
    expect(await day("2024-09-08 04:00:00", "America/Santiago")).toBe("2024-09-08");
  });
});

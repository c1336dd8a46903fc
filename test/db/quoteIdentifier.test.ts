import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, openDatabase, queryRows } from "../../lib/db/duckdb";
import { quoteIdentifier } from "../../lib/db/quoteIdentifier";

describe("quoteIdentifier(name)", () => {
  it("wraps in double quotes and doubles the quotes inside", () => {
    expect(quoteIdentifier("user_id")).toBe('"user_id"');
    expect(quoteIdentifier('say "hi"')).toBe('"say ""hi"""');
    expect(quoteIdentifier("")).toBe('""');
  });

  describe("in DuckDB, names a file may bring come back as they were", () => {
    let db: Database;
    beforeAll(async () => {
      db = await openDatabase();
    });
    afterAll(() => db.close());

    for (const name of ['say "hi"', "select", "a b; DROP TABLE x", "Ümlaut-列", '"']) {
      it(JSON.stringify(name), async () => {
        const rows = await queryRows<Record<string, number>>(db.connection, `SELECT 1 AS ${quoteIdentifier(name)}`);
        expect(Object.keys(rows[0]!)).toEqual([name]);
      });
    }
  });
});

// Sessions from 30 minutes of inactivity, on an example worked out by hand.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, openDatabase, queryRows } from "../../lib/db/duckdb";
import { sessionizeSql } from "../../lib/ingest/sessionize";

let db: Database;
beforeAll(async () => {
  db = await openDatabase();
  // File order (__row) is not time order, and two users interleave.
  await db.connection.run(`CREATE TABLE ev AS SELECT * FROM (VALUES
    (1, 'A', TIMESTAMP '2025-03-04 10:00:00'),
    (2, 'B', TIMESTAMP '2025-03-04 10:10:00'),
    (3, 'A', TIMESTAMP '2025-03-04 10:20:00'),
    (4, 'A', TIMESTAMP '2025-03-04 10:50:00'),
    (5, 'A', TIMESTAMP '2025-03-04 11:20:00.001'),
    (6, 'A', TIMESTAMP '2025-03-04 11:20:00.001'),
    (7, 'B', TIMESTAMP '2025-03-04 10:39:59'),
    (8, 'A', TIMESTAMP '2025-03-05 00:00:00'),
    (9, 'B', TIMESTAMP '2025-03-04 10:05:00'),
    (10, 'A', TIMESTAMP '2025-03-04 10:15:00'))
    AS t(__row, user_id, "timestamp")`);
  await db.connection.run(`ALTER TABLE ev ADD COLUMN session_id VARCHAR`);
});
afterAll(() => db?.close());

describe("sessionizeSql", () => {
  it("starts a session after more than 30 minutes of inactivity, per user, whatever the file order", async () => {
    // By hand, user A in time order: 10:00 (s1), 10:15 (+15 min, s1), 10:20 (+5, s1), 10:50 (+30:00 exactly,
    // still s1), 11:20:00.001 (+30:00.001, s2), 11:20:00.001 again (+0, s2), next day 00:00 (s3).
    // User B: 10:05 (s1), 10:10 (+5, s1), 10:39:59 (+29:59, s1).
    const rows = await queryRows(db.connection, `SELECT __row, user_id, session_id FROM (${sessionizeSql("ev", 30)}) ORDER BY __row`);
    expect(rows.map((r) => `${r.__row}:${r.user_id}:${r.session_id}`)).toEqual([
      "1:A:s1",
      "2:B:s1",
      "3:A:s1",
      "4:A:s1",
      "5:A:s2",
      "6:A:s2",
      "7:B:s1",
      "8:A:s3",
      "9:B:s1",
      "10:A:s1",
    ]);
  });

  it("takes the timeout as a parameter (10 minutes splits user A more often)", async () => {
    // A: 10:00 s1, 10:15 (+15) s2, 10:20 s2, 10:50 s3, 11:20:00.001 s4, same s4, next day s5. B: 10:05 s1, 10:10 s1, 10:39:59 s2.
    const rows = await queryRows(db.connection, `SELECT __row, session_id FROM (${sessionizeSql("ev", 10)}) ORDER BY __row`);
    expect(rows.map((r) => r.session_id)).toEqual(["s1", "s1", "s2", "s3", "s4", "s4", "s2", "s5", "s1", "s2"]);
  });
});

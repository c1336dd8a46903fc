// Paths are names, never patterns: a folder called `shop*` next to `shop-old`, or `export[1]` next to
// `export1`, is read alone, whether it holds CSV or Parquet, as a seed folder or through a mapping.
import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase, queryRows, sqlString } from "../../lib/db/duckdb";
import { readDataset } from "../../lib/ingest/readDataset";
import { literalPath } from "../../lib/db/literalPath";
import { loadValidated } from "../../lib/warehouse/validatedWarehouse";
import { tempDir } from "../helpers/tempDir";

const work = tempDir("event-kit-literal-");
afterAll(() => work.cleanup());

const csv = (...rows: string[]) => ["user_id,timestamp,event_type", ...rows].join("\n") + "\n";
/** The folder meant: two events in March 2025. */
const MEANT = csv("U1,2025-03-01T10:00:00Z,session_start", "U1,2025-03-01T10:05:00Z,session_end");
/** Its neighbour: one event in 1999, which a pattern would pull in. */
const NEIGHBOUR = csv("U9,1999-01-01T00:00:00Z,session_start");

function put(path: string, content: string): void {
  mkdirSync(join(path, ".."), { recursive: true });
  writeFileSync(path, content);
}

async function readEvents(path: string, options = {}) {
  const db = await openDatabase();
  try {
    const summary = await readDataset(db.connection, path, options);
    const users = await queryRows<{ user_id: string }>(db.connection, "SELECT DISTINCT user_id FROM events ORDER BY 1");
    return { summary, users: users.map((u) => u.user_id) };
  } finally {
    db.close();
  }
}

async function toParquet(csvFile: string, parquetFile: string): Promise<void> {
  const db = await openDatabase();
  try {
    await db.connection.run(`COPY (SELECT * FROM read_csv(${sqlString(csvFile)}, all_varchar = true)) TO ${sqlString(parquetFile)} (FORMAT parquet)`);
  } finally {
    db.close();
  }
}

describe("paths with glob characters are read literally", () => {
  it("--data 'shop*' next to shop-old reads shop* alone (CSV)", async () => {
    const root = join(work.path, "star");
    put(join(root, "shop*", "events.csv"), MEANT);
    put(join(root, "shop-old", "events.csv"), NEIGHBOUR);
    const { summary, users } = await readEvents(join(root, "shop*"));
    expect(summary.validation.tables[0]!.read).toBe(2);
    expect(users).toEqual(["U1"]);
    expect(summary.window.start.startsWith("2025-03-01")).toBe(true);
  });

  it("--data 'export[1]' next to export1 reads export[1], not export1 (CSV and Parquet)", async () => {
    const root = join(work.path, "brackets");
    put(join(root, "export[1]", "events.csv"), MEANT);
    put(join(root, "export1", "events.csv"), NEIGHBOUR);
    expect((await readEvents(join(root, "export[1]"))).users).toEqual(["U1"]);

    const plain = join(work.path, "plain");
    put(join(plain, "meant.csv"), MEANT);
    put(join(plain, "neighbour.csv"), NEIGHBOUR);
    mkdirSync(join(root, "pq[1]"));
    mkdirSync(join(root, "pq1"));
    await toParquet(join(plain, "meant.csv"), join(root, "pq[1]", "events.parquet"));
    await toParquet(join(plain, "neighbour.csv"), join(root, "pq1", "events.parquet"));
    const { summary, users } = await readEvents(join(root, "pq[1]"));
    expect(users).toEqual(["U1"]);
    expect(summary.validation.tables[0]!.read).toBe(2);
  });

  it("a mapped events file named with a pattern is read alone", async () => {
    const root = join(work.path, "mapped");
    put(join(root, "log?.csv"), MEANT);
    put(join(root, "log1.csv"), NEIGHBOUR);
    put(join(root, "log2.csv"), NEIGHBOUR);
    const mapping = { columns: { user_id: "user_id", timestamp: "timestamp", event_type: "event_type" } };
    const { summary, users } = await readEvents(join(root, "log?.csv"), { mapping });
    expect(summary.validation.tables[0]!.read).toBe(2);
    expect(users).toEqual(["U1"]);
  });

  it("the build's validated tables are read from their own folder when its path holds a pattern", async () => {
    const root = join(work.path, "cache");
    mkdirSync(join(root, "wh[1]"), { recursive: true });
    mkdirSync(join(root, "wh1"), { recursive: true });
    for (const [dir, user] of [["wh[1]", "U1"], ["wh1", "U9"]] as const) {
      const db = await openDatabase();
      try {
        await db.connection.run(`COPY (SELECT ${sqlString(user)} AS user_id) TO ${sqlString(join(root, dir, "users.parquet"))} (FORMAT parquet)`);
        for (const t of ["products", "events"]) await db.connection.run(`COPY (SELECT 1 AS x) TO ${sqlString(join(root, dir, `${t}.parquet`))} (FORMAT parquet)`);
      } finally {
        db.close();
      }
      writeFileSync(join(root, dir, "summary.json"), "{}");
    }
    const db = await openDatabase();
    try {
      await loadValidated(db.connection, join(root, "wh[1]"));
      expect(await queryRows(db.connection, "SELECT user_id FROM users")).toEqual([{ user_id: "U1" }]);
    } finally {
      db.close();
    }
  });

  it("literalPath leaves no link behind once released", () => {
    const before = readdirSync(tmpdir()).filter((n) => n.startsWith("event-kit-path-")).length;
    const literal = literalPath(join(work.path, "a*b.csv"));
    expect(literal.path).not.toMatch(/[*?[\]]/);
    literal.release();
    expect(readdirSync(tmpdir()).filter((n) => n.startsWith("event-kit-path-")).length).toBe(before);
  });
});

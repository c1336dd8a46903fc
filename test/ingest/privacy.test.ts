// Privacy: emails and names never reach the warehouse or the outputs; user ids can be pseudonymised with
// a keyed hash that is stable across builds for one key and different for another.
import { createHmac } from "node:crypto";
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, queryRows } from "../../lib/db/duckdb";
import { type DatasetSummary, readDataset } from "../../lib/ingest/readDataset";
import { writeGeneratedDataset } from "../../lib/generator/writeDataset";
import { pseudonym, pseudonymSql } from "../../lib/ingest/pseudonymize";
import { parseAnalyzeArgs, runAnalyze } from "../../lib/cli/analyze";
import { tempDir } from "../helpers/tempDir";

const work = tempDir("event-kit-privacy-");
afterAll(() => work.cleanup());
const KEY = "correct horse battery staple";

const USERS = [
  "user_id,email,first_name,last_name,registration_date,age,gender,location,segment",
  "U1,ann.smith@example.com,Ann,Smith,2025-03-01T00:00:00Z,30,F,Paris,Regular",
  "U2,bob.jones@example.com,Bob,Jones,2025-03-01T00:00:00Z,41,M,Oslo,New",
  "U2,bob.again@example.com,Bob,Jones,2025-03-02T00:00:00Z,41,M,Oslo,New",
].join("\n");
const EVENTS = [
  "event_id,user_id,session_id,event_type,timestamp,product_id,category,price,quantity",
  "e1,U1,S1,product_view,2025-03-04T10:00:00Z,P1,Books,10,",
  "e2,U2,S2,purchase,2025-03-04T11:00:00Z,P1,Books,10,1",
  "e3,U3,S3,product_view,2025-03-04T12:00:00Z,P1,Books,10,",
].join("\n");
let dir: string;
beforeAll(() => {
  dir = join(work.path, "shop");
  mkdirSync(dir);
  writeFileSync(join(dir, "users.csv"), USERS);
  writeFileSync(join(dir, "events.csv"), EVENTS);
});

async function readIds(key?: string): Promise<{ summary: DatasetSummary; users: string[]; events: string[] }> {
  const db = await openDatabase();
  try {
    const summary = await readDataset(db.connection, dir, key ? { pseudonymKey: key } : {});
    const users = (await queryRows<{ user_id: string }>(db.connection, "SELECT user_id FROM users ORDER BY 1")).map((r) => r.user_id);
    const events = (await queryRows<{ user_id: string }>(db.connection, "SELECT user_id FROM events ORDER BY event_id")).map((r) => r.user_id);
    return { summary, users, events };
  } finally {
    db.close();
  }
}

describe("pseudonymised user ids", () => {
  it("are u_ + 16 hex digits of HMAC-SHA256(key, id), computed in DuckDB as in Node", async () => {
    const db = await openDatabase();
    const ids = ["U1", "U000123", "541312140", "Zoë ✓", "x".repeat(300)];
    for (const key of [KEY, "k".repeat(100)]) {
      const rows = await queryRows<{ id: string; p: string }>(
        db.connection,
        `SELECT id, ${pseudonymSql("id", key)} AS p FROM (VALUES ${ids.map((id) => `('${id}')`).join(", ")}) t(id)`,
      );
      for (const { id, p } of rows) {
        expect(p).toBe("u_" + createHmac("sha256", key).update(id).digest("hex").slice(0, 16));
        expect(p).toBe(pseudonym(id, key));
      }
    }
    db.close();
  });

  it("are stable across runs for one key, differ for another key, and replace ids everywhere consistently", async () => {
    const first = await readIds(KEY);
    const second = await readIds(KEY);
    const other = await readIds("another key, another build");
    expect(second.users).toEqual(first.users);
    expect(second.events).toEqual(first.events);
    expect(first.users).toEqual(["U1", "U2", "U3"].map((id) => pseudonym(id, KEY)).sort());
    expect(first.events).toEqual(["U1", "U2", "U3"].map((id) => pseudonym(id, KEY)));
    for (const id of other.users) expect(first.users).not.toContain(id);
    expect(first.summary.validation.pseudonymized).toBe(true);
  });

  it("leave no raw id in the validation report: examples show the pseudonym", async () => {
    const { summary } = await readIds(KEY);
    const users = summary.validation.tables.find((t) => t.table === "users")!;
    expect(users.reasons).toEqual([
      { reason: "duplicate_user_id", label: "duplicate user id (the first is kept)", count: 1, examples: [{ row: 3, column: "user_id", value: pseudonym("U2", KEY), detail: "same as row 2" }] },
    ]);
    expect(JSON.stringify(summary.validation)).not.toMatch(/"U[123]"/);
  });

  it("need a key of at least 8 characters", async () => {
    const db = await openDatabase();
    await expect(readDataset(db.connection, dir, { pseudonymKey: "short" })).rejects.toThrow(/needs a key of at least 8 characters/);
    db.close();
    expect(() => parseAnalyzeArgs(["--data", dir, "--out", "o", "--pseudonymize"], {})).toThrow(/--pseudonymize needs a key of at least 8 characters: set EVENT_KIT_PSEUDONYM_KEY/);
    expect(parseAnalyzeArgs(["--data", dir, "--out", "o", "--pseudonymize"], { EVENT_KIT_PSEUDONYM_KEY: KEY })!.read).toEqual({ pseudonymKey: KEY });
    expect(parseAnalyzeArgs(["--data", dir, "--out", "o", "--pseudonymize", "--pseudonym-key", "from-the-flag"], { EVENT_KIT_PSEUDONYM_KEY: KEY })!.read).toEqual({ pseudonymKey: "from-the-flag" });
  });
});

describe("personal data", () => {
  it("emails and names are never read: the users table holds none, and the report lists them as dropped", async () => {
    const db = await openDatabase();
    const summary = await readDataset(db.connection, dir);
    expect(await queryRows(db.connection, "SELECT count(email)::INTEGER AS n FROM users")).toEqual([{ n: 0 }]);
    expect(summary.validation.derived.personal_columns_dropped).toEqual(["email", "first_name", "last_name"]);
    expect(JSON.stringify(summary.validation)).not.toMatch(/@|Smith|Jones/);
    db.close();
  });

  it("no output of analyze holds an email address, with or without pseudonymised ids", async () => {
    const data = join(work.path, "generated");
    await writeGeneratedDataset({ users: 120, days: 45, seed: 11, start: new Date("2025-01-01T00:00:00Z"), products: 30 }, data, { format: "csv" });
    expect(readFileSync(join(data, "users.csv"), "utf8")).toMatch(/@/); // the input has them
    for (const read of [{}, { pseudonymKey: KEY }]) {
      const out = join(work.path, `out-${Object.keys(read).length}`);
      await runAnalyze({ data, out, seed: 1, read });
      for (const file of readdirSync(out)) {
        const text = readFileSync(join(out, file)).toString("latin1");
        expect(text, file).not.toMatch(/[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/);
        if (read.pseudonymKey) expect(text, file).not.toMatch(/U0000\d\d/);
      }
      if (read.pseudonymKey) {
        const db = await openDatabase();
        const [ids] = await queryRows(
          db.connection,
          `SELECT count(*)::INTEGER AS n, count(*) FILTER (WHERE NOT regexp_full_match(user_id, 'u_[0-9a-f]{16}'))::INTEGER AS raw FROM '${join(out, "user_segments.parquet")}'`,
        );
        db.close();
        expect(ids).toMatchObject({ raw: 0 });
      }
    }
  }, 120_000);
});

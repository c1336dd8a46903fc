// Unclear answers (issue 15): DuckDB's own error text must never reach the user for valid input or a
// mapping fault (class a), and advice must fit what the thing is (class b). Every message is checked
// for what it names, and for the absence of DuckDB's vocabulary.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase, queryRows, sqlString } from "../../lib/db/duckdb";
import { type DatasetSummary, type ReadOptions, readDataset } from "../../lib/ingest/readDataset";
import { DatasetError } from "../../lib/ingest/datasetError";
import { tempDir } from "../helpers/tempDir";
import { caseFolders, readFatal } from "../helpers/inputCases";

const work = tempDir("event-kit-unclear-");
afterAll(() => work.cleanup());

const folder = caseFolders(work.path);

async function read(path: string, options: ReadOptions = {}, sql?: string): Promise<{ summary: DatasetSummary; rows: Record<string, unknown>[] }> {
  const db = await openDatabase();
  try {
    const summary = await readDataset(db.connection, path, options);
    return { summary, rows: sql ? await queryRows(db.connection, sql) : [] };
  } finally {
    db.close();
  }
}

/** DuckDB's error vocabulary: none of it may reach the user. */
const DUCKDB_WORDS = /Binder Error|Conversion Error|Invalid Input Error|No function matches|Parser Error|Catalog Error|format specifier|struct entry/i;

async function fatal(path: string, options: ReadOptions = {}): Promise<DatasetError> {
  const error = await readFatal(path, options);
  expect(error.message).not.toMatch(DUCKDB_WORDS);
  return error;
}

const SEED = "user_id,timestamp,event_type";

describe("the kit's working names never collide with the file's columns (class a)", () => {
  it("a Parquet file with a column named file_row_number is read, rows numbered from the file", async () => {
    const dir = folder({});
    const db = await openDatabase();
    try {
      await db.connection.run(
        `COPY (SELECT i::VARCHAR AS file_row_number, 'U' || i AS user_id, CASE WHEN i = 3 THEN 'nonsense' ELSE 'session_start' END AS event_type,
           TIMESTAMP '2025-03-01' + INTERVAL (i) HOUR AS "timestamp" FROM range(1, 5) t(i)) TO ${sqlString(join(dir, "events.parquet"))} (FORMAT parquet)`,
      );
    } finally {
      db.close();
    }
    const { summary } = await read(dir);
    const t = summary.validation.tables[0]!;
    expect([t.read, t.loaded]).toEqual([4, 3]);
    // The third row is the bad one: the row numbers are the file's, not the user's column.
    expect(t.reasons[0]!.examples[0]).toMatchObject({ row: 3, column: "event_type", value: "nonsense" });
  });

  it("CSV columns named rowid and __row (read through a mapping) are data, and rows keep their numbers", async () => {
    const file = join(folder({ "log.csv": "rowid,__row,when,what\nA,U1,2025-03-01T10:00:00Z,session_start\nB,U2,not a time,session_start\nC,U3,2025-03-01T11:00:00Z,session_end\n" }), "log.csv");
    const mapping = { columns: { user_id: "__row", timestamp: "when", event_type: "what", session_id: "rowid" } };
    const { summary, rows } = await read(file, { mapping }, "SELECT user_id, session_id FROM events ORDER BY user_id");
    expect(rows).toEqual([
      { user_id: "U1", session_id: "A" },
      { user_id: "U3", session_id: "C" },
    ]);
    expect(summary.validation.tables[0]!.reasons[0]!.examples[0]).toMatchObject({ row: 2, column: "when", value: "not a time" });
  });

  it("a header with user_id and USER_ID reads user_id; the other is kept apart as USER_ID_2", async () => {
    const dir = folder({ "events.csv": "user_id,USER_ID,timestamp,event_type\nU1,X9,2025-03-01T10:00:00Z,session_start\n" });
    const { summary, rows } = await read(dir, {}, "SELECT user_id FROM events");
    expect(rows).toEqual([{ user_id: "U1" }]);
    expect(summary.validation.tables[0]!.ignored_columns).toEqual(["USER_ID_2"]);
  });

  it("a header whose generated names collide (a,a,a_2 and a blank) still reads", async () => {
    const file = join(folder({ "log.csv": "a,a,a_2,,column4,user\n1,2,3,session_start,2025-03-01T10:00:00Z,U1\n" }), "log.csv");
    const mapping = { columns: { user_id: "user", timestamp: "column4", event_type: "column4_2" } };
    const { rows } = await read(file, { mapping }, "SELECT user_id, event_type FROM events");
    expect(rows).toEqual([{ user_id: "U1", event_type: "session_start" }]);
  });

  it("a bad strptime format names the mapping key and the code, not DuckDB's error", async () => {
    const file = join(folder({ "log.csv": `${SEED}\nU1,2025-03-01,session_start\n` }), "log.csv");
    const error = await fatal(file, { mapping: { columns: { user_id: "user_id", timestamp: "timestamp", event_type: "event_type" }, timestamp_format: "%Y-%Q" } });
    expect(error.message).toBe(
      'mapping (given inline): "timestamp_format" "%Y-%Q" is not a strptime format (%Q is not a code it knows); see the % codes in docs/bring-your-own-data.md',
    );
  });

  it("a huge quantity_default is refused by the mapping check, naming the key", async () => {
    const file = join(folder({ "log.csv": `${SEED}\nU1,2025-03-01,purchase\n` }), "log.csv");
    const error = await fatal(file, { mapping: { columns: { user_id: "user_id", timestamp: "timestamp", event_type: "event_type" }, quantity_default: 1e15 } });
    expect(error.message).toContain('"quantity_default" is 1000000000000000; it can be at most 1,000,000');
  });
});

describe("advice that fits what the thing is (class b)", () => {
  it("a zip archive named .csv is refused by name", async () => {
    const zip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0]), Buffer.from("events.csv....")]);
    const error = await fatal(folder({ "events.csv": zip }));
    expect(error.message).toBe("events.csv is a zip archive (an .xlsx workbook is one too), not a CSV file: unzip it (or save the sheet as CSV) and pass the CSV file inside");
  });

  it("gzip named .csv is never told to try Latin-1", async () => {
    const dir = folder({ "events.csv": gzipSync(`${SEED}\nU1,2025-03-01T10:00:00Z,session_start\n`) });
    let message = "";
    try {
      await read(dir);
      message = "read";
    } catch (error) {
      message = (error as Error).message;
    }
    // Either it is read (gzip support) or the message says gzip; never Latin-1 advice.
    expect(message).not.toMatch(/latin-1/i);
    if (message !== "read") expect(message).toMatch(/gzip/);
  });

  it("--data <(cat file): a pipe is said to be a pipe, with what to pass", async () => {
    const fifo = join(work.path, "pipe");
    execFileSync("mkfifo", [fifo]);
    const error = await fatal(fifo);
    expect(error.message).toBe(
      `${fifo} is a pipe (such as <(cat file)), neither a file nor a folder: pass the path of the dataset folder or of the events file itself (the kit reads a file more than once, which a pipe cannot give)`,
    );
    const mapped = await fatal(fifo, { preset: "rees46" });
    expect(mapped.message).toContain("is a pipe");
  });

  it("a full temporary folder: said in words, and no partial copy of the data is left behind", async () => {
    const small = join(work.path, "small-tmp");
    mkdirSync(small);
    try {
      execFileSync("mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", small], { stdio: "ignore" });
    } catch {
      // Mounting needs privileges CI may not have; the message is then checked where the disk is not full.
      return;
    }
    try {
      // A Latin-1 file is read through a UTF-8 copy in TMPDIR: 400 KB does not fit in 64 KB.
      const rows = Array.from({ length: 10_000 }, (_, i) => `U${i},2025-03-01T10:00:00Z,session_start,caf\xe9`);
      const file = join(folder({ "log.csv": Buffer.from([`${SEED},note`, ...rows].join("\n") + "\n", "latin1") }), "log.csv");
      const script = join(work.path, "fullTmp.mts");
      writeFileSync(
        script,
        `import { openDatabase } from ${JSON.stringify(join(process.cwd(), "lib/db/duckdb.ts"))};
        import { readDataset } from ${JSON.stringify(join(process.cwd(), "lib/ingest/readDataset.ts"))};
        const db = await openDatabase();
        try { await readDataset(db.connection, ${JSON.stringify(file)}, { mapping: { columns: { user_id: "user_id", timestamp: "timestamp", event_type: "event_type" }, csv: { encoding: "latin-1" } } }); }
        catch (e) { process.stdout.write(e.message); }`,
      );
      const out = execFileSync("npx", ["tsx", script], { env: { ...process.env, TMPDIR: small }, encoding: "utf8" });
      expect(out).toBe(`no space left in the temporary folder ${small} for a UTF-8 copy of log.csv (about 1 MB): free space there or set TMPDIR to a folder with room`);
      // (tsx keeps its own cache there.)
      expect(readdirSync(small).filter((n) => n.startsWith("event-kit"))).toEqual([]);
    } finally {
      execFileSync("umount", [small]);
    }
  }, 60_000);

  it("the default temporary folder keeps no copy after a Latin-1 read", async () => {
    const before = readdirSync(tmpdir()).filter((n) => n.startsWith("event-kit-utf8-")).length;
    const file = join(folder({ "log.csv": Buffer.from(`${SEED}\nU1,2025-03-01T10:00:00Z,session_start\n`, "latin1") }), "log.csv");
    await read(file, { mapping: { columns: { user_id: "user_id", timestamp: "timestamp", event_type: "event_type" }, csv: { encoding: "latin-1" } } });
    expect(readdirSync(tmpdir()).filter((n) => n.startsWith("event-kit-utf8-")).length).toBe(before);
    expect(existsSync(file)).toBe(true);
  });
});

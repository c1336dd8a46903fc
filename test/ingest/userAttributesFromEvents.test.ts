// User attributes from the events file (a mapping's location / gender / age / registration_date): each
// user's first non-empty value in time order, ties at one instant broken by the earlier row of the file;
// bad values set aside and counted. The file is made here and every expected value worked out by hand
// from its rows; it goes through readDataset and through `npm run analyze` with the cookbook's mapping.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase, queryRows } from "../../lib/db/duckdb";
import { readDataset } from "../../lib/ingest/readDataset";
import { measureCoverage } from "../../lib/analysis/coverage";
import { parseMapping } from "../../lib/ingest/mapping";
import { PROJECT_ROOT } from "../../lib/warehouse/projectRoot";
import { tempDir } from "../helpers/tempDir";

const work = tempDir("event-kit-user-attributes-");
afterAll(() => work.cleanup());

const MAPPING = join(PROJECT_ROOT, "docs/cookbook/shop-events-with-customer-attributes.json");

// Row numbers (1 = first row after the header) in the comments are the file's.
const ROWS = [
  "customer,time,action,sku,amount,country,age",
  "c1,2025-03-01T10:00:00Z,view,P1,,,34", //            1: c1's first row: no country yet, age 34
  "c1,2025-03-01T10:05:00Z,order,P1,20,France,35", //   2: c1's first country: France (its age 35 comes later than 34)
  "c1,2025-03-03T10:00:00Z,view,P2,,Spain,", //         3: later: not c1's country
  "c2,2025-03-01T09:00:00Z,view,P1,,Germany,40", //     4: c2's only country; age 40 is later in time than row 5's
  "c2,2025-03-01T08:00:00Z,view,P2,,,41", //            5: earlier in time though later in the file: c2's age is 41
  "c3,2025-03-02T12:00:00Z,view,P1,,Italy,abc", //      6: not an age: set aside (bad_age), its Italy with it
  "c3,2025-03-02T12:00:00Z,view,P2,,Spain,29", //       7: same instant as row 8: the earlier row wins, Spain and 29
  "c3,2025-03-02T12:00:00Z,order,P2,9,Portugal,30", //  8
  "c4,2025-03-04T10:00:00Z,view,P1,,France,200", //     9: age above 150: set aside (bad_age), its France with it
  "c4,2025-03-04T10:10:00Z,view,P1,,,", //             10: c4's only loaded row: no country, no age
  "c5,2025-03-04T11:00:00Z,view,P3,,France,52", //     11
  "c5,2025-03-04T11:02:00Z,order,P3,15,France,52", //  12
];

const EXPECTED_USERS = [
  { user_id: "c1", location: "France", age: 34 },
  { user_id: "c2", location: "Germany", age: 41 },
  { user_id: "c3", location: "Spain", age: 29 },
  { user_id: "c4", location: null, age: null },
  { user_id: "c5", location: "France", age: 52 },
];

function writeEvents(): string {
  const file = join(work.path, "shop-events.csv");
  writeFileSync(file, ROWS.join("\n") + "\n");
  return file;
}

describe("user attributes from the events file", () => {
  it("each user takes their first non-empty value in time order, the earlier file row on a tie; bad ages are set aside and counted", async () => {
    const db = await openDatabase();
    try {
      const summary = await readDataset(db.connection, writeEvents(), { mapping: MAPPING });
      const [events] = summary.validation.tables;
      expect({ read: events!.read, loaded: events!.loaded, set_aside: events!.set_aside }).toEqual({ read: 12, loaded: 10, set_aside: 2 });
      expect(events!.reasons.map((r) => ({ reason: r.reason, count: r.count, rows: r.examples.map((e) => e.row) }))).toEqual([
        { reason: "bad_age", count: 2, rows: [6, 9] },
      ]);
      expect(events!.ignored_columns).toEqual([]);
      const users = await queryRows(db.connection, "SELECT user_id, location, age FROM users ORDER BY user_id");
      expect(users).toEqual(EXPECTED_USERS);
      expect(summary.validation.derived.user_attributes_from_events).toEqual({ columns: ["location", "age"], registered_users: 0 });
      // Registration stays each user's first event when the mapping reads no registration date.
      const [c2] = await queryRows<{ r: string }>(db.connection, "SELECT strftime(registration_date, '%Y-%m-%d %H:%M') AS r FROM users WHERE user_id = 'c2'");
      expect(c2!.r).toBe("2025-03-01 08:00");
    } finally {
      db.close();
    }
  });

  it("a registration date read from the events is the user's first non-empty one, counted as registered; the others register at their first event", async () => {
    const file = join(work.path, "signups.csv");
    writeFileSync(
      file,
      ["customer,time,action,sku,signed_up", "a,2025-03-02T10:00:00Z,view,P1,", "a,2025-03-02T11:00:00Z,view,P1,2024-12-01", "a,2025-03-03T11:00:00Z,view,P1,2024-11-01", "b,2025-03-02T12:00:00Z,view,P1,", "b,2025-03-02T13:00:00Z,view,P1,yesterday"].join("\n") + "\n",
    );
    const db = await openDatabase();
    try {
      const mapping = { columns: { user_id: "customer", timestamp: "time", event_type: "action", product_id: "sku", registration_date: "signed_up" }, event_types: { view: "product_view" } };
      const summary = await readDataset(db.connection, file, { mapping });
      const [events] = summary.validation.tables;
      expect({ read: events!.read, loaded: events!.loaded, set_aside: events!.set_aside }).toEqual({ read: 5, loaded: 4, set_aside: 1 });
      expect(events!.reasons.map((r) => [r.reason, r.count])).toEqual([["bad_registration_date", 1]]);
      const users = await queryRows(db.connection, "SELECT user_id, strftime(registration_date, '%Y-%m-%d %H:%M') AS r FROM users ORDER BY user_id");
      expect(users).toEqual([
        { user_id: "a", r: "2024-12-01 00:00" },
        { user_id: "b", r: "2025-03-02 12:00" },
      ]);
      expect(summary.validation.derived.user_attributes_from_events).toEqual({ columns: ["registration_date"], registered_users: 1 });
      // The pages then speak of registrations: one of the two users has one from the data.
      const coverage = await measureCoverage({ db, dataset: summary, source: { kind: "folder", path: file, read: { mapping } }, folder: work.path });
      expect({ registrations: coverage.registrations, registered_users: coverage.registered_users }).toEqual({ registrations: "given", registered_users: 1 });
    } finally {
      db.close();
    }
  });

  it("refuses a folder whose users table the mapping would leave unread, naming it", async () => {
    const dir = join(work.path, "with-users");
    mkdirSync(dir);
    writeFileSync(join(dir, "events.csv"), ROWS.join("\n") + "\n");
    writeFileSync(join(dir, "users.csv"), "user_id,location\nc1,Japan\n");
    const db = await openDatabase();
    try {
      await expect(readDataset(db.connection, dir, { mapping: MAPPING })).rejects.toThrow(
        "holds users.csv beside the events, but the mapping reads the users' location, age from the events file's columns and never reads users.csv",
      );
    } finally {
      db.close();
    }
  });

  it("refuses a constant user attribute, saying why", () => {
    expect(() => parseMapping({ columns: { user_id: "u", timestamp: "t", event_type: "e", location: { value: "United Kingdom" } } }, "shop.json")).toThrow(
      'mapping shop.json: "columns.location" cannot be a constant: every user would have the same value',
    );
  });

  it("npm run analyze with the cookbook mapping keeps the breakdowns by location and age band", () => {
    const out = join(work.path, "out");
    const result = spawnSync(
      process.execPath,
      ["--import", "tsx", join(PROJECT_ROOT, "lib/cli/analyze.ts"), "--data", writeEvents(), "--mapping", MAPPING, "--out", out],
      { cwd: PROJECT_ROOT, encoding: "utf8" },
    );
    expect(result.status, result.stderr).toBe(0);
    const validation = JSON.parse(readFileSync(join(out, "validation.json"), "utf8"));
    expect(validation.totals).toEqual({ read: 12, loaded: 10, set_aside: 2 });
    const funnel = JSON.parse(readFileSync(join(out, "funnel.json"), "utf8"));
    const counts = (attribute: string) =>
      Object.fromEntries(
        funnel.session_funnel.breakdowns
          .find((b: { attribute: string }) => b.attribute === attribute)
          .values.map((v: { value: string; units: number; converted: number; users: number }) => [v.value, [v.units, v.converted, v.users]]),
      );
    // Sessions (30 minutes of inactivity): c1 two (the first bought), c2 two (08:00 and 09:00), c3 one
    // (bought), c4 one, c5 one (bought). By the user's location: France c1 + c5, Germany c2, Spain c3, c4 none.
    expect(counts("location")).toEqual({ France: [3, 2, 2], Germany: [2, 0, 1], Spain: [1, 1, 1], Unknown: [1, 0, 1] });
    // Ages 34 and 29 → 25–34, 41 → 35–44, 52 → 45–54, c4 none.
    expect(counts("age_band")).toEqual({ "25–34": [3, 2, 2], "35–44": [2, 0, 1], "45–54": [1, 1, 1], Unknown: [1, 0, 1] });
  });
});

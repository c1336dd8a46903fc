/**
 * The tracing connection: engines report what they ran, under readable names, with scratch tables shown
 * under their readable prefixes; an untraced connection records nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../lib/db/duckdb.js";
import { SqlTrace, queryTraced, stopTracing, traceConnection } from "../../lib/db/sqlTrace.js";
import { DEFAULT_FUNNEL_CONFIG } from "../../lib/funnel/config.js";
import { runFunnels } from "../../lib/funnel/runFunnels.js";
import { stepCountsSql } from "../../lib/funnel/stepCountsSql.js";
import { computeRetention } from "../../lib/retention/computeRetention.js";
import { cohortActivitySql } from "../../lib/retention/cohortActivitySql.js";
import { cohortMembersSql } from "../../lib/retention/cohortMembersSql.js";
import { openTinyDatabase, randomTinyDataset } from "../helpers/tinyDataset.js";

const WINDOW = { start: "2025-01-01T00:00:00.000Z", end: "2025-05-01T00:00:00.000Z" };
let db: Database;

beforeAll(async () => {
  db = await openTinyDatabase(randomTinyDataset(7, { users: 15 }));
});
afterAll(() => db.close());

describe("SqlTrace", () => {
  it("records statements under their names, shows scratch tables under readable names", () => {
    const trace = new SqlTrace();
    trace.alias("t_123_1_abc", "t");
    trace.record("t_123_1_abc", "CREATE TEMP TABLE t_123_1_abc AS SELECT 1");
    trace.record("count", "  SELECT count(*) FROM t_123_1_abc  ");
    expect(trace.statements).toEqual([
      { name: "t", sql: "CREATE TEMP TABLE t AS SELECT 1" },
      { name: "count", sql: "SELECT count(*) FROM t" },
    ]);
    expect(trace.sql("count")).toBe("SELECT count(*) FROM t;");
    expect(trace.maybeSql("missing")).toBeUndefined();
    expect(() => trace.sql("missing")).toThrow(/no statement named "missing"/);
  });

  it("records nothing on a connection nobody traces", async () => {
    const trace = traceConnection(db.connection);
    stopTracing(db.connection);
    await queryTraced(db.connection, "one", "SELECT 1 AS x");
    expect(trace.statements).toEqual([]);
  });
});

describe("engines report their own SQL", () => {
  it("the funnel engine names each statement; the step counts are the builder's text on the readable table", async () => {
    const trace = traceConnection(db.connection);
    try {
      await runFunnels(db.connection, WINDOW);
    } finally {
      stopTracing(db.connection);
    }
    const names = trace.statements.map((s) => s.name);
    for (const unit of ["session", "user"]) {
      expect(names).toContain(`funnel_${unit}_steps`);
      for (const what of ["step_counts", "time_to_convert", "trend.week", "trend.month", "breakdowns"]) expect(names).toContain(`funnel.${unit}.${what}`);
    }
    expect(names).toContain("funnel.category");
    expect(trace.sql("funnel.session.step_counts")).toBe(`${stepCountsSql("funnel_session_steps", DEFAULT_FUNNEL_CONFIG.sessionSteps.length).trim()};`);
    expect(trace.sql("funnel_session_steps")).toMatch(/^CREATE TEMP TABLE funnel_session_steps AS\n/);
    // No per-run suffix (prefix_pid_counter_random) is left anywhere.
    for (const { sql } of trace.statements) expect(sql).not.toMatch(/_\d+_\d+_[a-z0-9]{1,6}\b/);
    // Housekeeping (session settings, dropping scratch tables) is not part of what a chart shows.
    for (const { sql } of trace.statements) expect(sql).not.toMatch(/^(SET|RESET|DROP)\s/i);
  });

  it("the retention engine names each cohort definition's query", async () => {
    const trace = traceConnection(db.connection);
    try {
      await computeRetention(db.connection, WINDOW);
    } finally {
      stopTracing(db.connection);
    }
    const expected = cohortActivitySql(WINDOW, "week", cohortMembersSql("retention_user_anchors", "first_purchase", "week"), "retention_user_weeks");
    expect(trace.sql("retention.cohort_activity.first_purchase.week")).toBe(`${expected.trim()};`);
    expect(trace.maybeSql("retention_user_days")).toMatch(/^CREATE TEMP TABLE retention_user_days AS/);
  });
});

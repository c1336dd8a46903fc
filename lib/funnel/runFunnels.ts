/**
 * The funnel engine. Three passes over the events: grouped by session (session funnel), by user (user
 * funnel) and by session and category (category funnel, counts only). Everything else is computed from
 * the two per-unit step tables the first two leave behind.
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import { queryTraced } from "../db/sqlTrace.js";
import type { AnalysisWindow } from "../dataset/window.js";
import { createScratchTable, withScratchTables } from "../db/scratchTable.js";
import { adjustChiSquaredAcross } from "./buildBreakdown.js";
import { categoryCountsSql } from "./categoryCountsSql.js";
import { DEFAULT_FUNNEL_CONFIG, type FunnelConfig } from "./config.js";
import { describeUnitFunnel } from "./describeUnitFunnel.js";
import { sessionStepsSql } from "./sessionStepsSql.js";
import { stepCountsOf } from "./stepCountsSql.js";
import { summarizeSteps } from "./summarizeSteps.js";
import type { CategoryFunnelOutput, SessionFunnelOutput, UserFunnelOutput } from "./types.js";
import { userStepsSql } from "./userStepsSql.js";

const DAY_MS = 86_400_000;

export interface FunnelsResult {
  session_funnel: SessionFunnelOutput;
  user_funnel: UserFunnelOutput;
  category_funnel: CategoryFunnelOutput[];
}

function checkSteps(label: string, steps: readonly string[]): void {
  if (steps.length === 0) throw new RangeError(`the ${label} funnel needs at least one step`);
}

/** Largest categories first (by first-step count), then by name; categories nobody reached are dropped. */
function toCategoryFunnels(rows: { category: string; counts: number[] }[], steps: readonly string[]): CategoryFunnelOutput[] {
  return rows
    .filter((r) => (r.counts[0] ?? 0) > 0)
    .sort((a, b) => b.counts[0]! - a.counts[0]! || (a.category < b.category ? -1 : a.category > b.category ? 1 : 0))
    .map((r) => ({ category: r.category, steps: summarizeSteps(steps, r.counts) }));
}

export async function runFunnels(
  connection: DuckDBConnection,
  window: AnalysisWindow,
  config: FunnelConfig = DEFAULT_FUNNEL_CONFIG,
): Promise<FunnelsResult> {
  checkSteps("session", config.sessionSteps);
  checkSteps("user", config.userSteps);


  return withScratchTables(connection, async (name) => {
    const sessionSteps = name("funnel_session_steps");
    await createScratchTable(connection, sessionSteps, sessionStepsSql(window, config.sessionSteps, config.sessionEntry));
    const userSteps = name("funnel_user_steps");
    await createScratchTable(connection, userSteps, userStepsSql(window, config.userSteps, config.userWindowDays));

    const session = await describeUnitFunnel(connection, "session", sessionSteps, config.sessionSteps, window, 0, config.minGroupUsers);
    const user = await describeUnitFunnel(connection, "user", userSteps, config.userSteps, window, config.userWindowDays, config.minGroupUsers);

    // A configured funnel whose steps name no product has no category funnel.
    const categoryRows = (
      config.categorySteps.length === 0
        ? []
        : await queryTraced<Record<string, number> & { category: string }>(connection, "funnel.category", categoryCountsSql(window, config.categorySteps))
    ).map((row) => ({ category: row.category, counts: stepCountsOf(row, config.categorySteps.length) }));

    // One Benjamini–Hochberg family for the chi-squared tests of every breakdown on the funnel page.
    const adjusted = adjustChiSquaredAcross([...session.breakdowns, ...user.breakdowns]);
    return {
      session_funnel: { unit: "session", ...session, breakdowns: adjusted.slice(0, session.breakdowns.length) },
      user_funnel: {
        unit: "user",
        window_days: config.userWindowDays,
        entry_cutoff: new Date(Date.parse(window.end) - config.userWindowDays * DAY_MS).toISOString(),
        ...user,
        breakdowns: adjusted.slice(session.breakdowns.length),
      },
      category_funnel: toCategoryFunnels(categoryRows, config.categorySteps),
    };
  });
}

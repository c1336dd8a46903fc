/**
 * Runs the retention engine: one scan of the events into per-user-day activity, then, per cohort
 * definition (cohort_by × granularity), one query that serves every variant and the LTV curve.
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import { queryTraced } from "../db/sqlTrace.js";
import { type AnalysisWindow, windowTimezone } from "../dataset/window.js";
import { averageRetention } from "./averageRetention.js";
import { cohortActivitySql, type CohortActivityRow } from "./cohortActivitySql.js";
import { cohortMembersSql } from "./cohortMembersSql.js";
import { averageLtv, cumulateLtv } from "./ltvCurves.js";
import { retentionCells } from "./retentionCells.js";
import { createScratchTable, withScratchTables } from "../db/scratchTable.js";
import type { Granularity } from "../db/periodSql.js";
import type { CohortBy, LtvOutput, RetentionOutput, RetentionVariant } from "./types.js";
import { userAnchorsSql } from "./userAnchorsSql.js";
import { userDaysSql } from "./userDaysSql.js";
import { userPeriodsSql } from "./userPeriodsSql.js";
import { DEFAULT_LTV_VARIANTS, DEFAULT_RETENTION_VARIANTS } from "./variants.js";

export interface CohortDefinition {
  cohort_by: CohortBy;
  granularity: Granularity;
}

export interface RetentionOptions {
  variants?: readonly RetentionVariant[];
  ltv?: readonly CohortDefinition[];
}

export interface RetentionResult {
  retention: RetentionOutput[];
  ltv: LtvOutput[];
}

const key = (d: CohortDefinition) => `${d.cohort_by}/${d.granularity}`;

export async function computeRetention(
  connection: DuckDBConnection,
  window: AnalysisWindow,
  options: RetentionOptions = {},
): Promise<RetentionResult> {
  const variants = options.variants ?? DEFAULT_RETENTION_VARIANTS;
  const ltvDefinitions = options.ltv ?? DEFAULT_LTV_VARIANTS;
  const definitions = new Map([...variants, ...ltvDefinitions].map((d) => [key(d), { cohort_by: d.cohort_by, granularity: d.granularity }]));

  return withScratchTables(connection, async (name) => {
    const userDays = name("retention_user_days");
    await createScratchTable(connection, userDays, userDaysSql(window));
    const anchors = name("retention_user_anchors");
    await createScratchTable(connection, anchors, userAnchorsSql(userDays, windowTimezone(window)));

    const periodTables = new Map<Granularity, string>();
    for (const granularity of new Set([...definitions.values()].map((d) => d.granularity))) {
      const table = name(`retention_user_${granularity}s`);
      await createScratchTable(connection, table, userPeriodsSql(userDays, granularity));
      periodTables.set(granularity, table);
    }

    const activity = new Map<string, CohortActivityRow[]>();
    for (const [k, { cohort_by, granularity }] of definitions) {
      const members = cohortMembersSql(anchors, cohort_by, granularity);
      activity.set(k, await queryTraced<CohortActivityRow>(connection, `retention.cohort_activity.${cohort_by}.${granularity}`, cohortActivitySql(window, granularity, members, periodTables.get(granularity)!)));
    }

    const retention = variants.map((variant) => {
      const cells = retentionCells(activity.get(key(variant))!, variant);
      return { ...variant, cells, average: averageRetention(cells) };
    });
    const ltv = ltvDefinitions.map(({ cohort_by, granularity }) => {
      const cells = cumulateLtv(activity.get(key({ cohort_by, granularity }))!);
      return { cohort_by, granularity, cells, average: averageLtv(cells) };
    });
    return { retention, ltv };
  });
}

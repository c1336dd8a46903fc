/**
 * Cohort membership (docs/metrics.md §3): one row per member with the index of its cohort period.
 * registration: the period of registration_date, or of the first event where the date is missing;
 * first_purchase: the period of the first purchase, so only buyers are members.
 */
import { periodIndexSql } from "../db/periodSql.js";
import type { Granularity } from "../db/periodSql.js";
import type { CohortBy } from "./types.js";

export function cohortMembersSql(userAnchorsTable: string, cohortBy: CohortBy, granularity: Granularity): string {
  const anchor = cohortBy === "registration" ? "coalesce(registration_day, first_day)" : "first_purchase_day";
  return `SELECT user_id, ${periodIndexSql(granularity, anchor)} AS cohort_index
    FROM ${userAnchorsTable} WHERE ${anchor} IS NOT NULL`;
}

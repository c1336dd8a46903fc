/** The retention variants every cohorts.json carries; the first is the docs/metrics.md §3 default. */
import type { Granularity } from "../db/periodSql.js";
import type { RetentionVariant } from "./types.js";

const GRANULARITIES: Granularity[] = ["month", "week"];

export const DEFAULT_RETENTION_VARIANTS: readonly RetentionVariant[] = [
  ...GRANULARITIES.flatMap((granularity) =>
    (["on", "on_or_after"] as const).map((mode) => ({ cohort_by: "registration", activity: "any_event", granularity, mode }) as const),
  ),
  ...GRANULARITIES.flatMap((granularity) =>
    (["on", "on_or_after"] as const).map((mode) => ({ cohort_by: "first_purchase", activity: "purchase", granularity, mode }) as const),
  ),
  { cohort_by: "registration", activity: "purchase", granularity: "month", mode: "on" },
];

/** LTV curves: revenue does not depend on activity or mode, only on the cohort and the period length. */
export const DEFAULT_LTV_VARIANTS: readonly { cohort_by: "registration" | "first_purchase"; granularity: Granularity }[] = (
  ["registration", "first_purchase"] as const
).flatMap((cohort_by) => GRANULARITIES.map((granularity) => ({ cohort_by, granularity })));

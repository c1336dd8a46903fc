export * from "./types.js";
export { computeRetention, type CohortDefinition, type RetentionOptions, type RetentionResult } from "./computeRetention.js";
export { DEFAULT_LTV_VARIANTS, DEFAULT_RETENTION_VARIANTS } from "./variants.js";
export { periodIndexSql, periodLabelSql, periodStartSql, periodEndsBySql } from "./periods.js";
export { averageRetention } from "./averageRetention.js";
export { averageLtv, cumulateLtv } from "./ltvCurves.js";

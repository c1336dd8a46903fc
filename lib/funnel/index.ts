export * from "./types.js";
export { DEFAULT_FUNNEL_CONFIG, type FunnelConfig } from "./config.js";
export { runFunnels, type FunnelsResult } from "./runFunnels.js";
export { summarizeSteps } from "./summarizeSteps.js";
export { buildBreakdown, adjustChiSquaredAcross, SIGNIFICANCE_LEVEL } from "./buildBreakdown.js";
export { CONVERSION_TIME_BINS, type ConversionTimeBin } from "./conversionTimeBins.js";

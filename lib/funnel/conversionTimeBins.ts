/**
 * Histogram bins for time to convert, in seconds. Conversion times span from the same instant to a week,
 * so the edges grow roughly geometrically (×2–×3) along human units: a chart of them reads as
 * "seconds / minutes / hours / days" without a log axis. The first bin holds ties (0 s).
 */
export interface ConversionTimeBin {
  label: string;
  lower: number;
  upper: number | null;
}

const MINUTE = 60;
const HOUR = 3600;
const DAY = 86_400;

const EDGES: readonly [number, string][] = [
  [0, "<1s"],
  [1, "1–10s"],
  [10, "10–30s"],
  [30, "30s–1m"],
  [MINUTE, "1–2m"],
  [2 * MINUTE, "2–5m"],
  [5 * MINUTE, "5–10m"],
  [10 * MINUTE, "10–30m"],
  [30 * MINUTE, "30m–1h"],
  [HOUR, "1–2h"],
  [2 * HOUR, "2–6h"],
  [6 * HOUR, "6–12h"],
  [12 * HOUR, "12–24h"],
  [DAY, "1–2d"],
  [2 * DAY, "2–4d"],
  [4 * DAY, "4–7d"],
  [7 * DAY, "≥7d"],
];

export const CONVERSION_TIME_BINS: readonly ConversionTimeBin[] = EDGES.map(([lower, label], i) => ({
  label,
  lower,
  upper: EDGES[i + 1]?.[0] ?? null,
}));

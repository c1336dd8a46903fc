/**
 * What the Overview's row of small charts draws, trimmed from the analyses its loader already ran
 * (the session funnel and the default retention variant): nothing here is computed again. The third
 * chart, the segments' shares of users and revenue, is drawn from the Segments page's own data.
 */
import { formatPercent } from "../format";
import type { FunnelStep } from "../funnel/types";
import type { AverageRetentionPoint } from "../retention/types";

export interface GlanceFunnelStep {
  step: string;
  count: number;
  /** count / first step's count. */
  share_of_first: number;
  /** `share_of_first` as the chart labels it, e.g. "25.0%". */
  share_text: string;
}

export interface GlanceRetentionPoint {
  period: number;
  rate: number;
  ci_low: number;
  ci_high: number;
}

export interface OverviewGlance {
  /** Sessions reaching each step of the session funnel, in order; empty when the data has no sessions. */
  funnel: GlanceFunnelStep[];
  /** Average retention by months since registration (period 0 left out: it is 100% by definition). */
  retention: GlanceRetentionPoint[];
}

/** The furthest period drawn: later ones rest on too few cohorts to be read at a glance. */
export const GLANCE_MAX_PERIOD = 12;

export function overviewGlance(funnelSteps: readonly FunnelStep[], retentionAverage: readonly AverageRetentionPoint[]): OverviewGlance {
  const first = funnelSteps[0]?.count ?? 0;
  return {
    funnel: first > 0 ? funnelSteps.map((s) => ({ step: s.step, count: s.count, share_of_first: s.count / first, share_text: formatPercent(s.count / first) })) : [],
    retention: retentionAverage
      .filter((p) => p.period >= 1 && p.period <= GLANCE_MAX_PERIOD && p.cohorts >= 1 && Number.isFinite(p.rate))
      .map((p) => ({ period: p.period, rate: p.rate, ci_low: p.ci_low, ci_high: p.ci_high })),
  };
}

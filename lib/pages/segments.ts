/**
 * The Segments page's data: the segmentation summary (metrics.md §6–7), trimmed to what the page draws,
 * and the SQL that computed it, as the segments engine ran it (its trace, lib/db/sqlTrace.ts).
 *
 * Privacy: nothing per user leaves this file but the PCA scatter's sampled points, and those carry only
 * their cluster and two coordinates: no user id, email or name.
 *
 * Size: the scatter's points are sent as columns (x, y, cluster) and every non-integer is rounded, so
 * the file stays small (tens of kilobytes gzipped on the default data).
 */
import type { GroupProfile, SegmentsSummary } from "../analysis/segments";
import type { AnalysisWindow } from "../dataset/window";
import type { SqlTrace } from "../db/sqlTrace";
import { roundDeep } from "../output/round";
import { WINDOW_SHOPPER_MIN_VIEWS } from "../segments/profile";
import { type ShownCategoryPreferences, topCategoryPreferences } from "../segments/topCategoryPreferences";

/** How many categories the category heatmap names; the rest are one "Other" row. */
export const TOP_SEGMENT_CATEGORIES = 15;

/** The statements computeSegments sent to DuckDB, in order. */
export interface SegmentsSql {
  /** One row per active user: every feature K-means sees, plus the planted segment where present. */
  features: string;
  /** The category preference counts: the table of cluster labels, then the query joining it to events. */
  categories: string;
}

export interface SegmentsPageData {
  window: AnalysisWindow;
  n_users: number;
  k: number;
  inertia: number;
  silhouette: number | null;
  ari_vs_planted: number | null;
  planted_users: number;
  stability: SegmentsSummary["stability"];
  k_selection: SegmentsSummary["k_selection"];
  feature_definitions: SegmentsSummary["feature_definitions"];
  clusters: SegmentsSummary["clusters"];
  population: GroupProfile;
  pca: {
    explained_variance: [number, number];
    loadings: [number[], number[]];
    centroids: SegmentsSummary["pca"]["centroids"];
    /** The sampled users as columns; point i is (x[i], y[i]) in cluster[i]. */
    points: { x: number[]; y: number[]; cluster: number[] };
  };
  category_preferences: SegmentsSummary["category_preferences"];
  /** The categories shown are the top TOP_SEGMENT_CATEGORIES by views plus "Other" (lib/segments/topCategoryPreferences.ts). */
  category_preferences_shown: ShownCategoryPreferences["shown"];
  method: SegmentsSummary["method"];
  notes: string[];
  /** Product views from which a user who never bought counts as a window shopper (the profiles' rate). */
  window_shopper_min_views: number;
  /** Why each cluster got its name: the rule's conditions, each with this cluster's value. */
  naming: { cluster: number; evidence: string }[];
  sql: SegmentsSql;
}

/** The page's data from computeSegments' summary and the SQL it ran. */
export function buildSegmentsPage(summary: SegmentsSummary, trace: SqlTrace): SegmentsPageData {
  const { pca } = summary;
  const categories = topCategoryPreferences(summary.category_preferences, TOP_SEGMENT_CATEGORIES);
  const page = {
    window: summary.window,
    n_users: summary.n_users,
    k: summary.k,
    inertia: summary.inertia,
    silhouette: summary.silhouette,
    ari_vs_planted: summary.ari_vs_planted,
    planted_users: summary.planted_users,
    stability: summary.stability,
    k_selection: summary.k_selection,
    feature_definitions: summary.feature_definitions,
    clusters: summary.clusters,
    population: summary.population,
    pca: {
      explained_variance: pca.explained_variance,
      loadings: pca.loadings,
      centroids: pca.centroids,
      // Deliberately not pca.points itself: each point there carries its user_id.
      points: { x: pca.points.map((p) => p.x), y: pca.points.map((p) => p.y), cluster: pca.points.map((p) => p.cluster) },
    },
    category_preferences: categories.category_preferences,
    category_preferences_shown: categories.shown,
    notes: summary.notes,
  };
  return {
    ...roundDeep(page, 6),
    // Not rounded: the convergence tolerance is far below a millionth.
    method: summary.method,
    window_shopper_min_views: WINDOW_SHOPPER_MIN_VIEWS,
    naming: summary.clusters.map((cluster) => ({ cluster: cluster.cluster, evidence: cluster.evidence })),
    sql: segmentsSql(trace),
  } as SegmentsPageData;
}

/** The feature and category statements, as the engine ran them. */
export function segmentsSql(trace: SqlTrace): SegmentsSql {
  const assignment = trace.maybeSql("segments_assignment");
  const counts = trace.maybeSql("segments.category_counts");
  const categories =
    assignment && counts
      ? [
          "-- 1. The cluster of every active user, appended from the K-means labels computed in TypeScript.",
          assignment,
          "",
          "-- 2. Product views and purchases per cluster and category; shares and lifts are computed from these counts.",
          dedent(counts),
        ].join("\n")
      : "-- The category counts were not computed by SQL on this data.";
  return { features: trace.sql("segments.features").replace(/;$/, ""), categories };
}

/** Removes the indentation a template literal inside a function gives its continuation lines. */
function dedent(sql: string): string {
  const lines = sql.trim().split("\n");
  const indents = lines.slice(1).filter((line) => line.trim()).map((line) => /^ */.exec(line)![0].length);
  const indent = Math.min(...indents, Infinity);
  return [lines[0], ...lines.slice(1).map((line) => line.slice(Number.isFinite(indent) ? indent : 0))].join("\n");
}

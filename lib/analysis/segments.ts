/**
 * User segmentation (docs/metrics.md §6–7): features per active user from DuckDB, K-means with k chosen by
 * silhouette, rule-based names, validation (ARI vs planted segments, bootstrap stability) and a PCA
 * picture. `computeSegments` returns segments.json's object plus the per-user data that
 * `writeUserSegmentsParquet` turns into user_segments.parquet.
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import { type AnalysisWindow, normalizedWindow } from "../dataset/window";
import { adjustedRandIndex } from "../segments/ari";
import { categoryPreferences } from "../segments/categories";
import {
  type Clustering,
  clusterUsers,
  type ClusteringOptions,
  DEFAULT_CLUSTERING_OPTIONS,
  validateClusteringOptions,
} from "../segments/clustering";
import { FEATURE_NAMES, FEATURES, type FeatureName } from "../segments/features";
import { nameClusters, nameOnlyCluster, type ClusterTraits, type PopulationTraits } from "../segments/naming";
import { writeUserSegmentsTable } from "../segments/parquet";
import { pcaProjection } from "../segments/pca";
import { type GroupProfile, profileGroups } from "../segments/profile";
import { deriveSeed, samplePrefix, seededPermutation } from "../segments/random";
import { readUserFeatures } from "../segments/readFeatures";
import { bootstrapStability } from "../segments/stability";
import { standardizeFeatures } from "../segments/standardize";
import type { PlantedCount, SegmentCluster, SegmentsOptions, SegmentsResult, SegmentsSummary } from "../segments/types";

export type * from "../segments/types";
export type { CategoryPreference } from "../segments/categories";
export type { KSelectionRow } from "../segments/clustering";
export type { FeatureDefinition, FeatureName } from "../segments/features";
export type { ClusterTraits, PopulationTraits, SegmentRule } from "../segments/naming";
export type { PcaPoint, PcaProjection } from "../segments/pca";
export type { FeatureSpread, GroupProfile } from "../segments/profile";
export type { Stability } from "../segments/stability";
export type { Rate } from "../segments/wilson";
export { FEATURES, FEATURE_NAMES } from "../segments/features";

const DEFAULTS = { ...DEFAULT_CLUSTERING_OPTIONS, stabilityResamples: 5, pcaSampleSize: 3_000 };

/**
 * Segments the active users of `window`. Throws when the window has no active user (there is nothing to
 * cluster); any other data, however degenerate, gets a result (see clustering.ts for k = 1 cases).
 */
export async function computeSegments(
  connection: DuckDBConnection,
  window: AnalysisWindow,
  options: SegmentsOptions = {},
): Promise<SegmentsResult> {
  const settings = { ...DEFAULTS, ...definedOnly(options) };
  validateClusteringOptions(settings);
  for (const name of ["stabilityResamples", "pcaSampleSize"] as const) {
    if (!Number.isInteger(settings[name]) || settings[name] < 0) throw new RangeError(`${name} must be a non-negative integer`);
  }
  const features = await readUserFeatures(connection, window);
  if (features.raw.rows === 0) throw new RangeError(`no user has an event in [${window.start}, ${window.end}): nothing to segment`);
  const standardized = standardizeFeatures(features.raw);
  const clustering = clusterUsers(standardized.matrix, settings);
  const { k, labels } = clustering;

  const profiles = profileGroups(features.raw, features.cartedSessions, labels, k);
  const centroids = centroidRecords(clustering);
  const traits = profiles.clusters.map((group, cluster) => clusterTraits(cluster, group, centroids[cluster]!));
  const population = populationTraits(profiles.population);
  const names = k === 1 ? [nameOnlyCluster(traits[0]!, population)] : nameClusters(traits, population);
  const planted = plantedCounts(features.planted, labels, k);
  const clusters: SegmentCluster[] = profiles.clusters.map((group, cluster) => ({
    cluster,
    name: names[cluster]!.name,
    rule: names[cluster]!.rule,
    meaning: names[cluster]!.meaning,
    evidence: names[cluster]!.evidence,
    ...group,
    centroid: centroids[cluster]!,
    planted: planted[cluster]!,
  }));

  const pointSample = samplePrefix(seededPermutation(features.raw.rows, deriveSeed(settings.seed, "pca-points")), settings.pcaSampleSize);
  const summary: SegmentsSummary = {
    k,
    inertia: clustering.inertia,
    silhouette: clustering.silhouette,
    features: [...FEATURE_NAMES],
    clusters,
    ...plantedAri(features.planted, labels),
    k_selection: clustering.kSelection,
    stability: bootstrapStability(
      standardized.matrix,
      clustering.fitSample,
      labels,
      k,
      settings.stabilityResamples,
      clustering.selectionSample.length,
      settings,
    ),
    pca: pcaProjection(standardized.matrix, clustering.fitSample, pointSample, features.userIds, labels, clustering.centroids, k),
    category_preferences: await categoryPreferences(connection, window, features.userIds, labels, k),
    window: normalizedWindow(window),
    n_users: features.raw.rows,
    population: profiles.population,
    feature_definitions: FEATURES.map((f, c) => ({
      name: f.name,
      label: f.label,
      unit: f.unit,
      transform: f.transform,
      why: f.why,
      mean: standardized.means[c]!,
      sd: standardized.sds[c]!,
    })),
    method: {
      k_min: settings.kMin,
      k_max: settings.kMax,
      seed: settings.seed,
      restarts: settings.restarts,
      max_iterations: settings.maxIterations,
      tolerance: settings.tolerance,
      selection_sample_size: clustering.selectionSample.length,
      fit_sample_size: clustering.fitSample.length,
      refine_iterations: clustering.refineIterations,
    },
    notes: clustering.notes,
  };
  return {
    summary,
    users: {
      userIds: features.userIds,
      clusters: labels,
      features: [...FEATURE_NAMES],
      standardized: standardized.matrix,
      raw: features.raw,
      planted: features.planted,
    },
  };
}

/** Writes user_segments.parquet: user_id, cluster, then the standardized value of each feature. */
export async function writeUserSegmentsParquet(connection: DuckDBConnection, result: SegmentsResult, path: string): Promise<void> {
  await writeUserSegmentsTable(connection, result.users, path);
}

/** ARI vs the planted segment over the users that have one (null when none has). */
export function plantedAri(planted: readonly (string | null)[], labels: Int32Array): { ari_vs_planted: number | null; planted_users: number } {
  const truth: string[] = [];
  const found: number[] = [];
  planted.forEach((segment, i) => {
    if (segment !== null) {
      truth.push(segment);
      found.push(labels[i]!);
    }
  });
  return { ari_vs_planted: truth.length > 0 ? adjustedRandIndex(truth, found) : null, planted_users: truth.length };
}

function plantedCounts(planted: readonly (string | null)[], labels: Int32Array, k: number): PlantedCount[][] {
  const counts = Array.from({ length: k }, () => new Map<string, number>());
  planted.forEach((segment, i) => {
    if (segment !== null) counts[labels[i]!]!.set(segment, (counts[labels[i]!]!.get(segment) ?? 0) + 1);
  });
  return counts.map((map) => [...map].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([segment, users]) => ({ segment, users })));
}

function centroidRecords(clustering: Clustering): Record<FeatureName, number>[] {
  const cols = FEATURE_NAMES.length;
  return Array.from({ length: clustering.k }, (_, cluster) => {
    const record = {} as Record<FeatureName, number>;
    FEATURE_NAMES.forEach((name, c) => (record[name] = clustering.centroids[cluster * cols + c]!));
    return record;
  });
}

function clusterTraits(cluster: number, group: GroupProfile, z: Record<FeatureName, number>): ClusterTraits {
  return {
    cluster,
    share: group.share,
    z,
    // Every group has at least one user and every active user a session, so these rates exist.
    buyer_share: group.buyer_share.rate ?? 0,
    session_conversion: group.session_conversion.rate ?? 0,
    revenue_share: group.revenue_share,
    revenue_per_user: group.revenue_per_user,
    median_product_views: group.spread.product_views.median,
    median_recency_days: group.spread.recency_days.median,
    median_sessions: group.spread.sessions.median,
  };
}

function populationTraits(population: GroupProfile): PopulationTraits {
  return {
    buyer_share: population.buyer_share.rate ?? 0,
    revenue_per_user: population.revenue_per_user,
    median_product_views: population.spread.product_views.median,
    median_recency_days: population.spread.recency_days.median,
  };
}

function definedOnly(options: SegmentsOptions): Partial<ClusteringOptions & { stabilityResamples: number; pcaSampleSize: number }> {
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined));
}

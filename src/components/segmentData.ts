// Pure helpers for the Segments page: the loader's summary turned into the rows each chart draws and
// each CSV offers, the words that describe a feature or a principal axis, and the facts the prose
// quotes. No DOM, so Node tests import it.
import { formatCurrency, formatNumber, formatPercent, formatPercentInterval, MISSING } from "./format.js";

/** A published rate with its 95% Wilson interval; rate is null when there were no trials. */
export interface Rate {
  rate: number | null;
  successes: number;
  trials: number;
  ci_low: number;
  ci_high: number;
}

export interface Spread {
  sd: number;
  q1: number;
  median: number;
  q3: number;
}

/** A cluster, or the whole population, in raw units. */
export interface Group {
  size: number;
  share: number;
  profile: Record<string, number>;
  spread: Record<string, Spread>;
  revenue: number;
  revenue_share: number;
  revenue_per_user: number;
  session_conversion: Rate;
  buyer_share: Rate;
  cart_abandonment: Rate;
  window_shoppers: Rate;
}

export interface Cluster extends Group {
  cluster: number;
  name: string;
  rule: string;
  meaning: string;
  /** Mean z-score of each feature over the cluster's users (0 = the population's average). */
  centroid: Record<string, number>;
  planted: { segment: string; users: number }[];
}

export interface FeatureInfo {
  name: string;
  label: string;
  unit: string;
  transform: "log1p" | "none";
  why: string;
  mean: number;
  sd: number;
}

export interface CategoryPreference {
  cluster: number;
  category: string;
  views: number;
  view_share: number | null;
  view_lift: number | null;
  purchases: number;
  purchase_share: number | null;
  purchase_lift: number | null;
}

export interface KSelectionRow {
  k: number;
  inertia: number;
  silhouette: number | null;
}

/** The parts of segments.json the helpers read. */
export interface SegmentsPage {
  window: { start: string; end: string };
  n_users: number;
  k: number;
  silhouette: number | null;
  ari_vs_planted: number | null;
  planted_users: number;
  k_selection: KSelectionRow[];
  feature_definitions: FeatureInfo[];
  clusters: Cluster[];
  population: Group;
  pca: {
    explained_variance: [number, number];
    loadings: [number[], number[]];
    centroids: { cluster: number; x: number; y: number }[];
    points: { x: number[]; y: number[]; cluster: number[] };
  };
  category_preferences: CategoryPreference[];
}

/**
 * Plot's observable10 palette, one colour per cluster in cluster order. Mid-lightness hues, so each
 * stands out from both the light and the dark background.
 */
export const CLUSTER_COLOURS = ["#4269d0", "#efb118", "#ff725c", "#6cc5b0", "#3ca951", "#ff8ab7", "#a463f2", "#97bbf5", "#9c6b4e", "#9498a0"];

export function clusterColour(cluster: number): string {
  return CLUSTER_COLOURS[cluster % CLUSTER_COLOURS.length]!;
}

/** Cluster names in cluster order, and their colours: the shared colour scale of the page. */
export function clusterScale(clusters: readonly Pick<Cluster, "cluster" | "name">[]): { domain: string[]; range: string[] } {
  const ordered = [...clusters].sort((a, b) => a.cluster - b.cluster);
  return { domain: ordered.map((c) => c.name), range: ordered.map((c) => clusterColour(c.cluster)) };
}

/** A feature's label without its parenthetical definition: "Orders (sessions with a purchase)" → "Orders". */
export function shortLabel(feature: Pick<FeatureInfo, "label">): string {
  return feature.label.replace(/\s*\(.*\)\s*$/, "");
}

/** A raw feature value in its unit: money as currency, shares as percentages, the rest as numbers. */
export function formatFeatureValue(value: number, unit: string): string {
  if (!Number.isFinite(value)) return MISSING;
  if (unit.startsWith("currency")) return formatCurrency(value);
  if (unit.startsWith("share")) return formatPercent(value, 1);
  const digits = Number.isInteger(value) || Math.abs(value) >= 100 ? 0 : 1;
  if (unit === "days") return `${formatNumber(value, digits)} days`;
  if (unit === "minutes") return `${formatNumber(value, digits)} min`;
  return formatNumber(value, digits);
}

/** A rate as "4.2% (95% CI 3.9–4.5%)", or a dash when it is undefined. */
export function formatRate(rate: Rate): string {
  return rate.rate === null ? MISSING : formatPercentInterval(rate.rate, rate.ci_low, rate.ci_high);
}

/** A z-score with its sign: "+1.44", "−0.65", "0.00". */
export function formatZ(z: number): string {
  const text = formatNumber(z, 2);
  return z > 0 && text !== "0.00" ? `+${text}` : text;
}

export interface ProfileRow {
  cluster: number;
  segment: string;
  feature: string;
  feature_label: string;
  transform: string;
  /** The cluster's mean z-score: its K-means centroid. */
  z: number;
  /** Mean and median raw value in the cluster, and the mean over all active users. */
  mean: number;
  median: number;
  population_mean: number;
}

/** One row per cluster × feature, features in column order. */
export function profileRows(page: Pick<SegmentsPage, "clusters" | "feature_definitions" | "population">): ProfileRow[] {
  return page.feature_definitions.flatMap((feature) =>
    page.clusters.map((cluster) => ({
      cluster: cluster.cluster,
      segment: cluster.name,
      feature: feature.name,
      feature_label: shortLabel(feature),
      transform: feature.transform,
      z: cluster.centroid[feature.name] ?? 0,
      mean: cluster.profile[feature.name] ?? Number.NaN,
      median: cluster.spread[feature.name]?.median ?? Number.NaN,
      population_mean: page.population.profile[feature.name] ?? Number.NaN,
    })),
  );
}

/** The label of the population row in per-group charts. */
export const ALL_USERS = "All active users";

export interface FeatureRow {
  group: string;
  /** The cluster number, or null for all active users. */
  cluster: number | null;
  feature: string;
  users: number;
  mean: number;
  sd: number;
  q1: number;
  median: number;
  q3: number;
}

/** One feature's distribution in each cluster, then over all active users. */
export function featureRows(page: Pick<SegmentsPage, "clusters" | "population">, feature: string): FeatureRow[] {
  const row = (group: string, cluster: number | null, g: Group): FeatureRow => {
    const spread = g.spread[feature];
    if (!spread) throw new RangeError(`no feature ${feature}`);
    return { group, cluster, feature, users: g.size, mean: g.profile[feature] ?? Number.NaN, ...spread };
  };
  return [...page.clusters.map((c) => row(c.name, c.cluster, c)), row(ALL_USERS, null, page.population)];
}

export interface PcaRow {
  x: number;
  y: number;
  cluster: number;
  segment: string;
}

/** The scatter's points as rows, from the loader's columns. */
export function pcaRows(page: Pick<SegmentsPage, "pca" | "clusters">): PcaRow[] {
  const { x, y, cluster } = page.pca.points;
  if (y.length !== x.length || cluster.length !== x.length) throw new RangeError("PCA point columns differ in length");
  const names = new Map(page.clusters.map((c) => [c.cluster, c.name]));
  return x.map((xi, i) => ({ x: xi, y: y[i]!, cluster: cluster[i]!, segment: names.get(cluster[i]!) ?? `Cluster ${cluster[i]}` }));
}

/** A loading this large (a unit eigenvector's weight) counts as a feature the axis is "about". */
export const SALIENT_LOADING = 0.25;

/** What a principal axis measures: the features it rises and falls with, strongest first (at most `n` each). */
export function axisFeatures(loadings: readonly number[], features: readonly Pick<FeatureInfo, "label">[], n = 3) {
  const weighted = features.map((feature, i) => ({ label: shortLabel(feature).toLowerCase(), loading: loadings[i] ?? 0 }));
  const rises = weighted.filter((f) => f.loading >= SALIENT_LOADING).sort((a, b) => b.loading - a.loading).slice(0, n);
  const falls = weighted.filter((f) => f.loading <= -SALIENT_LOADING).sort((a, b) => a.loading - b.loading).slice(0, n);
  return { rises: rises.map((f) => f.label), falls: falls.map((f) => f.label) };
}

/** "a", "a and b", "a, b and c". */
export function listWords(words: readonly string[]): string {
  if (words.length <= 1) return words[0] ?? "";
  return `${words.slice(0, -1).join(", ")} and ${words.at(-1)}`;
}

/** "rises with sessions and product views; falls with days since last event". */
export function describeAxis(loadings: readonly number[], features: readonly Pick<FeatureInfo, "label">[], n = 3): string {
  const { rises, falls } = axisFeatures(loadings, features, n);
  const parts = [rises.length ? `rises with ${listWords(rises)}` : "", falls.length ? `falls with ${listWords(falls)}` : ""].filter(Boolean);
  return parts.join("; ") || "no single feature dominates it";
}

export interface ContingencyRow {
  cluster: number;
  segment: string;
  planted: string;
  users: number;
  /** users / all users of the planted segment (where each planted segment went). */
  share_of_planted: number;
  /** users / the cluster's users with a planted segment (what each cluster is made of). */
  share_of_cluster: number;
}

/** Every cluster × planted segment pair, zeros included; planted segments sorted by name. */
export function contingencyRows(clusters: readonly Pick<Cluster, "cluster" | "name" | "planted">[]): ContingencyRow[] {
  const planted = [...new Set(clusters.flatMap((c) => c.planted.map((p) => p.segment)))].sort();
  const plantedTotals = new Map(planted.map((segment) => [segment, 0]));
  for (const c of clusters) for (const p of c.planted) plantedTotals.set(p.segment, plantedTotals.get(p.segment)! + p.users);
  return clusters.flatMap((c) => {
    const clusterTotal = c.planted.reduce((sum, p) => sum + p.users, 0);
    return planted.map((segment) => {
      const users = c.planted.find((p) => p.segment === segment)?.users ?? 0;
      const ofPlanted = plantedTotals.get(segment)!;
      return {
        cluster: c.cluster,
        segment: c.name,
        planted: segment,
        users,
        share_of_planted: ofPlanted > 0 ? users / ofPlanted : 0,
        share_of_cluster: clusterTotal > 0 ? users / clusterTotal : 0,
      };
    });
  });
}

export interface PlantedSplit {
  planted: string;
  users: number;
  /** The cluster holding most of the planted segment's users, and the share it holds. */
  segment: string;
  share: number;
}

/** Where most of each planted segment's users ended up. */
export function plantedSplits(rows: readonly ContingencyRow[]): PlantedSplit[] {
  const planted = [...new Set(rows.map((r) => r.planted))];
  return planted.map((name) => {
    const own = rows.filter((r) => r.planted === name);
    const top = own.reduce((best, r) => (r.users > best.users ? r : best));
    return { planted: name, users: own.reduce((sum, r) => sum + r.users, 0), segment: top.segment, share: top.share_of_planted };
  });
}

export type CategoryMeasure = "views" | "purchases";

export interface CategoryRow {
  cluster: number;
  segment: string;
  category: string;
  measure: CategoryMeasure;
  count: number;
  /** The cluster's views (or purchases) of all categories. */
  cluster_total: number;
  /** count / cluster_total; null when the cluster has none at all. */
  share: number | null;
  /** share / the population's share of the category; null when undefined. */
  lift: number | null;
}

export function categoryRows(page: Pick<SegmentsPage, "category_preferences" | "clusters">, measure: CategoryMeasure): CategoryRow[] {
  const names = new Map(page.clusters.map((c) => [c.cluster, c.name]));
  const totals = new Map<number, number>();
  for (const p of page.category_preferences) totals.set(p.cluster, (totals.get(p.cluster) ?? 0) + (measure === "views" ? p.views : p.purchases));
  return page.category_preferences.map((p) => ({
    cluster: p.cluster,
    segment: names.get(p.cluster) ?? `Cluster ${p.cluster}`,
    category: p.category,
    measure,
    count: measure === "views" ? p.views : p.purchases,
    cluster_total: totals.get(p.cluster) ?? 0,
    share: measure === "views" ? p.view_share : p.purchase_share,
    lift: measure === "views" ? p.view_lift : p.purchase_lift,
  }));
}

export interface KRow extends KSelectionRow {
  chosen: boolean;
}

export function kRows(page: Pick<SegmentsPage, "k_selection" | "k">): KRow[] {
  return page.k_selection.map((row) => ({ ...row, chosen: row.k === page.k }));
}

/** WCAG relative luminance of "#rrggbb" or "rgb(r, g, b)"; mid-grey for anything else. */
export function luminance(colour: string): number {
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(colour);
  const rgb = /rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(colour);
  const parts = hex ? hex.slice(1).map((h) => parseInt(h, 16)) : rgb ? rgb.slice(1).map(Number) : [128, 128, 128];
  const [r = 0, g = 0, b = 0] = parts.map((c) => (c / 255 <= 0.04045 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Black or white, whichever contrasts more with the colour behind the text. */
export function textColourOn(background: string): "black" | "white" {
  // The luminance at which black and white text have equal contrast: (L + 0.05)² = 1.05 × 0.05.
  return luminance(background) > 0.179 ? "black" : "white";
}

/** The facts the lede quotes; any of them may be missing on other data. */
export interface LedeFacts {
  largest: Cluster;
  /** The cluster with the largest revenue share, when it is not the largest one. */
  earners?: Cluster;
  /** The cluster named by the window-shopper rule, if any. */
  windowShoppers?: Cluster;
}

export function ledeFacts(page: Pick<SegmentsPage, "clusters">): LedeFacts {
  if (page.clusters.length === 0) throw new RangeError("no clusters");
  const largest = page.clusters.reduce((a, b) => (b.size > a.size ? b : a));
  const earner = page.clusters.reduce((a, b) => (b.revenue_share > a.revenue_share ? b : a));
  const windowShoppers = page.clusters.find((c) => c.rule === "window_shoppers");
  return {
    largest,
    ...(earner !== largest && earner.revenue_share > 0 ? { earners: earner } : {}),
    ...(windowShoppers && windowShoppers !== largest && windowShoppers !== earner ? { windowShoppers } : {}),
  };
}

/** The features K-means saw after log1p, as words: "sessions, product views, …". */
export function loggedFeatures(features: readonly FeatureInfo[]): string[] {
  return features.filter((f) => f.transform === "log1p").map((f) => shortLabel(f).toLowerCase());
}

/** Words for an adjusted Rand index: how far two partitions agree beyond chance. */
export function ariWords(ari: number): string {
  if (ari < 0.2) return "little agreement beyond chance";
  if (ari < 0.6) return "partial agreement";
  return "strong agreement";
}

/**
 * Where the planted segments went, in one sentence: planted segments grouped by the segment that holds
 * most of their users, e.g. "Most of planted Occasional (81%) and Regular (57%) users are in One-visit users;
 * most of planted High Value (76%) in Loyal high spenders."
 */
export function plantedSentence(splits: readonly PlantedSplit[]): string {
  const bySegment = new Map<string, PlantedSplit[]>();
  for (const split of splits) bySegment.set(split.segment, [...(bySegment.get(split.segment) ?? []), split]);
  const groups = [...bySegment].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]));
  const clauses = groups.map(([segment, members], i) => {
    const names = listWords(members.map((m) => `${m.planted} (${formatPercent(m.share, 0)})`));
    return i === 0 ? `most of the planted ${names} users are in ${segment}` : `most of the planted ${names} users in ${segment}`;
  });
  const text = clauses.join("; ");
  return text ? `${text.charAt(0).toUpperCase()}${text.slice(1)}.` : "";
}

export interface SegmentTableRow {
  cluster: number;
  segment: string;
  rule: string;
  users: number;
  user_share: number;
  revenue: number;
  revenue_share: number;
  revenue_per_user: number;
  session_conversion: number | null;
  session_conversion_ci_low: number;
  session_conversion_ci_high: number;
  buyer_share: number | null;
  buyer_share_ci_low: number;
  buyer_share_ci_high: number;
  cart_abandonment: number | null;
  cart_abandonment_ci_low: number;
  cart_abandonment_ci_high: number;
  window_shoppers: number | null;
  window_shoppers_ci_low: number;
  window_shoppers_ci_high: number;
  meaning: string;
}

/** One row per segment with its size, revenue and rates (with 95% Wilson bounds), largest first. */
export function segmentTableRows(clusters: readonly Cluster[]): SegmentTableRow[] {
  const flat = (name: "session_conversion" | "buyer_share" | "cart_abandonment" | "window_shoppers", rate: Rate) => ({
    [name]: rate.rate,
    [`${name}_ci_low`]: rate.ci_low,
    [`${name}_ci_high`]: rate.ci_high,
  });
  return [...clusters]
    .sort((a, b) => b.size - a.size)
    .map((c) => ({
      cluster: c.cluster,
      segment: c.name,
      rule: c.rule,
      users: c.size,
      user_share: c.share,
      revenue: c.revenue,
      revenue_share: c.revenue_share,
      revenue_per_user: c.revenue_per_user,
      ...flat("session_conversion", c.session_conversion),
      ...flat("buyer_share", c.buyer_share),
      ...flat("cart_abandonment", c.cart_abandonment),
      ...flat("window_shoppers", c.window_shoppers),
      meaning: c.meaning,
    })) as SegmentTableRow[];
}

/** An axis tick: 0, 5, 0.5, 2k, 1.5k, 30k, 2M. */
export function compactNumber(value: number): string {
  const magnitude = Math.abs(value);
  const [divisor, suffix] = magnitude >= 1e6 ? [1e6, "M"] : magnitude >= 1e3 ? [1e3, "k"] : [1, ""];
  const scaled = value / divisor;
  return `${formatNumber(scaled, Number.isInteger(Math.round(scaled * 10) / 10) ? 0 : 1)}${suffix}`;
}

/**
 * Ticks for a log1p axis of `pixels` length from 0 to `max`: 0 then 1-2-5 steps per decade, dropping
 * any that would sit closer than `gap` pixels to the previous one.
 */
export function spacedLog1pTicks(max: number, pixels: number, gap = 36): number[] {
  const position = (t: number) => (Math.log1p(t) / Math.log1p(Math.max(max, 1e-9))) * pixels;
  const ticks: number[] = [0];
  for (let decade = 1; decade <= Math.max(1, max); decade *= 10) {
    for (const step of [1, 2, 5]) {
      const t = step * decade;
      if (t <= max && position(t) - position(ticks.at(-1)!) >= gap) ticks.push(t);
    }
  }
  return ticks;
}

/**
 * A share as a percentage with as many decimals as it needs not to mislead: 0 and 1 exactly as "0%" and
 * "100%", shares within a percentage point of either end with two decimals (0.0003 → "0.03%",
 * 0.9997 → "99.97%", never "0.0%" or "100.0%"), the rest with one.
 */
export function formatShare(p: number): string {
  if (p === 0 || p === 1) return formatPercent(p, 0);
  return formatPercent(p, p < 0.01 || p > 0.99 ? 2 : 1);
}

/**
 * Why this data has no segments to compare, or null when it has. K-means is scored by the silhouette,
 * which needs at least k + 1 users and k distinct feature vectors for k ≥ 2: with fewer than three
 * active users, or with every user's features identical, everyone lands in one segment (k = 1), and
 * the charts that compare segments would compare one with itself. Plain text.
 */
export function singleSegmentReason(page: Pick<SegmentsPage, "k" | "n_users">): string | null {
  if (page.k > 1) return null;
  const users = page.n_users;
  const who = `${users === 1 ? "the only active user" : `the ${users === 2 ? "two" : formatNumber(users)} active users`}`;
  const why =
    users < 3
      ? `Comparing even two segments needs three active users (the silhouette that picks k needs more users than segments), and this data has ${users === 1 ? "one" : "two"}`
      : `All ${formatNumber(users)} active users have exactly the same feature values, so K-means has nothing to tell them apart by`;
  return `${why}: ${who} ${users === 1 ? "forms" : "form"} a single segment, and there is nothing to compare.`;
}

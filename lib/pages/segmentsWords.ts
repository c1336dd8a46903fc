/**
 * The Segments page's small wording rules (lib/pages/segments.ts builds the page with them): a feature
 * value in its unit and currency, a principal axis in words, where the planted segments went, why one
 * segment is all the data holds. Pure functions over the segmentation's own types, tested by hand-worked
 * cases in test/pages/segments.test.ts.
 */
import type { FeatureInfo, SegmentCluster } from "../analysis/segments";
import { MISSING, formatList, formatMoney, formatNumber, formatPercent, formatSigned } from "../format";

/** A feature's label without its parenthetical definition: "Orders (sessions with a purchase)" → "Orders". */
export function shortLabel(feature: Pick<FeatureInfo, "label">): string {
  return feature.label.replace(/\s*\(.*\)\s*$/, "");
}

/** A raw feature value in its unit: money in the data's currency, shares as percentages, the rest as numbers. */
export function formatFeatureValue(value: number, unit: string, symbol: string): string {
  if (!Number.isFinite(value)) return MISSING;
  if (unit.startsWith("currency")) return formatMoney(value, 2, symbol);
  if (unit.startsWith("share")) return formatPercent(value, 1);
  const digits = Number.isInteger(value) || Math.abs(value) >= 100 ? 0 : 1;
  if (unit === "days") return `${formatNumber(value, digits)} ${value === 1 ? "day" : "days"}`;
  if (unit === "minutes") return `${formatNumber(value, digits)} min`;
  return formatNumber(value, digits);
}

/** A z-score with its sign and the true minus: "+1.44", "−0.65", "0.00". */
export const formatZ = (z: number): string => formatSigned(z, 2);

/** A loading this large (a unit eigenvector's weight) counts as a feature the axis is "about". */
export const SALIENT_LOADING = 0.25;

/** What a principal axis measures: the features it rises and falls with, strongest first (at most `n` each). */
export function axisFeatures(loadings: readonly number[], features: readonly Pick<FeatureInfo, "label">[], n = 3) {
  const weighted = features.map((feature, i) => ({ label: shortLabel(feature).toLowerCase(), loading: loadings[i] ?? 0 }));
  const rises = weighted.filter((f) => f.loading >= SALIENT_LOADING).sort((a, b) => b.loading - a.loading).slice(0, n);
  const falls = weighted.filter((f) => f.loading <= -SALIENT_LOADING).sort((a, b) => a.loading - b.loading).slice(0, n);
  return { rises: rises.map((f) => f.label), falls: falls.map((f) => f.label) };
}

/** "rises with sessions and product views; falls with days since last event". */
export function describeAxis(loadings: readonly number[], features: readonly Pick<FeatureInfo, "label">[], n = 3): string {
  const { rises, falls } = axisFeatures(loadings, features, n);
  const parts = [rises.length ? `rises with ${formatList(rises)}` : "", falls.length ? `falls with ${formatList(falls)}` : ""].filter(Boolean);
  return parts.join("; ") || "no single feature dominates it";
}

/** Words for an adjusted Rand index: how far two partitions agree beyond chance. */
export function ariWords(ari: number): string {
  if (ari < 0.2) return "little agreement beyond chance";
  if (ari < 0.6) return "partial agreement";
  return "strong agreement";
}

/** One cell of the planted × found contingency table. */
export interface ContingencyCell {
  cluster: number;
  segment: string;
  planted: string;
  users: number;
  /** users / all users of the planted segment (where each planted segment went). */
  share_of_planted: number;
  /** users / the cluster's users with a planted segment (what each cluster is made of). */
  share_of_cluster: number;
}

/** Every cluster × planted segment pair, zeros included; planted segments sorted by name (code points). */
export function contingencyCells(clusters: readonly Pick<SegmentCluster, "cluster" | "name" | "planted">[]): ContingencyCell[] {
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
  /** The clusters holding most of the planted segment's users (several on a tie), and the share each holds. */
  segments: string[];
  share: number;
}

/** Where most of each planted segment's users ended up; a tie names every segment in it. */
export function plantedSplits(cells: readonly ContingencyCell[]): PlantedSplit[] {
  const planted = [...new Set(cells.map((r) => r.planted))];
  return planted.map((name) => {
    const own = cells.filter((r) => r.planted === name);
    const most = Math.max(...own.map((r) => r.users));
    const top = own.filter((r) => r.users === most);
    return { planted: name, users: own.reduce((sum, r) => sum + r.users, 0), segments: top.map((r) => r.segment), share: top[0]!.share_of_planted };
  });
}

/**
 * Where the planted segments went, in one sentence: planted segments grouped by the segment that holds
 * most of their users, e.g. "Most of the planted Occasional (81%) and Regular (57%) users are in One-visit
 * users; most of the planted High Value (76%) users in Loyal high spenders." A planted segment split evenly
 * between segments is said so. Planted segments without users say nothing.
 */
export function plantedSentence(splits: readonly PlantedSplit[]): string {
  const bySegment = new Map<string, PlantedSplit[]>();
  const even: string[] = [];
  for (const split of splits) {
    if (split.users === 0) continue;
    if (split.segments.length > 1) {
      even.push(`the planted ${split.planted} users are split evenly between ${formatList(split.segments)} (${formatPercent(split.share, 0)} each)`);
      continue;
    }
    const segment = split.segments[0]!;
    bySegment.set(segment, [...(bySegment.get(segment) ?? []), split]);
  }
  const groups = [...bySegment].sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const clauses = groups.map(([segment, members], i) => {
    const names = formatList(members.map((m) => `${m.planted} (${formatPercent(m.share, 0)})`));
    return i === 0 ? `most of the planted ${names} users are in ${segment}` : `most of the planted ${names} users in ${segment}`;
  });
  const text = [...clauses, ...even].join("; ");
  return text ? `${text.charAt(0).toUpperCase()}${text.slice(1)}.` : "";
}

const SMALL = ["no", "one", "two"];

/**
 * Why this data has no segments to compare, or null when it has. K-means is scored by the silhouette,
 * which needs at least k + 1 users and k distinct feature vectors for k ≥ 2: with fewer than three
 * active users, or with every user's features identical, everyone lands in one segment (k = 1), and
 * the charts that compare segments would compare one with itself. Plain text.
 */
export function singleSegmentReason(k: number, users: number): string | null {
  if (k > 1) return null;
  const who = users === 1 ? "the only active user" : `the ${users === 2 ? "two" : formatNumber(users)} active users`;
  const why =
    users < 3
      ? `Comparing even two segments needs three active users (the silhouette that picks k needs more users than segments), and this data has ${SMALL[users] ?? formatNumber(users)}`
      : `All ${formatNumber(users)} active users have exactly the same feature values, so K-means has nothing to tell them apart by`;
  return `${why}: ${who} ${users === 1 ? "forms" : "form"} a single segment, and there is nothing to compare.`;
}

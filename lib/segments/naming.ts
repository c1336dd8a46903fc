/**
 * Human names for clusters, derived from their profiles by fixed rules — never typed in for one dataset.
 * The rules are tried in order and the first that matches names the cluster; each also writes one
 * sentence on what the cluster means for the business. Thresholds are on scale-free quantities (shares,
 * and centroid z-scores where 0 is the population average), so they carry over between datasets.
 * Names are unique within a result: clusters sharing a name get their most distinctive feature as a
 * qualifier ("Window shoppers (recent)"), then a number if that is still not enough.
 */
import { countOf, formatInteger, formatMoney, formatNumber, formatShare, formatSigned } from "../format";
import { FEATURES, type FeatureName } from "./features";

export type SegmentRule =
  | "loyal_high_spenders"
  | "window_shoppers"
  | "lapsed"
  | "one_visit"
  | "newcomers"
  | "occasional_buyers"
  | "regular_customers"
  | "casual_browsers"
  | "everyone";

/** What the rules look at for one cluster. */
export interface ClusterTraits {
  cluster: number;
  share: number;
  /** Standardized centroid; a missing feature counts as 0 (population average). */
  z: Partial<Record<FeatureName, number>>;
  /** Share of users with at least one order. */
  buyer_share: number;
  /** Share of sessions with a purchase. */
  session_conversion: number;
  revenue_share: number;
  revenue_per_user: number;
  median_product_views: number;
  median_recency_days: number;
  median_sessions: number;
}

/** The same quantities for all active users, to express a cluster relative to everyone. */
export interface PopulationTraits {
  buyer_share: number;
  revenue_per_user: number;
  median_product_views: number;
  median_recency_days: number;
}

export interface ClusterName {
  cluster: number;
  name: string;
  rule: SegmentRule;
  meaning: string;
  /** Why the cluster got its name: the rule's conditions, each with this cluster's value. */
  evidence: string;
}

interface Rule {
  rule: SegmentRule;
  name: string;
  matches(t: ClusterTraits, population: PopulationTraits): boolean;
  meaning(t: ClusterTraits, population: PopulationTraits): string;
  /**
   * The rule's conditions, each with the cluster's own value, written beside the test from the same
   * constants (a threshold is never repeated as literal text). Rules are tried in order; the first that
   * holds names the cluster, so a later rule's text also says that the earlier ones did not hold.
   */
  evidence(t: ClusterTraits, population: PopulationTraits): string;
}

/** "Almost no purchases": at most one user in ten ever buys. */
export const NEVER_BUYS_SHARE = 0.1;
/** "Buys": at least one user in four has an order. */
export const BUYS_SHARE = 0.25;

/** "High spender": at least twice the population's revenue per user. */
export const HIGH_SPEND_INDEX = 2;
/** A centroid this many standard deviations above the average recency counts as lapsed. */
export const LAPSED_RECENCY_Z = 0.75;
/** "Most buy": at least half the cluster has bought. */
export const MOST_BUY_SHARE = 0.5;
/** Orders this many standard deviations above average count as ordering often. */
export const FREQUENT_ORDERS_Z = 0.5;
/** Lapsed only if the median member was last seen at least this many days before the window end. */
export const LAPSED_MIN_DAYS = 30;
/** At most this many sessions for the median member: one visit. */
export const ONE_VISIT_SESSIONS = 1;
/** Arrived this many standard deviations later than average (tenure below): newcomers. */
export const NEWCOMER_TENURE_Z = -0.75;
/** The average user on a z-scored feature: "more than average" is at least this, "less" below it. */
export const AVERAGE_Z = 0;

const bought = (t: ClusterTraits) => `${formatShare(t.buyer_share)} have bought`;
const sd = (t: ClusterTraits, feature: FeatureName) => formatSigned(z(t, feature), 2);
const EARLIER = (rules: string) => `No earlier rule (${rules}) held.`;

export const RULES: readonly Rule[] = [
  {
    rule: "loyal_high_spenders",
    name: "Loyal high spenders",
    // Most buy, they spend at least twice the average user, order more often than average and are still around.
    matches: (t, p) =>
      t.buyer_share >= MOST_BUY_SHARE &&
      t.revenue_per_user >= HIGH_SPEND_INDEX * p.revenue_per_user &&
      p.revenue_per_user > 0 &&
      z(t, "orders") >= FREQUENT_ORDERS_Z &&
      z(t, "recency_days") < LAPSED_RECENCY_Z,
    evidence: (t, p) =>
      `${bought(t)} (rule: at least ${formatShare(MOST_BUY_SHARE)}); revenue per user ${formatMoney(t.revenue_per_user)} against ${formatMoney(p.revenue_per_user)} for all active users ` +
      `(rule: at least ${formatNumber(HIGH_SPEND_INDEX, 0)}×); orders ${sd(t, "orders")} sd from the average (rule: at least ${formatSigned(FREQUENT_ORDERS_Z)}); ` +
      `days since last event ${sd(t, "recency_days")} sd (rule: below ${formatSigned(LAPSED_RECENCY_Z)}).`,
    meaning: (t) =>
      `They are ${pct(t.share)} of active users but bring ${pct(t.revenue_share)} of revenue, so keeping them ` +
      `with loyalty perks and early access matters more than discounting to them.`,
  },
  {
    rule: "window_shoppers",
    name: "Window shoppers",
    // Browse at least as much as the average user (log scale), almost never buy.
    matches: (t) => t.buyer_share <= NEVER_BUYS_SHARE && z(t, "product_views") >= AVERAGE_Z,
    evidence: (t) =>
      `${bought(t)} (rule: at most ${formatShare(NEVER_BUYS_SHARE)}); product views ${sd(t, "product_views")} sd from the average on the log scale (rule: at least ${formatSigned(AVERAGE_Z)}).`,
    meaning: (t, p) =>
      `They view a median of ${count(t.median_product_views)} products (all users: ${count(p.median_product_views)}) ` +
      `yet ${buyers(t.buyer_share)}, so checkout friction, pricing and retargeting of viewed products are the levers.`,
  },
  {
    rule: "lapsed",
    name: "Lapsed / churned",
    // Last seen well before everyone else, and at least a month ago.
    matches: (t) => z(t, "recency_days") >= LAPSED_RECENCY_Z && t.median_recency_days >= LAPSED_MIN_DAYS,
    evidence: (t) =>
      `Days since last event ${sd(t, "recency_days")} sd from the average (rule: at least ${formatSigned(LAPSED_RECENCY_Z)}), ` +
      `median ${countOf(Math.round(t.median_recency_days), "day")} (rule: at least ${countOf(LAPSED_MIN_DAYS, "day")}).`,
    meaning: (t) =>
      `Their last visit was a median ${countOf(Math.round(t.median_recency_days), "day")} before the window end, so only a ` +
      `win-back campaign can reach them, ` +
      (t.revenue_per_user > 0
        ? `worth its cost where their past spend (${money(t.revenue_per_user)} per user) justifies it.`
        : `and since none of them ever bought, only a cheap one.`),
  },
  {
    rule: "one_visit",
    name: "One-visit users",
    // Most of them came once: a name about how often they came, not about when they arrived.
    matches: (t) => t.median_sessions <= ONE_VISIT_SESSIONS,
    evidence: (t) =>
      `Median sessions ${count(t.median_sessions)} (rule: at most ${formatInteger(ONE_VISIT_SESSIONS)}). ${EARLIER("loyal high spenders, window shoppers, lapsed")}`,
    meaning: (t) =>
      `Most of them came only once and ${buyers(t.buyer_share)}, so the first visit (onboarding, a first-purchase ` +
      `incentive, a reason to come back) decides whether they become customers.`,
  },
  {
    rule: "newcomers",
    name: "Newcomers",
    // Arrived much later than the average user: too early to tell what they will become.
    matches: (t) => z(t, "tenure_days") <= NEWCOMER_TENURE_Z,
    evidence: (t) =>
      `Days since first event ${sd(t, "tenure_days")} sd from the average (rule: at most ${formatSigned(NEWCOMER_TENURE_Z)}). ` +
      EARLIER("loyal high spenders, window shoppers, lapsed, one-visit"),
    meaning: (t) =>
      `They arrived recently and ${buyers(t.buyer_share)}, so onboarding and a first-purchase incentive decide ` +
      `whether they become customers.`,
  },
  {
    rule: "occasional_buyers",
    name: "Occasional buyers",
    matches: (t) => t.buyer_share >= BUYS_SHARE && z(t, "sessions") < AVERAGE_Z,
    evidence: (t) => `${bought(t)} (rule: at least ${formatShare(BUYS_SHARE)}); sessions ${sd(t, "sessions")} sd from the average (rule: below ${formatSigned(AVERAGE_Z)}).`,
    meaning: (t) =>
      `${capitalise(pct(t.buyer_share))} of them have bought but they visit less often than the average user, so ` +
      `reminders and replenishment emails can raise how often they purchase.`,
  },
  {
    rule: "regular_customers",
    name: "Regular customers",
    matches: (t) => t.buyer_share >= BUYS_SHARE,
    evidence: (t) => `${bought(t)} (rule: at least ${formatShare(BUYS_SHARE)}), and no earlier, more specific rule held.`,
    meaning: (t) =>
      `A steady core in which ${pct(t.buyer_share)} have bought and who bring ${pct(t.revenue_share)} of revenue, so ` +
      `personalised recommendations can grow their baskets.`,
  },
  {
    rule: "casual_browsers",
    name: "Casual browsers",
    matches: () => true,
    evidence: () => "No other rule held: the default name.",
    meaning: (t) =>
      `Light, low-intent visitors of whom ${pct(t.buyer_share)} have bought, best reached through cheap broad ` +
      `channels rather than personal offers.`,
  },
];

/**
 * The one cluster there is when the data cannot be split (k = 1): it is everyone, and a rule that
 * compares it with the average user would compare it with itself.
 */
const EVERYONE: Rule = {
  rule: "everyone",
  name: "All active users",
  matches: () => true,
  evidence: () => "The data could not be split into segments (k = 1), so this one segment is every active user.",
  meaning: (t) =>
    `One segment holds every active user, so its profile is simply the shop's average user, and ` +
    `${t.buyer_share === 0 ? "none of them has bought" : `${pct(t.buyer_share)} of them have bought`}.`,
};

/** The name of the single cluster of a clustering that found no split (k = 1). */
export function nameOnlyCluster(only: ClusterTraits, population: PopulationTraits): ClusterName {
  return named(only, EVERYONE, population);
}

function named(t: ClusterTraits, rule: Rule, population: PopulationTraits): ClusterName {
  return { cluster: t.cluster, name: rule.name, rule: rule.rule, meaning: rule.meaning(t, population), evidence: rule.evidence(t, population) };
}

export function nameClusters(clusters: readonly ClusterTraits[], population: PopulationTraits): ClusterName[] {
  const names = clusters.map((t) => named(t, RULES.find((r) => r.matches(t, population))!, population));
  return disambiguate(names, clusters);
}

/** Makes names unique, deterministically (depends only on the clusters' order and traits). */
function disambiguate(named: ClusterName[], traits: readonly ClusterTraits[]): ClusterName[] {
  const result = named.map((n) => ({ ...n }));
  for (const [name, members] of groupByName(named)) {
    if (members.length < 2) continue;
    for (const i of members) {
      const word = qualifier(traits[i]!, members.map((m) => traits[m]!));
      if (word !== null) result[i]!.name = withNote(name, word);
    }
  }
  // Still the same name (no feature tells them apart): their size does, or failing that a letter;
  // never "… 2", which reads as a second kind rather than a second group of the same kind.
  for (const [name, members] of groupByName(result)) {
    if (members.length < 2) continue;
    const bySize = members.map((i) => withNote(name, `${formatShare(traits[i]!.share)} of active users`));
    const distinct = new Set(bySize).size === members.length;
    members.forEach((i, j) => (result[i]!.name = distinct ? bySize[j]! : withNote(name, `group ${String.fromCharCode(65 + j)}`)));
  }
  return result;
}

/** "One-visit users" + "low-converting" → "One-visit users (low-converting)"; a second note joins the first. */
function withNote(name: string, note: string): string {
  return name.endsWith(")") ? `${name.slice(0, -1)}, ${note})` : `${name} (${note})`;
}

function groupByName(named: readonly ClusterName[]): Map<string, number[]> {
  const byName = new Map<string, number[]>();
  named.forEach((n, i) => byName.set(n.name, [...(byName.get(n.name) ?? []), i]));
  return byName;
}

/** Below this gap (in standard deviations) a cluster does not really stand out on any feature. */
const MIN_QUALIFIER_GAP = 0.05;

/**
 * The feature on which a cluster stands out most from the others sharing its name, as an adjective;
 * null when it does not stand out on any (then only a number tells it apart).
 */
function qualifier(t: ClusterTraits, group: readonly ClusterTraits[]): string | null {
  let best: { word: string; gap: number } | undefined;
  for (const feature of FEATURES) {
    const mean = group.reduce((sum, other) => sum + z(other, feature.name), 0) / group.length;
    const gap = z(t, feature.name) - mean;
    if (!best || Math.abs(gap) > Math.abs(best.gap)) best = { word: gap >= 0 ? feature.high : feature.low, gap };
  }
  return best && Math.abs(best.gap) >= MIN_QUALIFIER_GAP ? best.word : null;
}

function z(t: ClusterTraits, feature: FeatureName): number {
  return t.z[feature] ?? 0;
}

const pct = formatShare;

function buyers(share: number): string {
  if (share === 0) return "none of them has bought";
  return share < 0.001 ? "fewer than 0.1% have bought" : `only ${pct(share)} have bought`;
}

/** A median count: whole, or with one decimal when it falls between two counts. */
function count(value: number): string {
  return formatNumber(value, Number.isInteger(value) ? 0 : 1);
}

/** Money in prose: whole units from 100 up, cents below. */
function money(value: number): string {
  return formatMoney(value, value >= 100 ? 0 : 2);
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

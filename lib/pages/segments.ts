/**
 * The Segments page: everything data-driven it shows, built at build time under one type, SegmentsPage:
 * the segmentation summary (docs/metrics.md §6–7) trimmed to what the page draws, the rows of every
 * chart, every sentence, caption, text alternative, tooltip, evidence string and CSV header, with money
 * in the data's currency and the data notes that concern segments; for each input, the text of every
 * choice (the browser only picks one by key). The SQL is the segments engine's own (its trace).
 * Components (src/components/segment*.ts) import the type only; src/segments.md places the parts.
 *
 * Privacy: nothing per user leaves this file but the PCA scatter's sampled points, and those carry only
 * their cluster and two coordinates: no user id, email or name.
 *
 * Size: the scatter's points are sent as columns (x, y, cluster) and every non-integer is rounded, so
 * the file stays small (tens of kilobytes gzipped on the default data).
 */
import type { RichText } from "./richText";
import type { CoverageData } from "../analysis/coverage";
import type { FeatureInfo, GroupProfile, Rate, SegmentCluster, SegmentsSummary } from "../analysis/segments";
import type { AnalysisWindow } from "../dataset/window";
import type { SqlTrace } from "../db/sqlTrace";
import {
  MISSING,
  countOf,
  formatInteger,
  formatList,
  formatMoney,
  formatNumber,
  formatPercent,
  formatPercentInterval,
  formatShare,
  leaders,
  plural,
  quoted,
  windowText,
} from "../format";
import { roundDeep } from "../output/round";
import { WINDOW_SHOPPER_MIN_VIEWS } from "../segments/profile";
import { topCategoryPreferences } from "../segments/topCategoryPreferences";
import type { KpiCard } from "./overview";
import {
  type ContingencyCell,
  ariWords,
  contingencyCells,
  describeAxis,
  formatFeatureValue,
  formatZ,
  plantedSentence,
  plantedSplits,
  shortLabel,
  singleSegmentReason,
} from "./segmentsWords";

/** How many categories the category heatmap names; the rest are one "Other" row. */
export const TOP_SEGMENT_CATEGORIES = 15;

/** The label of the population row in per-group charts. */
export const ALL_USERS = "All active users";

/** The statements computeSegments sent to DuckDB, in order. */
export interface SegmentsSql {
  /** One row per active user: every feature K-means sees, plus the planted segment where present. */
  features: string;
  /** The category preference counts: the table of cluster labels, then the query joining it to events. */
  categories: string;
}

/** A CSV row: its keys are the CSV's headers (money columns name the currency). */
export type CsvRow = Record<string, string | number | boolean | null>;

/** Everything a chart card shows around its chart. */
export interface ChartText {
  title: string;
  caption: RichText;
  alt: string;
  summary: string;
  sql: string;
  filename: string;
  /** The CSV's columns, in order (all of the rows' keys when absent). */
  columns?: string[];
}

/** A chart that may be left out: `missing` says why (plain text), and the card says it instead. */
interface Omittable {
  missing: string | null;
}

export interface SegmentsPage {
  window: AnalysisWindow;
  /** The window's days and their zone: "2025-01-01 to 2025-12-31 (UTC)". */
  window_text: string;
  currency: CoverageData["currency"];
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
  category_preferences_shown: ReturnType<typeof topCategoryPreferences>["shown"];
  method: SegmentsSummary["method"];
  notes: string[];
  /** Product views from which a user who never bought counts as a window shopper (the profiles' rate). */
  window_shopper_min_views: number;
  /** Why each cluster got its name: the rule's conditions, each with this cluster's value. */
  naming: { cluster: number; evidence: string }[];
  sql: SegmentsSql;

  /** Segment names in cluster order: the columns of the heatmaps and the colour domain. */
  segments: string[];
  /** Why the data holds one segment only (plain text), null when there are several to compare. */
  single: string | null;
  /** The opening paragraph. */
  lede: RichText;
  /** What the data's shape means for the segments (unpriced purchases, dates only, repeated rows). */
  data_notes: string[];
  kpis: KpiCard[];
  /** One card per segment, largest first. */
  cards: SegmentCard[];
  revenue: ChartText & Omittable & { rows: RevenueRow[]; csv: CsvRow[] };
  profile: ChartText & Omittable & { rows: ProfileRow[]; features: string[] };
  /** The feature input: its choices, the one shown first, and each choice's chart. */
  feature: { options: { key: string; label: string }[]; initial: string; by: Record<string, FeatureChart> };
  /** The map and its highlight input (key "all", or a cluster number). */
  map: Omittable & {
    x_label: string;
    y_label: string;
    centroids: (SegmentsSummary["pca"]["centroids"][number] & { segment: string })[];
    options: { key: string; label: string }[];
    by: Record<string, ChartText>;
  };
  /** The category heatmap and its measure input. */
  categories: Omittable & {
    /** Row order: categories by name, then the "Other" bucket when there is one. */
    order: string[];
    options: { key: CategoryMeasure; label: string }[];
    by: Record<CategoryMeasure, ChartText & { rows: CategoryRow[]; columns_order: string[] }>;
  };
  k_chart: ChartText & Omittable & { rows: KRow[] };
  /** The paragraph on agreement with planted segments and stability ("" with one segment). */
  agreement: RichText;
  /** The planted × found heatmap, null when the data has no planted segments (or one segment only). */
  planted: (ChartText & { rows: PlantedRow[] }) | null;
  /** The method in brief. */
  method_text: RichText;
}

export interface SegmentCard {
  cluster: number;
  name: string;
  size: RichText;
  rates: { term: string; value: string; count: string }[];
  meaning: string;
  rule: string;
  evidence: string;
}

export interface RevenueRow {
  cluster: number;
  segment: string;
  user_share: number;
  revenue_share: number;
  user_label: string;
  revenue_label: string;
  tip_users: string;
  tip_revenue: string;
  tip_revenue_per_user: string;
}

export interface ProfileRow {
  cluster: number;
  segment: string;
  feature: string;
  feature_label: string;
  unit: string;
  transform: string;
  /** The cluster's mean z-score: its K-means centroid. */
  z: number;
  /** Mean and median raw value in the cluster, and the mean over all active users. */
  mean: number;
  median: number;
  population_mean: number;
  label: string;
  tip_z: string;
  tip_mean: string;
  tip_median: string;
  tip_population: string;
}

export interface FeatureRow {
  group: string;
  /** The cluster number, or null for all active users. */
  cluster: number | null;
  feature: string;
  unit: string;
  users: number;
  mean: number;
  sd: number;
  q1: number;
  median: number;
  q3: number;
  median_label: string;
  tip_users: string;
  tip_middle: string;
  tip_median: string;
  tip_mean: string;
  tip_sd: string;
}

export interface FeatureChart extends ChartText {
  rows: FeatureRow[];
  axis_label: string;
  logged: boolean;
  /** How the axis ticks read: percentages, money (with the currency's symbol) or plain numbers. */
  ticks: "share" | "money" | "number";
}

export type CategoryMeasure = "views" | "purchases";

export interface CategoryRow {
  cluster: number;
  segment: string;
  /** The column header: the segment's name and its total. */
  column: string;
  category: string;
  measure: CategoryMeasure;
  count: number;
  /** The cluster's views (or purchases) of all categories. */
  cluster_total: number;
  /** count / cluster_total; null when the cluster has none at all. */
  share: number | null;
  /** share / the population's share of the category; null when undefined. */
  lift: number | null;
  label: string;
  tip_share: string;
  tip_lift: string;
}

export interface KRow {
  k: number;
  inertia: number;
  silhouette: number | null;
  chosen: boolean;
  inertia_label: string;
  silhouette_label: string;
  tip_k: string;
  tip_inertia: string;
  tip_silhouette: string;
}

export interface PlantedRow extends ContingencyCell {
  label: string;
  tip_users: string;
  tip_share_of_planted: string;
  tip_share_of_cluster: string;
}

/** What the page's builder reads beside the segmentation: the data's currency, zone and notes. */
export type SegmentsCoverage = Pick<CoverageData, "currency" | "timezone" | "notes" | "revenue" | "funnel_fit_note">;

const byCluster = <T extends { cluster: number }>(items: readonly T[]) => [...items].sort((a, b) => a.cluster - b.cluster);
const largestFirst = <T extends { cluster: number; size: number }>(items: readonly T[]) =>
  [...items].sort((a, b) => b.size - a.size || a.cluster - b.cluster);

const rateText = (rate: Rate) => (rate.rate === null ? MISSING : formatPercentInterval(rate.rate, rate.ci_low, rate.ci_high));
/** A unit for CSV and tooltips, money in the data's currency: "currency per order" → "USD per order". */
const unitOf = (feature: Pick<FeatureInfo, "unit">, code: string) => feature.unit.replace(/^currency/, code);

/** The page's data from computeSegments' summary, the SQL it ran, and what the data holds. */
export function buildSegmentsPage(summary: SegmentsSummary, trace: SqlTrace, coverage: SegmentsCoverage): SegmentsPage {
  const { pca } = summary;
  const categories = topCategoryPreferences(summary.category_preferences, TOP_SEGMENT_CATEGORIES);
  const data = roundDeep(
    {
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
    },
    6,
  ) as Pick<
    SegmentsPage,
    | "window"
    | "n_users"
    | "k"
    | "inertia"
    | "silhouette"
    | "ari_vs_planted"
    | "planted_users"
    | "stability"
    | "k_selection"
    | "feature_definitions"
    | "clusters"
    | "population"
    | "pca"
    | "category_preferences"
    | "category_preferences_shown"
    | "notes"
  >;
  const sql = segmentsSql(trace);
  const words = new Words(data, summary.method, sql, coverage);
  return {
    ...data,
    window_text: words.window,
    currency: coverage.currency,
    // Not rounded: the convergence tolerance is far below a millionth.
    method: summary.method,
    window_shopper_min_views: WINDOW_SHOPPER_MIN_VIEWS,
    naming: summary.clusters.map((cluster) => ({ cluster: cluster.cluster, evidence: cluster.evidence })),
    sql,
    segments: words.names,
    single: words.single,
    lede: words.lede(),
    data_notes: coverage.notes.filter((note) => note !== coverage.funnel_fit_note),
    kpis: words.kpis(),
    cards: words.cards(),
    revenue: words.revenueChart(),
    profile: words.profileChart(),
    feature: words.featureCharts(),
    map: words.map(),
    categories: words.categoryCharts(),
    k_chart: words.kChart(),
    agreement: words.agreement(),
    planted: words.plantedChart(),
    method_text: words.methodText(),
  };
}

type Data = Pick<
  SegmentsPage,
  "window" | "n_users" | "k" | "silhouette" | "ari_vs_planted" | "planted_users" | "stability" | "k_selection" | "feature_definitions" | "clusters" | "population" | "pca" | "category_preferences" | "category_preferences_shown" | "notes"
>;

/** The page's words, each built from the rounded data the page also carries. */
class Words {
  readonly window: string;
  readonly names: string[];
  readonly single: string | null;
  private readonly clusters: SegmentCluster[];
  private readonly symbol: string;
  private readonly definition: string;
  private readonly logged: string[];
  private readonly sampleWords: string;
  /** Why revenue charts cannot be drawn (no price anywhere, or no revenue at all), null when they can. */
  private readonly noRevenue: string | null;

  constructor(
    private readonly data: Data,
    private readonly method: SegmentsSummary["method"],
    private readonly sql: SegmentsSql,
    private readonly coverage: SegmentsCoverage,
  ) {
    this.window = windowText(data.window, coverage.timezone);
    this.clusters = byCluster(data.clusters);
    this.names = this.clusters.map((c) => c.name);
    this.single = singleSegmentReason(data.k, data.n_users);
    this.symbol = coverage.currency.symbol;
    const features = data.feature_definitions;
    this.logged = features.filter((f) => f.transform === "log1p").map((f) => shortLabel(f).toLowerCase());
    this.sampleWords =
      method.selection_sample_size >= data.n_users ? `all ${countOf(data.n_users, "user")}` : `a seeded sample of ${countOf(method.selection_sample_size, "user")}`;
    this.definition =
      `Population: the ${countOf(data.n_users, "user")} with at least one event in the window, ${this.window}. ` +
      `Features: ${features.length} per user, the ${formatInteger(this.logged.length)} heavy-tailed counts and amounts log1p-transformed, then all z-scored. ` +
      `k = ${data.k}: the highest mean silhouette over k = ${method.k_min}–${method.k_max}.`;
    this.noRevenue = !coverage.revenue.measurable
      ? "No purchase in the data has a price, so revenue cannot be measured and no segment's share of it can be drawn."
      : data.population.revenue === 0
        ? "The data has no revenue in the window, so there is no share of it to compare."
        : null;
  }

  private money(x: number, digits = 2): string {
    return formatMoney(x, digits, this.symbol);
  }

  private featureSql(note: string): string {
    return `-- ${note}\n${this.sql.features}`;
  }

  /** Why a comparison chart is left out: one segment only, or (for revenue) no revenue to share. */
  private missing(): string | null {
    return this.single ? "One segment only, so there is nothing to compare; the top of the page says why." : null;
  }

  lede(): RichText {
    const { n_users: users, k, population } = this.data;
    if (this.single) {
      return [`The ${countOf(users, "user")} active from ${this.window} cannot be split into segments. ${this.single} The segment's profile is below; the comparisons are left out.`];
    }
    const lede: RichText = ["K-means finds ", { strong: `${k} groups` }, ` among the ${countOf(users, "user")} who were active from ${this.window}. `];
    const largest = leaders(this.clusters, (c) => c.size);
    const revenue = this.noRevenue === null;
    if (largest.length === 1) {
      const [top] = largest as [SegmentCluster];
      lede.push("The largest, ", { em: top.name }, ", holds ", { strong: formatShare(top.share) }, " of them");
      lede.push(revenue ? ` and ${formatShare(top.revenue_share)} of the revenue. ` : ". ");
    } else {
      lede.push(`The largest segments are tied: ${formatList(largest.map((c) => c.name))} hold ${formatShare(largest[0]!.share)} of them each. `);
    }
    const earners = revenue ? leaders(this.clusters, (c) => c.revenue_share) : [];
    const earner = earners.length === 1 && !largest.includes(earners[0]!) ? earners[0]! : null;
    if (earner) {
      lede.push(
        { em: earner.name },
        ` are ${formatShare(earner.share)} of users but bring `,
        { strong: formatShare(earner.revenue_share) },
        ` of the revenue, ${this.money(earner.revenue_per_user)} per user against ${this.money(population.revenue_per_user)} for everyone. `,
      );
    }
    const shoppers = this.clusters.find((c) => c.rule === "window_shoppers");
    if (shoppers && !largest.includes(shoppers) && shoppers !== earner) {
      const views = Math.round(shoppers.profile.product_views);
      lede.push(
        "And ",
        { strong: formatShare(shoppers.share) },
        " are ",
        { em: shoppers.name },
        `: they view ${countOf(views, "product")} on average (median ${formatNumber(shoppers.spread.product_views.median, 0)}, against ${formatNumber(population.spread.product_views.median, 0)} for all users) and `,
        shoppers.buyer_share.successes === 0 ? "not one of them has ever bought." : `only ${formatShare(shoppers.buyer_share.rate ?? 0)} of them have bought.`,
      );
    }
    return lede;
  }

  kpis(): KpiCard[] {
    const { k, silhouette, stability, ari_vs_planted: ari, planted_users } = this.data;
    const { k_min, k_max } = this.method;
    return [
      {
        label: "Segments found",
        value: String(k),
        caption: this.single ? `no k from ${k_min} to ${k_max} is possible on this data` : `the highest mean silhouette over k = ${k_min}–${k_max}`,
      },
      {
        label: "Mean silhouette",
        value: silhouette === null ? MISSING : formatNumber(silhouette, 2),
        caption: "how much nearer users sit to their own segment than to the next one; 1 is perfectly apart, 0 on the border",
      },
      {
        label: "Stability",
        value: stability.mean_ari === null ? MISSING : formatNumber(stability.mean_ari, 3),
        caption:
          stability.mean_ari === null
            ? "not measurable with one segment"
            : `mean ARI of ${countOf(stability.fitted, "refit")} on bootstrap resamples against the published segments (1 = identical)`,
      },
      {
        label: "Agreement with planted segments",
        value: ari === null ? MISSING : formatNumber(ari, 2),
        caption: ari === null ? "the data has no planted segments" : `adjusted Rand index over ${countOf(planted_users, "user")}: 0 is chance, 1 is the same partition`,
      },
    ];
  }

  cards(): SegmentCard[] {
    const revenue = this.noRevenue === null;
    return largestFirst(this.clusters).map((c) => {
      const rate = (term: string, r: Rate, count: string) => ({ term, value: rateText(r), count });
      const ofTrials = (r: Rate, noun: string) => `(${formatInteger(r.successes)} of ${countOf(r.trials, noun)})`;
      return {
        cluster: c.cluster,
        name: c.name,
        size: [
          { strong: formatInteger(c.size) },
          ` ${plural("user", c.size)}: ${formatShare(c.share)} of active users`,
          ...(revenue ? [", ", { strong: formatShare(c.revenue_share) }, ` of revenue (${this.money(c.revenue_per_user)} per user)`] : [""]),
        ],
        rates: [
          rate("Session conversion", c.session_conversion, ofTrials(c.session_conversion, "session")),
          rate("Bought at least once", c.buyer_share, ofTrials(c.buyer_share, "user")),
          rate(
            "Cart abandonment",
            c.cart_abandonment,
            c.cart_abandonment.trials > 0 ? ofTrials(c.cart_abandonment, "carted session") : "(no carted session)",
          ),
          rate(`Window shoppers (≥ ${formatInteger(WINDOW_SHOPPER_MIN_VIEWS)} views, no purchase)`, c.window_shoppers, `(${countOf(c.window_shoppers.successes, "user")})`),
        ],
        meaning: c.meaning,
        rule: c.rule,
        evidence: c.evidence,
      };
    });
  }

  revenueChart(): SegmentsPage["revenue"] {
    const code = this.coverage.currency.code;
    const ordered = largestFirst(this.clusters);
    const rows: RevenueRow[] = ordered.map((c) => ({
      cluster: c.cluster,
      segment: c.name,
      user_share: c.share,
      revenue_share: c.revenue_share,
      user_label: `${formatShare(c.share)} of users`,
      revenue_label: `${formatShare(c.revenue_share)} of revenue`,
      tip_users: `${formatInteger(c.size)} (${formatShare(c.share)})`,
      tip_revenue: `${this.money(c.revenue, 0)} (${formatShare(c.revenue_share)})`,
      tip_revenue_per_user: this.money(c.revenue_per_user),
    }));
    const flat = (name: string, r: Rate) => ({ [name]: r.rate, [`${name}_ci_low`]: r.ci_low, [`${name}_ci_high`]: r.ci_high });
    const csv: CsvRow[] = ordered.map((c) => ({
      cluster: c.cluster,
      segment: c.name,
      rule: c.rule,
      users: c.size,
      user_share: c.share,
      [`revenue (${code})`]: c.revenue,
      revenue_share: c.revenue_share,
      [`revenue_per_user (${code})`]: c.revenue_per_user,
      ...flat("session_conversion", c.session_conversion),
      ...flat("buyer_share", c.buyer_share),
      ...flat("cart_abandonment", c.cart_abandonment),
      ...flat("window_shoppers", c.window_shoppers),
      meaning: c.meaning,
    }));
    return {
      title: "Who brings the revenue?",
      missing: this.single ?? this.noRevenue,
      caption: [
        { strong: "Ring" },
        ": the segment's share of active users. ",
        { strong: "Dot" },
        `: its share of all revenue (price × quantity of purchase events in the window, in ${code}); the arrow runs from one to the other. Revenue per user is in each segment's card and in the CSV, with every rate's 95% Wilson interval. ${this.definition}`,
      ],
      alt: "Share of users against share of revenue, by segment",
      summary: rows.map((r) => `${r.segment}: ${r.user_label}, ${r.revenue_label}.`).join(" "),
      sql: this.featureSql("Per user: revenue, sessions, orders, carted sessions, product views; TypeScript sums them per segment for the shares and rates."),
      filename: "segments-revenue-and-rates",
      rows,
      csv,
    };
  }

  profileChart(): SegmentsPage["profile"] {
    const { feature_definitions: features, population } = this.data;
    const code = this.coverage.currency.code;
    const rows: ProfileRow[] = features.flatMap((feature) =>
      this.clusters.map((cluster) => {
        const z = cluster.centroid[feature.name] ?? 0;
        const value = (v: number | undefined) => formatFeatureValue(v ?? Number.NaN, feature.unit, this.symbol);
        return {
          cluster: cluster.cluster,
          segment: cluster.name,
          feature: feature.name,
          feature_label: shortLabel(feature),
          unit: unitOf(feature, code),
          transform: feature.transform,
          z,
          mean: cluster.profile[feature.name] ?? Number.NaN,
          median: cluster.spread[feature.name]?.median ?? Number.NaN,
          population_mean: population.profile[feature.name] ?? Number.NaN,
          label: formatZ(z),
          tip_z: `${formatZ(z)} sd${feature.transform === "log1p" ? " (log1p scale)" : ""}`,
          tip_mean: value(cluster.profile[feature.name]),
          tip_median: value(cluster.spread[feature.name]?.median),
          tip_population: value(population.profile[feature.name]),
        };
      }),
    );
    const strongest = (c: SegmentCluster) =>
      features
        .map((f) => ({ f, z: c.centroid[f.name] ?? 0 }))
        .sort((a, b) => Math.abs(b.z) - Math.abs(a.z))
        .slice(0, 3);
    return {
      title: "What sets each segment apart?",
      missing: this.missing(),
      caption: [
        { strong: "Cell" },
        `: the segment's mean z-score on a feature, i.e. its K-means centroid: how many standard deviations its average user sits above (blue) or below (red) the average active user. ` +
          `${this.logged.length ? `The z-scores of ${formatList(this.logged)} are on the log1p scale. ` : ""}Hover a cell for the mean and median in the feature's own units. ${this.definition}`,
      ],
      alt: `Heatmap of mean z-scores: ${countOf(features.length, "feature")} by ${countOf(this.data.k, "segment")}`,
      summary: this.clusters
        .map((c) => `${c.name} stands out most on ${formatList(strongest(c).map(({ f, z }) => `${shortLabel(f).toLowerCase()} (${formatZ(z)})`))}.`)
        .join(" "),
      sql: this.featureSql("Per user: the raw features. TypeScript applies log1p where noted, z-scores each column, and averages the z-scores per segment."),
      filename: "segment-profiles",
      columns: ["cluster", "segment", "feature", "feature_label", "unit", "transform", "z", "mean", "median", "population_mean"],
      rows,
      features: features.map((f) => shortLabel(f)),
    };
  }

  featureCharts(): SegmentsPage["feature"] {
    const features = this.data.feature_definitions;
    const code = this.coverage.currency.code;
    const by: Record<string, FeatureChart> = {};
    for (const feature of features) {
      const label = shortLabel(feature).toLowerCase();
      const fmt = (v: number) => formatFeatureValue(v, feature.unit, this.symbol);
      const row = (group: string, cluster: number | null, g: GroupProfile): FeatureRow => {
        const spread = g.spread[feature.name];
        const mean = g.profile[feature.name] ?? Number.NaN;
        return {
          group,
          cluster,
          feature: feature.name,
          unit: unitOf(feature, code),
          users: g.size,
          mean,
          ...spread,
          median_label: fmt(spread.median),
          tip_users: formatInteger(g.size),
          tip_middle: `${fmt(spread.q1)} to ${fmt(spread.q3)}`,
          tip_median: fmt(spread.median),
          tip_mean: fmt(mean),
          tip_sd: fmt(spread.sd),
        };
      };
      const rows = [...this.clusters.map((c) => row(c.name, c.cluster, c)), row(ALL_USERS, null, this.data.population)];
      const logged = feature.transform === "log1p";
      const money = feature.unit.startsWith("currency");
      by[feature.name] = {
        title: `How do the segments compare on ${label}?`,
        caption: [
          { strong: feature.label },
          `: ${feature.why}${money ? ` In ${code}.` : ""} `,
          { strong: "Bar" },
          ": the middle half of the segment's users (first to third quartile); ",
          { strong: "tick" },
          ": the median (also printed on the right); ",
          { strong: "ring" },
          `: the mean. ${logged ? "The axis is log1p, the scale K-means saw this feature on. " : ""}${this.definition}`,
        ],
        alt: `${feature.label} by segment: middle half, median and mean`,
        summary: rows.map((r) => `${r.group}: median ${r.tip_median}, middle half ${r.tip_middle}, mean ${r.tip_mean}.`).join(" "),
        sql: this.featureSql(`Per user: ${feature.name} and the other features. TypeScript takes each segment's quartiles, mean and standard deviation.`),
        filename: `segments-${feature.name}`,
        columns: ["group", "cluster", "feature", "unit", "users", "mean", "sd", "q1", "median", "q3"],
        rows,
        axis_label: `${feature.label}${money ? ` (${code})` : ""}${logged ? " (log1p axis)" : ""} →`,
        logged,
        ticks: feature.unit.startsWith("share") ? "share" : money ? "money" : "number",
      };
    }
    const initial = features.find((f) => f.name === "product_views")?.name ?? features[0]?.name ?? "";
    return { options: features.map((f) => ({ key: f.name, label: shortLabel(f) })), initial, by };
  }

  map(): SegmentsPage["map"] {
    const { pca, feature_definitions: features } = this.data;
    const [pc1, pc2] = pca.explained_variance;
    const names = new Map(this.clusters.map((c) => [c.cluster, c.name]));
    const centroids = pca.centroids.map((c) => ({ ...c, segment: names.get(c.cluster) ?? `Cluster ${c.cluster}` }));
    const axis1 = describeAxis(pca.loadings[0], features);
    const axis2 = describeAxis(pca.loadings[1], features);
    const points = pca.points.cluster;
    const sql = this.featureSql(
      "Per user: the raw features. TypeScript standardizes them, fits the principal components (ml-pca) on the fitting sample and projects a seeded sample of users.",
    );
    const caption: RichText = [
      { strong: "Dot" },
      `: one of ${countOf(points.length, "user")} drawn by a seeded sample, placed by the first two principal components of the ${features.length} standardized features; `,
      { strong: "diamond" },
      ": a segment's centroid. ",
      { strong: "PC1" },
      ` (${formatPercent(pc1, 0)} of the variance) ${axis1}; `,
      { strong: "PC2" },
      ` (${formatPercent(pc2, 0)}) ${axis2}. The map shows ${formatPercent(pc1 + pc2, 0)} of the variance: K-means worked in all ${features.length} dimensions, so segments that touch here can be apart in the others. ${this.definition}`,
    ];
    const summary = `${centroids.map((c) => `${c.segment}'s centroid sits at PC1 ${formatNumber(c.x, 1)}, PC2 ${formatNumber(c.y, 1)}`).join("; ")}. PC1 ${axis1}; PC2 ${axis2}.`;
    const by: Record<string, ChartText> = {
      all: {
        title: "How far apart are the segments?",
        caption,
        alt: "Principal-component map of sampled users, coloured by segment",
        summary,
        sql,
        filename: "segments-pca",
        columns: ["segment", "cluster", "x", "y"],
      },
    };
    for (const c of this.clusters) {
      by[String(c.cluster)] = {
        title: `Where do ${c.name} sit among everyone?`,
        caption,
        alt: `Principal-component map of sampled users, ${c.name} highlighted`,
        summary,
        sql,
        filename: `segments-pca-${c.name}`,
        columns: ["segment", "cluster", "x", "y"],
      };
    }
    return {
      missing: this.missing(),
      x_label: `PC1 (${formatPercent(pc1, 0)}) →`,
      y_label: `↑ PC2 (${formatPercent(pc2, 0)})`,
      centroids,
      options: [{ key: "all", label: "All segments" }, ...this.clusters.map((c) => ({ key: String(c.cluster), label: c.name }))],
      by,
    };
  }

  categoryCharts(): SegmentsPage["categories"] {
    const shown = this.data.category_preferences_shown;
    const preferences = this.data.category_preferences;
    const named = [...new Set(preferences.map((p) => p.category))].filter((c) => c !== shown.other).sort();
    const order = shown.other !== null && preferences.some((p) => p.category === shown.other) ? [...named, shown.other] : named;
    const chart = (measure: CategoryMeasure) => {
      const noun = measure === "views" ? "product views" : "purchases";
      const short = measure === "views" ? "view" : "purchase";
      const count = (p: (typeof preferences)[number]) => (measure === "views" ? p.views : p.purchases);
      const totals = new Map<number, number>();
      for (const p of preferences) totals.set(p.cluster, (totals.get(p.cluster) ?? 0) + count(p));
      const names = new Map(this.clusters.map((c) => [c.cluster, c.name]));
      const column = (cluster: number) => `${names.get(cluster) ?? `Cluster ${cluster}`}\n${countOf(totals.get(cluster) ?? 0, short)}`;
      const rows: CategoryRow[] = preferences.map((p) => {
        const share = measure === "views" ? p.view_share : p.purchase_share;
        const lift = measure === "views" ? p.view_lift : p.purchase_lift;
        const total = totals.get(p.cluster) ?? 0;
        return {
          cluster: p.cluster,
          segment: names.get(p.cluster) ?? `Cluster ${p.cluster}`,
          column: column(p.cluster),
          category: p.category,
          measure,
          count: count(p),
          cluster_total: total,
          share,
          lift,
          label: share === null ? MISSING : formatPercent(share, share < 0.1 ? 1 : 0),
          tip_share: share === null ? `none: the segment has no ${noun}` : `${formatPercent(share)} (${formatInteger(count(p))} of ${formatInteger(total)})`,
          tip_lift: lift === null ? "undefined" : `${formatNumber(lift, 2)}×`,
        };
      });
      const leaning = this.clusters.map((c) => {
        const own = rows.filter((r) => r.cluster === c.cluster && r.category !== shown.other && r.lift !== null && r.share !== null && r.share > 0);
        const top = leaders(own, (r) => r.lift!);
        if ((totals.get(c.cluster) ?? 0) === 0) return `${c.name} has no ${noun}.`;
        if (top.length !== 1) return `${c.name} leans towards no single category.`;
        const [r] = top as [CategoryRow];
        return `${c.name} leans most towards ${quoted(r.category)} (${formatPercent(r.share!)} of its ${noun}, lift ${formatNumber(r.lift!, 2)}).`;
      });
      return {
        title: `Which categories does each segment lean towards, by ${noun}?`,
        caption: [
          { strong: "Printed" },
          `: the category's share of the segment's ${noun} in the window. `,
          { strong: "Colour" },
          `: the lift, that share divided by the same share over all active users' ${noun}: above 1 (orange) the segment leans towards the category, below 1 (purple) away from it; a share of 0% takes the deepest purple. Each column header gives the segment's total, so a lift built on a handful of ${noun} reads as what it is; `,
          { strong: "grey" },
          ` cells with a dash: the segment has no ${noun} at all.` +
            (shown.other
              ? ` Rows: the ${formatInteger(shown.top)} of ${formatInteger(shown.categories)} categories with the most product views over all segments (ties by name, in code-point order), then ${shown.other}, their sum; analyze's segments.json has every category.`
              : "") +
            ` ${this.definition}`,
        ],
        alt: `Heatmap of category shares of ${noun} by segment, coloured by lift`,
        summary: leaning.join(" "),
        sql: this.sql.categories,
        filename: `segments-categories-${measure}`,
        columns: ["cluster", "segment", "category", "measure", "count", "cluster_total", "share", "lift"],
        rows,
        columns_order: this.clusters.map((c) => column(c.cluster)),
      };
    };
    return {
      missing: this.missing(),
      order,
      options: [
        { key: "views", label: "Product views" },
        { key: "purchases", label: "Purchases" },
      ],
      by: { views: chart("views"), purchases: chart("purchases") },
    };
  }

  kChart(): SegmentsPage["k_chart"] {
    const { k, k_selection: selection } = this.data;
    const rows: KRow[] = selection.map((r) => {
      const silhouette = r.silhouette === null ? "undefined" : formatNumber(r.silhouette, 3);
      return {
        ...r,
        chosen: r.k === k,
        inertia_label: `k = ${r.k}: ${formatInteger(r.inertia)}`,
        silhouette_label: `k = ${r.k}: ${silhouette}`,
        tip_k: `${r.k}${r.k === k ? " (chosen)" : ""}`,
        tip_inertia: formatInteger(r.inertia),
        tip_silhouette: silhouette,
      };
    });
    const best = rows.find((r) => r.chosen);
    const others = rows.filter((r) => !r.chosen && r.silhouette !== null);
    const runnersUp = leaders(others, (r) => r.silhouette!, false);
    const first = rows[0];
    const last = rows.at(-1);
    const runnerUp =
      runnersUp.length === 0
        ? ""
        : `; the next best is ${formatList(runnersUp.map((r) => `k = ${r.k}`))} (${formatNumber(runnersUp[0]!.silhouette!, 3)}${runnersUp.length > 1 ? " each" : ""})`;
    return {
      title: "How many segments does the data hold?",
      missing: this.missing(),
      caption: [
        { strong: "Left" },
        ": inertia, the sum of squared distances from each user's standardized feature vector to its segment's centroid; it always falls as k grows, and an elbow marks where more segments stop paying. ",
        { strong: "Right" },
        `: the mean silhouette, computed exactly on ${this.sampleWords}; the highest wins (dashed line). Each k is the best of ${countOf(this.method.restarts, "seeded k-means++ start")}. ${this.definition}`,
      ],
      alt: `Inertia and mean silhouette for k = ${this.method.k_min} to ${this.method.k_max}`,
      summary:
        `The silhouette peaks at k = ${k}${best?.silhouette != null ? ` (${formatNumber(best.silhouette, 3)})` : ""}${runnerUp}.` +
        (first && last && first !== last ? ` Inertia falls from ${formatInteger(first.inertia)} at k = ${first.k} to ${formatInteger(last.inertia)} at k = ${last.k}.` : ""),
      sql: this.featureSql("Per user: the raw features. TypeScript log1p-transforms and z-scores them, then runs ml-kmeans for every k and scores each fit."),
      filename: "segments-k-selection",
      columns: ["k", "inertia", "silhouette", "chosen"],
      rows,
    };
  }

  private stabilityText(): string {
    const { stability, k } = this.data;
    return stability.mean_ari === null
      ? "With a single segment there is nothing to refit."
      : `Refitting k = ${k} on ${countOf(stability.fitted, "bootstrap resample")} of ${countOf(stability.resample_size, "user")} and comparing with the published segments gives a mean ARI of ${formatNumber(stability.mean_ari, 3)} (lowest ${formatNumber(stability.min_ari ?? Number.NaN, 3)}): the segments are a property of the data, not of one sample or one random start.`;
  }

  agreement(): RichText {
    if (this.single) return [];
    const ari = this.data.ari_vs_planted;
    if (ari === null) return [`The data has no planted segments, so there is nothing to compare the segments with. ${this.stabilityText()}`];
    const splits = plantedSentence(plantedSplits(contingencyCells(this.clusters)));
    return [
      "The generated data records for each user the segment it was drawn from. Against those planted segments the agreement is an adjusted Rand index of ",
      { strong: formatNumber(ari, 2) },
      `: ${ariWords(ari)} (0 is what random labels score, 1 is the same partition). ${splits ? `${splits} ` : ""}` +
        "The planted segments overlap in behaviour: within one year's window, users drawn from different planted segments often visit, browse and buy alike, and K-means can only group them by what they did. " +
        this.stabilityText(),
    ];
  }

  plantedChart(): SegmentsPage["planted"] {
    const ari = this.data.ari_vs_planted;
    if (ari === null || this.single) return null;
    const cells = contingencyCells(this.clusters);
    const rows: PlantedRow[] = cells.map((c) => ({
      ...c,
      label: `${formatInteger(c.users)}\n${formatPercent(c.share_of_planted, 0)}`,
      tip_users: formatInteger(c.users),
      tip_share_of_planted: formatPercent(c.share_of_planted),
      tip_share_of_cluster: formatPercent(c.share_of_cluster),
    }));
    const splits = plantedSentence(plantedSplits(cells));
    return {
      title: "Where did each planted segment end up?",
      caption: [
        { strong: "Cell" },
        `: users who were drawn from the row's planted segment and are in the column's segment; the percentage and colour give the share of the planted segment's users that the column holds, so each row adds up to 100%. Adjusted Rand index over all ${countOf(this.data.planted_users, "user")}: ${formatNumber(ari, 3)}. ${this.definition}`,
      ],
      alt: "Contingency heatmap of segments by planted segment",
      summary: `${splits ? `${splits} ` : ""}Adjusted Rand index ${formatNumber(ari, 3)}.`,
      sql: this.featureSql("Per user: planted_segment and the features. TypeScript cross-tabulates the planted segment with the K-means segment and computes the adjusted Rand index."),
      filename: "segments-vs-planted",
      columns: ["cluster", "segment", "planted", "users", "share_of_planted", "share_of_cluster"],
      rows,
    };
  }

  methodText(): RichText {
    const { feature_definitions: features, n_users: users, notes } = this.data;
    const method = this.method;
    const list: RichText = [];
    features.forEach((f, i) => {
      if (i > 0) list.push(", ");
      list.push({ strong: shortLabel(f) }, f.transform === "log1p" ? " (log1p)" : "");
    });
    const fit = method.fit_sample_size >= users ? "all users" : `a seeded sample of ${countOf(method.fit_sample_size, "user")}`;
    return [
      `Features per active user (${features.length}): `,
      ...list,
      `. K-means by `,
      { em: "ml-kmeans" },
      ` with k-means++ starts: for each k from ${method.k_min} to ${method.k_max}, the best of ${countOf(method.restarts, "seeded start")} (seed ${method.seed}) on ${this.sampleWords}, scored by the exact mean silhouette; ` +
        `the winner is refitted on ${fit} and then refined by Lloyd iterations over all ${countOf(users, "user")} (${formatInteger(method.refine_iterations)} run). ` +
        `Segment names come from fixed rules on each profile.${notes.length ? ` Notes: ${notes.join(" ")}` : ""}`,
    ];
  }
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

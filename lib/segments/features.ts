/**
 * The per-user features K-means sees (docs/metrics.md §6), in column order. Each carries the reason it is
 * there (the README and the site list them), how it is transformed before z-scoring, and words used to
 * tell two otherwise same-named clusters apart.
 */
export type FeatureTransform = "log1p" | "none";

export interface FeatureDefinition {
  name: string;
  label: string;
  unit: string;
  /** log1p for heavy-tailed counts, durations and money, so a few extreme users do not own an axis. */
  transform: FeatureTransform;
  why: string;
  /** Adjectives for a cluster far above / below the others on this feature ("recent", "lapsed"). */
  high: string;
  low: string;
}

export const FEATURES = [
  {
    name: "recency_days",
    label: "Days since last event",
    unit: "days",
    transform: "none",
    why: "Recency (the R of RFM): separates active customers from lapsed or churned ones.",
    high: "lapsed",
    low: "recent",
  },
  {
    name: "tenure_days",
    label: "Days since first event",
    unit: "days",
    transform: "none",
    why: "How long the user has been around in the window: tells newcomers from long-standing users, which recency alone cannot.",
    high: "long-standing",
    low: "newer",
  },
  {
    name: "sessions",
    label: "Sessions",
    unit: "sessions",
    transform: "log1p",
    why: "Visit frequency: the backbone of engagement and of the F in RFM.",
    high: "frequent",
    low: "infrequent",
  },
  {
    name: "product_views",
    label: "Product views",
    unit: "views",
    transform: "log1p",
    why: "Browsing volume: high views with no purchase is the window-shopper signature.",
    high: "heavy-browsing",
    low: "light-browsing",
  },
  {
    name: "add_to_carts",
    label: "Add-to-cart events",
    unit: "events",
    transform: "log1p",
    why: "Purchase intent short of buying: the step between browsing and buying.",
    high: "cart-happy",
    low: "rarely-carting",
  },
  {
    name: "orders",
    label: "Orders (sessions with a purchase)",
    unit: "orders",
    transform: "log1p",
    why: "Purchase frequency (the F of RFM counted in orders, not visits): repeat buyers versus one-time buyers.",
    high: "repeat-buying",
    low: "seldom-buying",
  },
  {
    name: "revenue",
    label: "Revenue (price × quantity)",
    unit: "currency",
    transform: "log1p",
    why: "Monetary value (the M of RFM): who brings the money.",
    high: "high-spending",
    low: "low-spending",
  },
  {
    name: "avg_order_value",
    label: "Average order value",
    unit: "currency per order",
    transform: "log1p",
    why: "Basket size and price level per order (0 for non-buyers): price sensitivity, distinct from how often one buys.",
    high: "big-basket",
    low: "small-basket",
  },
  {
    name: "distinct_categories",
    label: "Distinct categories",
    unit: "categories",
    transform: "none",
    why: "Breadth of interest: explorers across the catalogue versus single-category shoppers.",
    high: "broad",
    low: "focused",
  },
  {
    name: "views_per_session",
    label: "Product views per session",
    unit: "views per session",
    transform: "log1p",
    why: "Depth of each visit, independent of how often the user comes.",
    high: "deep-browsing",
    low: "quick-visit",
  },
  {
    name: "abandoned_carts",
    label: "Abandoned carts (carted sessions without a purchase)",
    unit: "sessions",
    transform: "log1p",
    why: "Cart abandonment (friction at checkout) as a count, defined for everyone: a per-user rate would split non-buyers into an artificial 0% / 100% pair.",
    high: "cart-abandoning",
    low: "rarely-abandoning",
  },
  {
    name: "session_conversion",
    label: "Converting sessions",
    unit: "share of sessions",
    transform: "none",
    why: "Share of the user's sessions with a purchase: buying intent per visit, independent of volume.",
    high: "high-converting",
    low: "low-converting",
  },
  {
    name: "avg_session_minutes",
    label: "Average session length",
    unit: "minutes",
    transform: "log1p",
    why: "Time spent per visit (first to last event of a session): attention, and a sanity check on views per session.",
    high: "long-visit",
    low: "short-visit",
  },
] as const satisfies readonly FeatureDefinition[];

export type FeatureName = (typeof FEATURES)[number]["name"];

export const FEATURE_NAMES: FeatureName[] = FEATURES.map((feature) => feature.name);

/** Column position of a feature in every matrix of this module. */
export function featureIndex(name: FeatureName): number {
  return FEATURE_NAMES.indexOf(name);
}

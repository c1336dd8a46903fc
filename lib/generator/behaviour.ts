/**
 * The planted segments (docs/realism.md, "Planted truth"): each draws users who differ in how often they
 * visit, how long they stay, how much they browse, how readily they buy, how price-sensitive they are,
 * and what they like. Segmentation is validated by how well it recovers these.
 */
import { CATEGORIES } from "./catalog";
import type { PlantedSegment } from "../dataset/schema";

export interface SegmentBehaviour {
  name: PlantedSegment;
  share: number;
  /** Median sessions per week while active, and the spread across users (log scale). */
  weeklyVisits: number;
  visitSigma: number;
  /** Probability that a user comes back after the registration visit at all. */
  returnProbability: number;
  /** Mean active lifetime in days for returning users (exponential: a constant churn hazard). */
  meanLifetimeDays: number;
  /** Mean product views in a session that does not bounce. */
  viewsPerSession: number;
  /** Probability that a viewed product is added to the cart (before category and price effects). */
  cartPerView: number;
  /** Probability that a session with a cart checks out. */
  checkout: number;
  /** Probability that a carted line has quantity above one. */
  multiUnit: number;
  /** Exponent on price in product choice: > 0 favours cheap products, < 0 expensive ones. */
  priceSensitivity: number;
  /** Share of users of this segment who browse a lot and never buy. */
  windowShopperShare: number;
  /** Relative taste for each category, in CATEGORIES order. */
  categoryTaste: number[];
  /** Age distribution. */
  ageMean: number;
  ageSd: number;
}

const taste = (byName: Record<string, number>): number[] => CATEGORIES.map((c) => byName[c.name] ?? 1);

export const SEGMENTS: readonly SegmentBehaviour[] = [
  {
    name: "High Value",
    share: 0.1,
    weeklyVisits: 7.0,
    visitSigma: 0.35,
    returnProbability: 0.85,
    meanLifetimeDays: 300,
    viewsPerSession: 5.5,
    cartPerView: 0.05,
    checkout: 0.36,
    multiUnit: 0.35,
    priceSensitivity: -0.35,
    windowShopperShare: 0.0,
    categoryTaste: taste({ Electronics: 3, "Home & Kitchen": 2, Jewelry: 2.5, Clothing: 1.4, Grocery: 0.5, Books: 0.7 }),
    ageMean: 41,
    ageSd: 10,
  },
  {
    name: "Regular",
    share: 0.5,
    weeklyVisits: 3.1,
    visitSigma: 0.35,
    returnProbability: 0.4,
    meanLifetimeDays: 170,
    viewsPerSession: 4.2,
    cartPerView: 0.025,
    checkout: 0.36,
    multiUnit: 0.15,
    priceSensitivity: 0.25,
    windowShopperShare: 0.2,
    categoryTaste: taste({ Clothing: 1.6, "Home & Kitchen": 1.4, Electronics: 1.2, Beauty: 1.1 }),
    ageMean: 36,
    ageSd: 11,
  },
  {
    name: "Occasional",
    share: 0.3,
    weeklyVisits: 1.05,
    visitSigma: 0.35,
    returnProbability: 0.3,
    meanLifetimeDays: 90,
    viewsPerSession: 3.2,
    cartPerView: 0.02,
    checkout: 0.3,
    multiUnit: 0.08,
    priceSensitivity: 0.7,
    windowShopperShare: 0.16,
    categoryTaste: taste({ Grocery: 2.2, Books: 1.9, Beauty: 1.5, "Toys & Games": 1.3, Electronics: 0.6, Jewelry: 0.3 }),
    ageMean: 33,
    ageSd: 12,
  },
  {
    name: "New",
    share: 0.1,
    weeklyVisits: 3.3,
    visitSigma: 0.35,
    returnProbability: 0.5,
    meanLifetimeDays: 75,
    viewsPerSession: 4.5,
    cartPerView: 0.025,
    checkout: 0.28,
    multiUnit: 0.12,
    priceSensitivity: 0.35,
    windowShopperShare: 0.2,
    categoryTaste: taste({ Clothing: 2.1, Beauty: 1.8, Electronics: 1.3, "Sports & Outdoors": 1.3 }),
    ageMean: 27,
    ageSd: 7,
  },
];

/** Days before the window end within which "New" users register. */
export const NEW_USER_DAYS = 75;

/** Share of all users who register and never have a single event. */
export const NEVER_ACTIVE_SHARE = 0.06;

/** How a window shopper's browsing differs from their segment's. */
/**
 * How a window shopper differs from their segment: engaged but never buys. They come back (the
 * original analysis found them among the most engaged users), visit more, stay longer, and browse far
 * more per visit; they cart now and then but never check out.
 */
export const WINDOW_SHOPPER = { visitBoost: 3.5, viewBoost: 5, cartFactor: 0.2, lifetimeBoost: 2 } as const;

/**
 * The product catalogue: categories with their own price levels, log-normal prices in [10, 500],
 * seeded Faker names, and a Zipf-like popularity (a few products draw most views).
 */
import type { Faker } from "@faker-js/faker";
import { Rng } from "../random/rng";

export interface CategorySpec {
  name: string;
  /** Share of the catalogue. */
  share: number;
  /** Median price and log-scale spread. */
  medianPrice: number;
  priceSigma: number;
  /** How readily a view of this category turns into a cart (cheap, routine goods convert better). */
  cartAffinity: number;
}

export const CATEGORIES: readonly CategorySpec[] = [
  { name: "Electronics", share: 0.15, medianPrice: 170, priceSigma: 0.65, cartAffinity: 0.55 },
  { name: "Home & Kitchen", share: 0.13, medianPrice: 55, priceSigma: 0.7, cartAffinity: 1.0 },
  { name: "Clothing", share: 0.14, medianPrice: 42, priceSigma: 0.6, cartAffinity: 1.1 },
  { name: "Beauty", share: 0.1, medianPrice: 24, priceSigma: 0.5, cartAffinity: 1.35 },
  { name: "Sports & Outdoors", share: 0.1, medianPrice: 60, priceSigma: 0.7, cartAffinity: 0.9 },
  { name: "Books", share: 0.08, medianPrice: 17, priceSigma: 0.35, cartAffinity: 1.3 },
  { name: "Toys & Games", share: 0.08, medianPrice: 32, priceSigma: 0.6, cartAffinity: 1.05 },
  { name: "Grocery", share: 0.08, medianPrice: 15, priceSigma: 0.35, cartAffinity: 1.6 },
  { name: "Jewelry", share: 0.07, medianPrice: 130, priceSigma: 0.8, cartAffinity: 0.5 },
  { name: "Garden", share: 0.07, medianPrice: 45, priceSigma: 0.6, cartAffinity: 0.95 },
];

export const MIN_PRICE = 10;
export const MAX_PRICE = 500;

export interface Catalog {
  count: number;
  names: string[];
  category: Int32Array;
  price: Float64Array;
  /** Zipf popularity weight of each product. */
  popularity: Float64Array;
}

/** Draws a price from the category's log-normal, redrawing values outside [10, 500] (truncation, not clamping, so no pile-up at the bounds). */
function drawPrice(rng: Rng, spec: CategorySpec): number {
  for (let tries = 0; tries < 100; tries++) {
    const p = rng.logNormal(spec.medianPrice, spec.priceSigma);
    if (p >= MIN_PRICE && p <= MAX_PRICE) return Math.round(p * 100) / 100;
  }
  return Math.min(MAX_PRICE, Math.max(MIN_PRICE, spec.medianPrice));
}

export function buildCatalog(count: number, rng: Rng, faker: Faker): Catalog {
  const names: string[] = [];
  const category = new Int32Array(count);
  const price = new Float64Array(count);
  const popularity = new Float64Array(count);
  // Largest-remainder allocation of products to categories, so every category gets its share.
  let assigned = 0;
  CATEGORIES.forEach((spec, c) => {
    const n = c === CATEGORIES.length - 1 ? count - assigned : Math.round(spec.share * count);
    for (let i = 0; i < n && assigned < count; i++) category[assigned++] = c;
  });
  // Popularity ranks are a seeded permutation, so popularity is independent of category and price.
  const rank = Array.from({ length: count }, (_, i) => i);
  for (let i = count - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [rank[i], rank[j]] = [rank[j]!, rank[i]!];
  }
  for (let i = 0; i < count; i++) {
    price[i] = drawPrice(rng, CATEGORIES[category[i]!]!);
    popularity[i] = 1 / Math.pow(rank[i]! + 1, 1.05);
    names.push(faker.commerce.productName());
  }
  return { count, names, category, price, popularity };
}

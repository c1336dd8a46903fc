/**
 * Datasets for the segmentation tests: the seed-schema tables in an in-memory DuckDB, filled either by
 * hand (tiny, every feature worked out in the test) or by a small seeded simulator of user groups with
 * known ("planted") behaviour.
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import { type Database, openDatabase } from "../../lib/db/duckdb";
import { createTableSql } from "../../lib/dataset/schema";
import type { AnalysisWindow } from "../../lib/dataset/window";
import { uniformStream, type Rng } from "../../lib/segments/random";

export interface FixtureUser {
  user_id: string;
  segment: string | null;
  registration_date?: string;
}

export interface FixtureProduct {
  product_id: string;
  category: string;
  price: number;
}

export interface FixtureEvent {
  user_id: string;
  session_id: string;
  event_type: "session_start" | "product_view" | "add_to_cart" | "purchase" | "session_end";
  /** ISO timestamp (UTC). */
  timestamp: string;
  product_id?: string | null;
  category?: string | null;
  price?: number | null;
  quantity?: number | null;
}

export interface Fixture {
  window: AnalysisWindow;
  users: FixtureUser[];
  products: FixtureProduct[];
  events: FixtureEvent[];
}

export const YEAR_2025: AnalysisWindow = { start: "2025-01-01T00:00:00.000Z", end: "2026-01-01T00:00:00.000Z" };

/** An in-memory database with the three seed-schema tables, empty. */
export async function openSeedDatabase(): Promise<Database> {
  const db = await openDatabase(":memory:", { threads: 2 });
  for (const table of ["users", "products", "events"] as const) await db.connection.run(createTableSql(table));
  return db;
}

/** Opens a database and loads the fixture into it. */
export async function seedDatabase(fixture: Fixture): Promise<Database> {
  const db = await openSeedDatabase();
  await loadFixture(db.connection, fixture);
  return db;
}

/**
 * Appends the fixture's rows. Timestamps go through a BIGINT (epoch ms) staging column because the
 * appender has no ISO-string path into TIMESTAMP; DuckDB converts them with epoch_ms.
 */
export async function loadFixture(connection: DuckDBConnection, fixture: Fixture): Promise<void> {
  const users = await connection.createAppender("users");
  for (const u of fixture.users) {
    users.appendVarchar(u.user_id);
    users.appendNull(); // email
    users.appendNull(); // registration_date: not needed by segmentation
    users.appendNull(); // age
    users.appendNull(); // gender
    users.appendNull(); // location
    if (u.segment === null) users.appendNull();
    else users.appendVarchar(u.segment);
    users.endRow();
  }
  users.closeSync();

  const products = await connection.createAppender("products");
  for (const p of fixture.products) {
    products.appendVarchar(p.product_id);
    products.appendVarchar(`Product ${p.product_id}`);
    products.appendVarchar(p.category);
    products.appendDouble(p.price);
    products.endRow();
  }
  products.closeSync();

  await connection.run(`CREATE OR REPLACE TEMP TABLE events_staging (
    event_id BIGINT, user_id VARCHAR, session_id VARCHAR, event_type VARCHAR, ts_ms BIGINT,
    product_id VARCHAR, category VARCHAR, price DOUBLE, quantity INTEGER)`);
  const events = await connection.createAppender("events_staging", "main", "temp");
  fixture.events.forEach((e, i) => {
    events.appendBigInt(BigInt(i + 1));
    events.appendVarchar(e.user_id);
    events.appendVarchar(e.session_id);
    events.appendVarchar(e.event_type);
    const ms = Date.parse(e.timestamp);
    if (Number.isNaN(ms)) throw new RangeError(`bad timestamp ${e.timestamp}`);
    events.appendBigInt(BigInt(ms));
    appendOptionalText(events, e.product_id);
    appendOptionalText(events, e.category);
    if (e.price === undefined || e.price === null) events.appendNull();
    else events.appendDouble(e.price);
    if (e.quantity === undefined || e.quantity === null) events.appendNull();
    else events.appendInteger(e.quantity);
    events.endRow();
  });
  events.closeSync();
  await connection.run(`INSERT INTO events SELECT event_id, user_id, session_id, event_type, epoch_ms(ts_ms),
    product_id, category, price, quantity FROM temp.main.events_staging`);
  await connection.run("DROP TABLE temp.main.events_staging");
}

function appendOptionalText(appender: { appendNull(): void; appendVarchar(v: string): void }, value: string | null | undefined): void {
  if (value === undefined || value === null) appender.appendNull();
  else appender.appendVarchar(value);
}

// ---------------------------------------------------------------------------------------------------
// Simulated groups

export interface GroupSpec {
  /** Planted segment label written to users.segment (null: the data "has no planted segment"). */
  segment: string | null;
  users: number;
  /** Sessions per user, uniform integer in [min, max]. */
  sessions: [number, number];
  /** Days (offsets from the window start) between which sessions happen. */
  activeDays: [number, number];
  viewsPerSession: [number, number];
  /** Chance that a viewed product is carted, and that a carted product is then bought. */
  cartProbability: number;
  purchaseProbability: number;
  /** Categories this group views most (80% of views); others are drawn from the whole catalogue. */
  favouriteCategories: string[];
  /** Products are picked from those whose price is in this range when possible. */
  priceRange: [number, number];
}

export const CATEGORIES = ["Books", "Electronics", "Fashion", "Garden", "Home", "Sports", "Toys", "Beauty"];

/** 8 categories × 12 products, prices 10…490 spread over each category. */
export function catalogue(): FixtureProduct[] {
  const products: FixtureProduct[] = [];
  CATEGORIES.forEach((category, c) => {
    for (let i = 0; i < 12; i++) {
      const id = `P${String(c * 12 + i + 1).padStart(4, "0")}`;
      products.push({ product_id: id, category, price: 10 + i * 40 + c });
    }
  });
  return products;
}

/**
 * Four groups whose behaviour differs on many features at once: big frequent buyers, heavy browsers who
 * never buy, early buyers who then left, and one-visit newcomers at the very end of the window.
 */
export function wellSeparatedGroups(usersPerGroup = 100): GroupSpec[] {
  return [
    { segment: "High Value", users: usersPerGroup, sessions: [20, 30], activeDays: [0, 364], viewsPerSession: [4, 8],
      cartProbability: 0.5, purchaseProbability: 0.8, favouriteCategories: ["Electronics", "Home"], priceRange: [200, 500] },
    { segment: "Regular", users: usersPerGroup, sessions: [8, 14], activeDays: [0, 364], viewsPerSession: [8, 14],
      cartProbability: 0.03, purchaseProbability: 0, favouriteCategories: ["Fashion", "Beauty"], priceRange: [10, 500] },
    { segment: "Occasional", users: usersPerGroup, sessions: [2, 4], activeDays: [0, 60], viewsPerSession: [2, 4],
      cartProbability: 0.4, purchaseProbability: 0.7, favouriteCategories: ["Books", "Toys"], priceRange: [10, 120] },
    { segment: "New", users: usersPerGroup, sessions: [1, 1], activeDays: [355, 364], viewsPerSession: [1, 2],
      cartProbability: 0, purchaseProbability: 0, favouriteCategories: ["Garden", "Sports"], priceRange: [10, 500] },
  ];
}

/**
 * Overlapping groups in the planted shares of realism.md (10/50/30/10): modest conversion, many
 * non-buying browsers among the regulars, churned occasional users. Used to check that the
 * "engaged but never buys" group emerges and is named by the rules.
 */
export function realisticGroups(totalUsers = 1000): GroupSpec[] {
  const n = (share: number) => Math.round(totalUsers * share);
  return [
    { segment: "High Value", users: n(0.1), sessions: [10, 30], activeDays: [0, 364], viewsPerSession: [3, 9],
      cartProbability: 0.15, purchaseProbability: 0.6, favouriteCategories: ["Electronics", "Home"], priceRange: [100, 500] },
    { segment: "Regular", users: n(0.5), sessions: [3, 12], activeDays: [0, 364], viewsPerSession: [2, 10],
      cartProbability: 0.05, purchaseProbability: 0.35, favouriteCategories: ["Fashion", "Beauty", "Home"], priceRange: [20, 200] },
    { segment: "Occasional", users: n(0.3), sessions: [1, 4], activeDays: [0, 180], viewsPerSession: [1, 6],
      cartProbability: 0.05, purchaseProbability: 0.3, favouriteCategories: ["Books", "Toys"], priceRange: [10, 100] },
    { segment: "New", users: n(0.1), sessions: [1, 2], activeDays: [330, 364], viewsPerSession: [1, 5],
      cartProbability: 0.05, purchaseProbability: 0.3, favouriteCategories: ["Sports", "Garden"], priceRange: [10, 300] },
  ];
}

/** Simulates sessions for every user of every group. Same seed → same events. */
export function simulateGroups(groups: readonly GroupSpec[], seed: number, window: AnalysisWindow = YEAR_2025): Fixture {
  const rng = uniformStream(seed);
  const products = catalogue();
  const users: FixtureUser[] = [];
  const events: FixtureEvent[] = [];
  const start = Date.parse(window.start);
  let userNumber = 0;
  for (const group of groups) {
    for (let u = 0; u < group.users; u++) {
      const userId = `U${String(++userNumber).padStart(6, "0")}`;
      users.push({ user_id: userId, segment: group.segment });
      const sessionCount = uniformInt(rng, group.sessions);
      for (let s = 0; s < sessionCount; s++) {
        const day = uniformInt(rng, group.activeDays);
        // Sessions start between 08:00 and 21:59 so that no session runs past midnight of the last day.
        const sessionStart = start + day * 86_400_000 + (8 + Math.floor(rng() * 14)) * 3_600_000 + Math.floor(rng() * 3_600_000);
        simulateSession(rng, group, products, userId, `${userId}-S${s + 1}`, sessionStart, events);
      }
    }
  }
  return { window, users, products, events };
}

function simulateSession(
  rng: Rng,
  group: GroupSpec,
  products: readonly FixtureProduct[],
  userId: string,
  sessionId: string,
  startMs: number,
  out: FixtureEvent[],
): void {
  let t = startMs;
  const at = () => new Date(t).toISOString();
  const base = { user_id: userId, session_id: sessionId };
  out.push({ ...base, event_type: "session_start", timestamp: at() });
  const carted: { product: FixtureProduct; quantity: number }[] = [];
  const views = uniformInt(rng, group.viewsPerSession);
  for (let v = 0; v < views; v++) {
    t += 20_000 + Math.floor(rng() * 100_000);
    const product = pickProduct(rng, group, products);
    out.push({ ...base, event_type: "product_view", timestamp: at(), product_id: product.product_id, category: product.category, price: product.price });
    if (rng() < group.cartProbability) {
      t += 10_000 + Math.floor(rng() * 30_000);
      const quantity = 1 + Math.floor(rng() * 3);
      carted.push({ product, quantity });
      out.push({ ...base, event_type: "add_to_cart", timestamp: at(), product_id: product.product_id, category: product.category, price: product.price, quantity });
    }
  }
  for (const { product, quantity } of carted) {
    if (rng() < group.purchaseProbability) {
      t += 30_000 + Math.floor(rng() * 60_000);
      out.push({ ...base, event_type: "purchase", timestamp: at(), product_id: product.product_id, category: product.category, price: product.price, quantity });
    }
  }
  t += 5_000 + Math.floor(rng() * 30_000);
  out.push({ ...base, event_type: "session_end", timestamp: at() });
}

function pickProduct(rng: Rng, group: GroupSpec, products: readonly FixtureProduct[]): FixtureProduct {
  const inPrice = products.filter((p) => p.price >= group.priceRange[0] && p.price <= group.priceRange[1]);
  const favourites = inPrice.filter((p) => group.favouriteCategories.includes(p.category));
  const pool = rng() < 0.8 && favourites.length > 0 ? favourites : inPrice.length > 0 ? inPrice : products;
  return pool[Math.floor(rng() * pool.length)]!;
}

function uniformInt(rng: Rng, [min, max]: [number, number]): number {
  return min + Math.floor(rng() * (max - min + 1));
}

/** Users whose every behaviour is identical: same single session shape, same day, same product. */
export function identicalUsersFixture(count: number): Fixture {
  const users: FixtureUser[] = [];
  const events: FixtureEvent[] = [];
  for (let i = 1; i <= count; i++) {
    const userId = `U${String(i).padStart(6, "0")}`;
    users.push({ user_id: userId, segment: "Regular" });
    const session = { user_id: userId, session_id: `${userId}-S1` };
    events.push(
      { ...session, event_type: "session_start", timestamp: "2025-06-01T10:00:00.000Z" },
      { ...session, event_type: "product_view", timestamp: "2025-06-01T10:01:00.000Z", product_id: "P0001", category: "Books", price: 10 },
      { ...session, event_type: "session_end", timestamp: "2025-06-01T10:02:00.000Z" },
    );
  }
  return { window: YEAR_2025, users, products: catalogue(), events };
}

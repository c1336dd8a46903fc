import { Rng } from "../../lib/random/rng";
/**
 * Tiny datasets for tests: the three seed-schema tables (lib/dataset/schema.ts) in an in-memory DuckDB,
 * built from small JS arrays, plus a seeded random maker for property tests.
 *
 * Timestamps are ISO strings with microseconds allowed ("2025-01-31T23:59:59.999999Z"): JS Dates stop at
 * milliseconds, and the boundary cases tests need live at the microsecond.
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import { openDatabase, sqlString, type Database } from "../../lib/db/duckdb.js";
import { createTableSql, TABLES, type TableName } from "../../lib/dataset/schema.js";

export interface TinyUser {
  user_id: string;
  email?: string | null;
  registration_date?: string | null;
  age?: number | null;
  gender?: string | null;
  location?: string | null;
  segment?: string | null;
}

export interface TinyProduct {
  product_id: string;
  product_name?: string | null;
  category?: string | null;
  price?: number | null;
}

export interface TinyEvent {
  event_id?: number;
  user_id: string;
  session_id: string;
  event_type: string;
  timestamp: string;
  product_id?: string | null;
  category?: string | null;
  price?: number | null;
  quantity?: number | null;
}

export interface TinyDataset {
  users: TinyUser[];
  products?: TinyProduct[];
  events: TinyEvent[];
}

const ISO = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2}(?:\.\d{1,6})?)Z$/;

/** A TIMESTAMP literal keeping all six fractional digits. */
export function timestampLiteral(iso: string): string {
  const match = ISO.exec(iso);
  if (!match) throw new RangeError(`timestamp must look like 2025-01-31T23:59:59.999999Z, got ${iso}`);
  return `TIMESTAMP '${match[1]} ${match[2]}'`;
}

function literal(value: unknown, type: string): string {
  if (value === null || value === undefined) return "NULL";
  if (type === "TIMESTAMP") return timestampLiteral(String(value));
  if (type === "VARCHAR") return sqlString(String(value));
  if (typeof value !== "number" || !Number.isFinite(value)) throw new TypeError(`not a number: ${String(value)}`);
  return String(value);
}

async function fillTable(connection: DuckDBConnection, table: TableName, rows: readonly object[]): Promise<void> {
  await connection.run(createTableSql(table));
  const columns = TABLES[table];
  const chunkSize = 500;
  for (let i = 0; i < rows.length; i += chunkSize) {
    const values = rows
      .slice(i, i + chunkSize)
      .map((row) => `(${columns.map((c) => literal((row as Record<string, unknown>)[c.name], c.type)).join(", ")})`)
      .join(",\n");
    await connection.run(`INSERT INTO ${table} VALUES ${values}`);
  }
}

/** Creates users, products and events on the connection. Events without an event_id are numbered 1, 2, … */
export async function loadTinyDataset(connection: DuckDBConnection, data: TinyDataset): Promise<void> {
  await fillTable(connection, "users", data.users);
  await fillTable(connection, "products", data.products ?? []);
  await fillTable(
    connection,
    "events",
    data.events.map((e, i) => ({ ...e, event_id: e.event_id ?? i + 1 })),
  );
}

/** A fresh in-memory database holding the dataset. Close it when done. */
export async function openTinyDatabase(data: TinyDataset): Promise<Database> {
  const db = await openDatabase();
  await loadTinyDataset(db.connection, data);
  return db;
}

/** A uniform stream for a seed, from the project's seeded generator. */
export function uniformStream(seed: number): () => number {
  const source = new Rng(seed);
  return () => source.next();
}

export interface RandomDatasetOptions {
  users?: number;
  /** Window start, ISO with Z; the data lie in [start, start + days). */
  start?: string;
  days?: number;
  maxSessionsPerUser?: number;
  maxEventsPerSession?: number;
  categories?: readonly string[];
}

const DAY_MS = 86_400_000;
const SEGMENTS = ["High Value", "Regular", "Occasional", "New", null] as const;
const LOCATIONS = ["Berlin", "Paris", "Rome", "Madrid", "Vienna", "Oslo", "Lisbon", "Prague", "Dublin", "Athens", null] as const;

/**
 * Deliberately messy random data: events in random type order (carts before views, repeats, ties on the
 * same millisecond), users without events, missing registration dates and attributes, sessions that run
 * over midnight. It does NOT follow the generator's rules, so properties hold for any input, not just
 * well-behaved data.
 */
export function randomTinyDataset(seed: number, options: RandomDatasetOptions = {}): TinyDataset {
  const random = uniformStream(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const userCount = options.users ?? 25;
  const start = Date.parse(options.start ?? "2025-01-01T00:00:00Z");
  const days = options.days ?? 120;
  const categories = options.categories ?? ["Books", "Electronics", "Garden"];
  const iso = (ms: number) => new Date(Math.min(ms, start + days * DAY_MS - 1)).toISOString();

  const products: TinyProduct[] = categories.flatMap((category, c) =>
    [0, 1].map((j) => ({ product_id: `P${c}${j}`, product_name: `${category} ${j}`, category, price: 10 + 5 * (c + j) })),
  );
  const users: TinyUser[] = [];
  const events: TinyEvent[] = [];
  for (let u = 0; u < userCount; u++) {
    const userId = `U${String(u + 1).padStart(6, "0")}`;
    const registered = start + Math.floor(random() * days * 0.8) * DAY_MS + int(0, DAY_MS - 1);
    users.push({
      user_id: userId,
      email: `${userId}@example.com`,
      registration_date: random() < 0.15 ? null : iso(registered),
      age: random() < 0.1 ? null : int(18, 65),
      gender: random() < 0.1 ? null : pick(["M", "F"]),
      location: pick(LOCATIONS),
      segment: pick(SEGMENTS),
    });
    const sessions = random() < 0.15 ? 0 : int(1, options.maxSessionsPerUser ?? 5);
    for (let s = 0; s < sessions; s++) {
      const sessionId = `S${u + 1}_${s + 1}`;
      let t = registered + Math.floor(random() * (start + days * DAY_MS - registered));
      const count = int(1, options.maxEventsPerSession ?? 8);
      for (let e = 0; e < count; e++) {
        const eventType = pick(["session_start", "product_view", "product_view", "add_to_cart", "purchase", "session_end"]);
        const product = pick(products);
        const withProduct = eventType !== "session_start" && eventType !== "session_end";
        events.push({
          user_id: userId,
          session_id: sessionId,
          event_type: eventType,
          timestamp: iso(t),
          product_id: withProduct ? product.product_id : null,
          category: withProduct ? product.category : null,
          price: withProduct ? product.price : null,
          quantity: eventType === "add_to_cart" || eventType === "purchase" ? int(1, 3) : null,
        });
        // Zero gaps make ties; long gaps make sessions that cross midnight and period boundaries.
        t += pick([0, 1000, 60_000, 3_600_000, 6 * 3_600_000, 3 * DAY_MS]);
      }
    }
  }
  return { users, products, events };
}

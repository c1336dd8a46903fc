/**
 * A profile of brought data, measured on the loaded tables: what it holds (users, products, categories),
 * its event mix (every type, custom ones included) and its volume per calendar day in the data's time
 * zone, and which of the columns the report reads it fills. The Data & methods page shows it in place of
 * the realism table, whose targets describe the generator, not somebody's shop.
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import { localDaySql } from "../db/calendarDaySql";
import { queryTraced } from "../db/sqlTrace";
import { calendarDay } from "../format";

export interface DataProfile {
  /** Events per type, most frequent first (ties by name), every type the data holds. */
  event_mix: { event_type: string; events: number }[];
  /** Events per calendar day of `timezone`, first to last day with events, days without any as 0. */
  daily: { day: string; events: number }[];
  products: number;
  categories: number;
  /** Events naming a product, and events with a price. */
  events_with_product: number;
  events_with_price: number;
  /** Users with each attribute filled. */
  attributes: { age: number; gender: number; location: number };
}

/** The event's calendar day in `timezone`: stored times are UTC wall-clock (lib/dataset/schema.ts). */
export const profileMixSql = `SELECT event_type, count(*)::INTEGER AS events FROM events GROUP BY event_type ORDER BY events DESC, event_type`;

export const profileDailySql = (timezone: string) =>
  `SELECT strftime(${localDaySql(`"timestamp"`, timezone)}, '%Y-%m-%d') AS day, count(*)::INTEGER AS events FROM events GROUP BY day ORDER BY day`;

export const PROFILE_COLUMNS_SQL = `SELECT
  (SELECT count(*) FROM products)::INTEGER AS products,
  (SELECT count(DISTINCT category) FROM products)::INTEGER AS categories,
  (SELECT count(product_id) FROM events)::INTEGER AS events_with_product,
  (SELECT count(price) FROM events)::INTEGER AS events_with_price,
  (SELECT count(age) FROM users)::INTEGER AS age,
  (SELECT count(gender) FROM users)::INTEGER AS gender,
  (SELECT count(location) FROM users)::INTEGER AS location`;

const DAY = 86_400_000;

/** Every calendar day from the first to the last given, those without events as 0 ("YYYY-MM-DD" strings). */
export function fillDays(days: readonly { day: string; events: number }[]): { day: string; events: number }[] {
  if (days.length === 0) return [];
  const counts = new Map(days.map((d) => [d.day, d.events]));
  const out: { day: string; events: number }[] = [];
  // Calendar arithmetic on the date alone (noon UTC), so no zone or daylight saving shifts a day.
  for (let t = Date.parse(`${days[0]!.day}T12:00:00Z`); t <= Date.parse(`${days.at(-1)!.day}T12:00:00Z`); t += DAY) {
    const day = calendarDay(t, "UTC");
    out.push({ day, events: counts.get(day) ?? 0 });
  }
  return out;
}

export async function measureDataProfile(connection: DuckDBConnection, timezone: string): Promise<DataProfile> {
  const mix = await queryTraced<{ event_type: string; events: number }>(connection, "profile.event_mix", profileMixSql);
  const daily = await queryTraced<{ day: string; events: number }>(connection, "profile.daily", profileDailySql(timezone));
  const [columns] = await queryTraced<Record<string, number>>(connection, "profile.columns", PROFILE_COLUMNS_SQL);
  const c = (key: string) => columns?.[key] ?? 0;
  return {
    event_mix: mix,
    daily: fillDays(daily),
    products: c("products"),
    categories: c("categories"),
    events_with_product: c("events_with_product"),
    events_with_price: c("events_with_price"),
    attributes: { age: c("age"), gender: c("gender"), location: c("location") },
  };
}

/**
 * The seed-schema tables in DuckDB: users and products loaded from the generated columns, and a view
 * `events` that formats the simulated event stream (lib/generator/eventStream.ts) on the fly: ids,
 * event-type names and timestamps are formatted by DuckDB, which is cheaper than formatting them in
 * JavaScript.
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import { EVENT_TYPES, PLANTED_SEGMENTS } from "../dataset/schema";
import type { Catalog } from "./catalog";
import { CATEGORIES } from "./catalog";
import { RAW_EVENT_COLUMNS, SIMULATED_EVENTS } from "./eventStream";
import type { UserTable } from "./users";
import { sqlString } from "../db/duckdb";

/** Loads the user and product tables (small: the row appender is fast enough). */
export async function appendDimensions(connection: DuckDBConnection, users: UserTable, catalog: Catalog): Promise<void> {
  await connection.run("CREATE TEMP TABLE users_raw (ix INTEGER, email VARCHAR, reg_ms DOUBLE, age INTEGER, female BOOLEAN, location VARCHAR, segment TINYINT)");
  const ua = await connection.createAppender("users_raw");
  for (let u = 0; u < users.count; u++) {
    ua.appendInteger(u);
    ua.appendVarchar(users.emails[u]!);
    ua.appendDouble(users.registrationMs[u]!);
    ua.appendInteger(users.age[u]!);
    ua.appendBoolean(users.female[u] === 1);
    ua.appendVarchar(users.cities[users.location[u]!]!);
    ua.appendTinyInt(users.segment[u]!);
    ua.endRow();
  }
  ua.closeSync();
  await connection.run("CREATE TEMP TABLE products_raw (ix INTEGER, name VARCHAR, category VARCHAR, price DOUBLE)");
  const pa = await connection.createAppender("products_raw");
  for (let p = 0; p < catalog.count; p++) {
    pa.appendInteger(p);
    pa.appendVarchar(catalog.names[p]!);
    pa.appendVarchar(CATEGORIES[catalog.category[p]!]!.name);
    pa.appendDouble(catalog.price[p]!);
    pa.endRow();
  }
  pa.closeSync();
}

const list = (values: readonly string[]) => `[${values.map(sqlString).join(", ")}]`;

/** Id widths grow with the data so ids stay fixed-width (U000001 for up to 999,999 users). */
export function idWidth(count: number, minimum: number): number {
  return Math.max(minimum, String(count).length);
}

const uid = (userCount: number, ix: string) => `printf('U%0${idWidth(userCount, 6)}d', ${ix} + 1)`;
const pid = (productCount: number, ix: string) => `printf('P%0${idWidth(productCount, 4)}d', ${ix} + 1)`;
const timestamp = (startMs: number, msColumn: string) => `make_timestamp(${BigInt(startMs) * 1000n}::BIGINT + (${msColumn} * 1000)::BIGINT)`;

/** Session ids have at least this many digits (S00000001): wider only past 99,999,999 sessions. */
export const MIN_SESSION_ID_WIDTH = 8;

/**
 * Turns the raw tables into the seed-schema tables users and products, and sets the look-up lists the
 * events view and the planted churn read (user ids; product categories and prices).
 */
export async function materializeDimensions(connection: DuckDBConnection, startMs: number, userCount: number, productCount: number): Promise<void> {
  await connection.run(`CREATE TABLE products AS
    SELECT ${pid(productCount, "ix")} AS product_id, name AS product_name, category, price FROM products_raw ORDER BY ix`);
  await connection.run(`CREATE TABLE users AS
    SELECT ${uid(userCount, "ix")} AS user_id, email, ${timestamp(startMs, "reg_ms")} AS registration_date, age,
           CASE WHEN female THEN 'F' ELSE 'M' END AS gender, location,
           ${list(PLANTED_SEGMENTS)}[segment + 1] AS segment
    FROM users_raw ORDER BY ix`);
  await connection.run(`SET VARIABLE user_ids = (SELECT list(user_id ORDER BY user_id) FROM users)`);
  for (const column of ["category", "price"]) {
    await connection.run(`SET VARIABLE product_${column}s = (SELECT list(${column} ORDER BY product_id) FROM products)`);
  }
}

/**
 * (Re)creates the view `events` over `simulated_events()`. Ids are formatted from indexes as the users
 * and products tables format them, not looked up in a list of ids: indexing a list costs in proportion to
 * its length (2M rows to Parquet: 0.5 s of CPU with printf, 1.0 s with a list of 21,300 ids, 5.7 s with
 * 213,000). The attributes of the few hundred products are list look-ups by index rather than a join,
 * because a join would cost a sort to restore event order.
 * Session ids are `sessionIdWidth` digits wide: the number of sessions is known only once a scan has run.
 */
export async function createEventsView(connection: DuckDBConnection, startMs: number, counts: { users: number; products: number; sessionIdWidth: number }): Promise<void> {
  // product_ix is -1 on session events: list index 0 is NULL in DuckDB, which is what those rows need.
  await connection.run(`CREATE OR REPLACE VIEW events AS
    SELECT event_id::BIGINT AS event_id, ${uid(counts.users, "user_ix")} AS user_id,
           printf('S%0${counts.sessionIdWidth}d', session_ix + 1) AS session_id,
           ${list(EVENT_TYPES)}[type + 1] AS event_type, ${timestamp(startMs, "ms")} AS "timestamp",
           CASE WHEN product_ix >= 0 THEN ${pid(counts.products, "product_ix")} END AS product_id,
           getvariable('product_categorys')[product_ix + 1] AS category,
           getvariable('product_prices')[product_ix + 1] AS price,
           CASE WHEN quantity > 0 THEN quantity::INTEGER END AS quantity
    FROM (SELECT ${RAW_EVENT_COLUMNS.map((c) => `unnest(${c}) AS ${c}`).join(", ")} FROM ${SIMULATED_EVENTS}())`);
}

/**
 * What brought data lacks, derived from the loaded events (docs/metrics.md §1–3): users seen only in the
 * events, with registration = their first event; and, without a products table, one product per
 * product id, taking the name, category and price of the first row that names each.
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import { queryRows } from "../db/duckdb";

async function count(connection: DuckDBConnection, table: string): Promise<number> {
  return (await queryRows<{ n: number }>(connection, `SELECT count(*)::BIGINT AS n FROM ${table}`))[0]!.n;
}

/** Adds the users of `events` missing from `users`; returns how many. */
export async function addUsersFromEvents(connection: DuckDBConnection): Promise<number> {
  const before = await count(connection, "users");
  await connection.run(
    `INSERT INTO users (user_id, registration_date)
     SELECT e.user_id, min(e."timestamp") FROM events e ANTI JOIN users u ON u.user_id = e.user_id
     GROUP BY e.user_id ORDER BY e.user_id`,
  );
  return (await count(connection, "users")) - before;
}

/** Fills `products` from the loaded rows of an events staging table; returns how many. */
export async function addProductsFromEvents(connection: DuckDBConnection, stage: string): Promise<number> {
  const before = await count(connection, "products");
  await connection.run(
    `INSERT INTO products (product_id, product_name, category, price)
     SELECT product_id,
            arg_min(product_name, __row) FILTER (WHERE product_name IS NOT NULL),
            arg_min(category, __row) FILTER (WHERE category IS NOT NULL),
            arg_min(price, __row) FILTER (WHERE price IS NOT NULL)
     FROM ${stage} WHERE __rule IS NULL AND product_id IS NOT NULL
     GROUP BY product_id ORDER BY product_id`,
  );
  return (await count(connection, "products")) - before;
}

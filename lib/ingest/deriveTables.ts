/**
 * What brought data lacks, derived from the loaded events (docs/metrics.md §1–3): users seen only in the
 * events, with registration = their first event (or, where a mapping reads user attributes from the
 * events file, the attributes and registration date it found for them); and, without a products table, one product per
 * product id, taking the name, category and price of the first row that names each.
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import { queryRows } from "../db/duckdb";
import type { UserAttribute } from "./userAttributes";

async function count(connection: DuckDBConnection, table: string): Promise<number> {
  return (await queryRows<{ n: number }>(connection, `SELECT count(*)::BIGINT AS n FROM ${table}`))[0]!.n;
}

/** User attributes read from the events (userAttributes.ts): the table holding them, and which it holds. */
export interface EventUserAttributes {
  table: string;
  columns: readonly UserAttribute[];
}

/**
 * Adds the users of `events` missing from `users`, with the attributes `attributes` holds for them;
 * returns how many were added and how many of those have a registration date from the events file
 * (the others are registered at their first event).
 */
export async function addUsersFromEvents(connection: DuckDBConnection, attributes?: EventUserAttributes): Promise<{ added: number; registered: number }> {
  const before = await count(connection, "users");
  const added = `(SELECT e.user_id, min(e."timestamp") AS first_event FROM events e ANTI JOIN users u ON u.user_id = e.user_id GROUP BY e.user_id)`;
  if (!attributes || attributes.columns.length === 0) {
    await connection.run(`INSERT INTO users (user_id, registration_date) SELECT user_id, first_event FROM ${added} ORDER BY user_id`);
    return { added: (await count(connection, "users")) - before, registered: 0 };
  }
  const columns = attributes.columns.filter((c) => c !== "registration_date");
  const hasRegistration = attributes.columns.includes("registration_date");
  const [registered] = hasRegistration
    ? await queryRows<{ n: number }>(
        connection,
        `SELECT count(*)::BIGINT AS n FROM ${added} n JOIN ${attributes.table} a ON a.user_id = n.user_id WHERE a.registration_date IS NOT NULL`,
      )
    : [{ n: 0 }];
  await connection.run(
    `INSERT INTO users (user_id, registration_date${columns.map((c) => `, ${c}`).join("")})
     SELECT n.user_id, ${hasRegistration ? "coalesce(a.registration_date, n.first_event)" : "n.first_event"}${columns.map((c) => `, a.${c}`).join("")}
     FROM ${added} n LEFT JOIN ${attributes.table} a ON a.user_id = n.user_id ORDER BY n.user_id`,
  );
  return { added: (await count(connection, "users")) - before, registered: registered!.n };
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

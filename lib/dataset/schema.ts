/**
 * The seed schema (docs/metrics.md §1) as DuckDB tables. Every analysis reads these three tables by these
 * names; generated data and brought data are both loaded into this shape first.
 * Timestamps are TIMESTAMP (no zone) holding UTC wall-clock time, so date_trunc and period arithmetic
 * never depend on a session time zone.
 * event_id is text so brought data may use any id (generated files store it as an integer).
 */
export const EVENT_TYPES = ["session_start", "product_view", "add_to_cart", "purchase", "session_end"] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export const PLANTED_SEGMENTS = ["High Value", "Regular", "Occasional", "New"] as const;
export type PlantedSegment = (typeof PLANTED_SEGMENTS)[number];

export interface ColumnSpec {
  name: string;
  type: "VARCHAR" | "TIMESTAMP" | "INTEGER" | "DOUBLE" | "BIGINT";
  required: boolean;
}

export const TABLES = {
  users: [
    { name: "user_id", type: "VARCHAR", required: true },
    { name: "email", type: "VARCHAR", required: false },
    { name: "registration_date", type: "TIMESTAMP", required: false },
    { name: "age", type: "INTEGER", required: false },
    { name: "gender", type: "VARCHAR", required: false },
    { name: "location", type: "VARCHAR", required: false },
    { name: "segment", type: "VARCHAR", required: false },
  ],
  products: [
    { name: "product_id", type: "VARCHAR", required: true },
    { name: "product_name", type: "VARCHAR", required: false },
    { name: "category", type: "VARCHAR", required: false },
    { name: "price", type: "DOUBLE", required: false },
  ],
  events: [
    { name: "event_id", type: "VARCHAR", required: true },
    { name: "user_id", type: "VARCHAR", required: true },
    { name: "session_id", type: "VARCHAR", required: true },
    { name: "event_type", type: "VARCHAR", required: true },
    { name: "timestamp", type: "TIMESTAMP", required: true },
    { name: "product_id", type: "VARCHAR", required: false },
    { name: "category", type: "VARCHAR", required: false },
    { name: "price", type: "DOUBLE", required: false },
    { name: "quantity", type: "INTEGER", required: false },
  ],
} as const satisfies Record<string, readonly ColumnSpec[]>;

export type TableName = keyof typeof TABLES;
export const TABLE_NAMES = Object.keys(TABLES) as TableName[];

/** CREATE TABLE statement for one table of the seed schema. */
export function createTableSql(table: TableName, name: string = table): string {
  const columns = TABLES[table].map((c) => `"${c.name}" ${c.type}`).join(", ");
  return `CREATE TABLE ${name} (${columns})`;
}

/**
 * The rules for events, in order of precedence (a row is set aside for the first it breaks):
 * user id, timestamp (missing, unreadable, implausible), event type (missing, left out by the mapping,
 * unknown), event id and session id where the file has them, product id on views and carts, price
 * (not a number, negative, implausible; a purchase may have none), quantity on carts and purchases
 * (missing, not a whole number, 0 or less), text longer than 1,000 characters, product not in the
 * products table, outside the dataset's window; then duplicates among the remaining rows. A mapping that
 * reads user attributes from the events adds their rules (bad age, bad or implausible registration date)
 * before the text length rules (userAttributes.ts).
 */
import { type AnalysisWindow, sqlTimestamp } from "../dataset/window";
import { sqlString } from "../db/duckdb";
import { constantColumn } from "./constantColumns";
import { type ColumnSpec, findColumn, requireColumns, stageColumn } from "./columns";
import { MAX_QUANTITY, PLAUSIBLE_FROM, PLAUSIBLE_TO, tooLongSql } from "./limits";
import { type Mapping, REQUIRED_TARGETS, type TargetColumn } from "./mapping";
import type { InspectedSource, LoadedSource, SourceColumn } from "./readSource";
import type { StageColumn, StagePlan, StageRule } from "./stage";
import { parseDouble, parseInteger, parseTimestamp } from "./valueSql";
import { USER_ATTRIBUTES, USER_ATTRIBUTE_SPECS, userAttributeLengthRules, userAttributeRules } from "./userAttributes";

/** Seed-schema input reads the columns it finds; a mapping's columns must all exist. */
export type MappingKind = "seed" | "mapping";

export type ResolvedColumns = Partial<Record<TargetColumn, SourceColumn[]>>;

/** Events that need a product: a view or a cart is of something. A purchase may be a whole order (an invoice export). */
const PRODUCT_EVENTS = ["product_view", "add_to_cart"].map(sqlString).join(", ");
const LINE_EVENTS = ["add_to_cart", "purchase"].map(sqlString).join(", ");

/** Which source columns feed which target column; fatal when a required or mapped column is missing. */
export function resolveEventColumns(source: InspectedSource, mapping: Mapping, kind: MappingKind): ResolvedColumns {
  const resolved: ResolvedColumns = {};
  for (const [target, names] of Object.entries(mapping.columns) as [TargetColumn, string[]][]) {
    if (kind === "mapping") {
      resolved[target] = requireColumns(source, names, `the mapping's source of ${target}`);
    } else if (REQUIRED_TARGETS.includes(target)) {
      resolved[target] = requireColumns(source, names, undefined, "a file in another schema is read through a mapping (--mapping) or a preset (--preset)");
    } else {
      const found = names.map((n) => findColumn(source, n)).filter((c): c is SourceColumn => c !== undefined);
      if (found.length > 0) resolved[target] = found;
    }
  }
  return resolved;
}

function specs(mapping: Mapping): Record<TargetColumn, ColumnSpec> {
  const known = [...mapping.eventTypes].filter(([, to]) => to !== null);
  const eventType = (ref: string) =>
    known.length === 0 ? "NULL" : `CASE lower(${ref}) ${known.map(([from, to]) => `WHEN ${sqlString(from)} THEN ${sqlString(to!)}`).join(" ")} END`;
  return {
    event_id: { name: "event_id", type: "VARCHAR", mode: "key" },
    user_id: { name: "user_id", type: "VARCHAR", mode: "key", pseudonymous: true },
    session_id: { name: "session_id", type: "VARCHAR", mode: "key" },
    event_type: { name: "event_type", type: "VARCHAR", mode: "key", parse: (ref) => eventType(ref) },
    timestamp: {
      name: "timestamp",
      type: "TIMESTAMP",
      mode: "key",
      parse: (ref, kind) => parseTimestamp(ref, kind, mapping.timestampFormat),
      typeWord: mapping.timestampFormat === "auto" ? "a timestamp" : `a timestamp in the format ${mapping.timestampFormat}`,
    },
    product_id: { name: "product_id", type: "VARCHAR", mode: "key" },
    product_name: { name: "product_name", type: "VARCHAR", mode: "free" },
    category: { name: "category", type: "VARCHAR", mode: "free" },
    price: { name: "price", type: "DOUBLE", mode: "key", parse: parseDouble, typeWord: "a number", finite: true },
    quantity: {
      name: "quantity",
      type: "INTEGER",
      mode: "key",
      parse: parseInteger,
      typeWord: "a whole number",
      checkWhere: `event_type IN (${LINE_EVENTS})`,
    },
    ...USER_ATTRIBUTE_SPECS,
  };
}

const KNOWN_PRODUCTS = "__ingest_known_products";

/**
 * Is the product in the products table?
 * Asked of an ENUM type holding the product ids: TRY_CAST to it is NULL for an unknown id, a hash
 * lookup that keeps the rows in file order (a join with the products table does not). The fill of a
 * missing price or category from the products table happens after loading (fillFromProductsSql).
 */
function productLookup(): NonNullable<StagePlan["lookup"]> {
  const types = [[KNOWN_PRODUCTS, "product_id IS NOT NULL"]] as const;
  return {
    prepare: types.flatMap(([name, where]) => [
      `DROP TYPE IF EXISTS ${name}`,
      `CREATE TYPE ${name} AS ENUM (SELECT DISTINCT product_id FROM products WHERE ${where} ORDER BY product_id)`,
    ]),
    columns: [`TRY_CAST(l3.product_id AS ${KNOWN_PRODUCTS}) IS NOT NULL AS __known_product`],
    cleanup: types.map(([name]) => `DROP TYPE IF EXISTS ${name}`),
  };
}

/** The quantity an event keeps: carts and purchases only, `fallback` where the file has none. */
export function loadedQuantitySql(fallback: number): string {
  return `CASE WHEN event_type IN (${LINE_EVENTS}) THEN coalesce(quantity, ${fallback}) END`;
}

/** The same rule applied in place, to the few rows it changes (an adopted stage, see adoptStage). */
export function fixQuantitySql(fallback: number): string {
  return `UPDATE events SET quantity = ${loadedQuantitySql(fallback)}
  WHERE (event_type IN (${LINE_EVENTS}) AND quantity IS NULL) OR (event_type NOT IN (${LINE_EVENTS}) AND quantity IS NOT NULL)`;
}

/** After loading: a product event's missing price or category, from the products table. */
export const fillFromProductsSql = `UPDATE events SET
    price = coalesce(events.price, p.price), category = coalesce(events.category, p.category)
  FROM products p
  WHERE p.product_id = events.product_id AND (events.price IS NULL OR events.category IS NULL)`;

export interface EventsPlanOptions {
  mapping: Mapping;
  /** Check product ids against the loaded products table, and fill a missing price or category from it. */
  products: boolean;
  /** Set aside events outside it (a generated dataset's stated window). */
  window: AnalysisWindow | null;
}

export function eventsPlan(source: LoadedSource, resolved: ResolvedColumns, options: EventsPlanOptions): StagePlan {
  const { mapping } = options;
  const spec = specs(mapping);
  // User attributes enter the stage only when the mapping reads them: other inputs keep the stage they had.
  const unread = (target: TargetColumn) => (USER_ATTRIBUTES as readonly string[]).includes(target) && resolved[target] === undefined;
  const columns: StageColumn[] = (Object.keys(spec) as TargetColumn[]).filter((target) => !unread(target)).map((target) => {
    const constant = mapping.constants[target];
    return constant === undefined ? stageColumn(spec[target], resolved[target] ?? []) : constantColumn(spec[target], constant);
  });
  const has = (target: TargetColumn) => resolved[target] !== undefined || mapping.constants[target] !== undefined;
  const excluded = [...mapping.eventTypes].filter(([, to]) => to === null).map(([from]) => from);

  const rules: StageRule[] = [
    { reason: "missing_user_id", when: "user_id IS NULL", column: "user_id" },
    { reason: "missing_timestamp", when: `"__t_timestamp" IS NULL`, column: "timestamp" },
    { reason: "bad_timestamp", when: `"__bad_timestamp"`, column: "timestamp" },
    {
      reason: "implausible_timestamp",
      when: `NOT ("timestamp" >= ${sqlTimestamp(PLAUSIBLE_FROM)} AND "timestamp" < ${sqlTimestamp(PLAUSIBLE_TO)})`,
      column: "timestamp",
    },
    { reason: "missing_event_type", when: `"__t_event_type" IS NULL`, column: "event_type" },
  ];
  if (excluded.length > 0) {
    rules.push({ reason: "excluded_event_type", when: `lower("__t_event_type") IN (${excluded.map(sqlString).join(", ")})`, column: "event_type" });
  }
  rules.push({ reason: "unknown_event_type", when: "event_type IS NULL", column: "event_type" });
  if (has("event_id")) rules.push({ reason: "missing_event_id", when: "event_id IS NULL", column: "event_id" });
  if (has("session_id")) rules.push({ reason: "missing_session_id", when: "session_id IS NULL", column: "session_id" });
  rules.push(
    { reason: "missing_product_id", when: `event_type IN (${PRODUCT_EVENTS}) AND product_id IS NULL`, column: "product_id" },
    { reason: "bad_price", when: `"__bad_price"`, column: "price" },
    // A refund may be written as a negative amount: it reduces revenue either way (lib/analysis/revenueSql.ts).
    { reason: "negative_price", when: "price < 0 AND event_type <> 'refund'", column: "price" },
    { reason: "implausible_price", when: `abs(price) > ${mapping.maxPrice}`, column: "price" },
  );
  // A purchase without a price is loaded: it is still a purchase (buyers, conversion, funnels); revenue
  // covers the priced ones and the report says how many are not (lib/analysis/revenueCoverage.ts).
  if (has("quantity")) {
    rules.push({ reason: "missing_quantity", when: `event_type IN (${LINE_EVENTS}) AND "__t_quantity" IS NULL`, column: "quantity" });
  }
  rules.push(
    { reason: "bad_quantity", when: `"__bad_quantity"`, column: "quantity" },
    { reason: "quantity_not_positive", when: `event_type IN (${LINE_EVENTS}) AND quantity < 1`, column: "quantity" },
    { reason: "implausible_quantity", when: `event_type IN (${LINE_EVENTS}) AND quantity > ${MAX_QUANTITY}`, column: "quantity" },
  );
  rules.push(...userAttributeRules(has));
  for (const c of ["event_id", "user_id", "session_id", "product_id", "product_name", "category"] as const) {
    if (has(c)) rules.push({ reason: "value_too_long", when: tooLongSql(c), column: c });
  }
  rules.push(...userAttributeLengthRules(has));
  if (options.products) rules.push({ reason: "unknown_product", when: "product_id IS NOT NULL AND NOT __known_product", column: "product_id" });
  if (options.window) {
    rules.push({
      reason: "outside_window",
      when: `("timestamp" < ${sqlTimestamp(options.window.start)} OR "timestamp" >= ${sqlTimestamp(options.window.end)})`,
      column: "timestamp",
    });
  }

  return {
    table: "events",
    source,
    columns,
    ...(options.products ? { lookup: productLookup() } : {}),
    rules,
    duplicates: has("event_id")
      ? { reason: "duplicate_event_id", key: ["event_id"], column: "event_id" }
      : {
          reason: "duplicate_row",
          key: ["user_id", "session_id", "event_type", "timestamp", "product_id", "product_name", "category", "price", "quantity", ...USER_ATTRIBUTES.filter(has)],
          column: null,
          keep: mapping.dedupe === "none",
        },
    required: ["user_id", "timestamp", "event_type"],
  };
}

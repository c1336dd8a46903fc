/**
 * The rules for a products table: product id present; price a number, not negative, not above the
 * plausible maximum; text at most 1,000 characters; then the first row of each product id is kept.
 * Events naming a product that is not loaded are set aside (unknown product), so a products row set
 * aside takes its events with it; the report shows both.
 */
import { type ColumnSpec, findColumn, requireColumns, stageColumn } from "./columns";
import { tooLongSql } from "./limits";
import type { InspectedSource, LoadedSource, SourceColumn } from "./readSource";
import type { StagePlan } from "./stage";
import { parseDouble } from "./valueSql";

const SPECS: ColumnSpec[] = [
  { name: "product_id", type: "VARCHAR", mode: "key" },
  { name: "product_name", type: "VARCHAR", mode: "free" },
  { name: "category", type: "VARCHAR", mode: "free" },
  { name: "price", type: "DOUBLE", mode: "key", parse: parseDouble, typeWord: "a number", finite: true },
];

export function productsSources(source: InspectedSource): Record<string, SourceColumn[]> {
  const found: Record<string, SourceColumn[]> = { product_id: requireColumns(source, ["product_id"]) };
  for (const spec of SPECS.slice(1)) {
    const column = findColumn(source, spec.name);
    if (column) found[spec.name] = [column];
  }
  return found;
}

export function productsPlan(source: LoadedSource, sources: Record<string, SourceColumn[]>, maxPrice: number): StagePlan {
  const has = (name: string) => sources[name] !== undefined;
  return {
    table: "products",
    source,
    columns: SPECS.map((spec) => stageColumn(spec, sources[spec.name] ?? [])),
    rules: [
      { reason: "missing_product_id", when: "product_id IS NULL", column: "product_id" },
      { reason: "bad_price", when: `"__bad_price"`, column: "price" },
      { reason: "negative_price", when: "price < 0", column: "price" },
      { reason: "implausible_price", when: `price > ${maxPrice}`, column: "price" },
      ...["product_id", "product_name", "category"]
        .filter(has)
        .map((c) => ({ reason: "value_too_long" as const, when: tooLongSql(c), column: c })),
    ],
    duplicates: { reason: "duplicate_product_id", key: ["product_id"], column: "product_id" },
    required: ["product_id"],
  };
}

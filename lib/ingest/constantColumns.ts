/**
 * Constant columns: a mapping may give a target column one value for every row, `{ "value": … }`,
 * where the file has no such column. An order export has no event type (every row is a purchase:
 * `"event_type": { "value": "purchase" }`), a one-currency shop no quantity.
 *
 * Not for the columns that tell rows apart: a constant user id makes one user of everyone, a constant
 * timestamp puts every event at one instant, a constant event id makes every row after the first a
 * duplicate, a constant session id one session per user over the whole window. Those are refused, and so
 * are the user attributes (location, gender, age, registration date): one value for everyone describes no one.
 */
import type { StageColumn } from "./stage";
import type { ColumnSpec } from "./columns";
import type { TargetColumn } from "./mapping";
import { sqlString } from "../db/duckdb";

const USER_ATTRIBUTE_CONSTANT = "every user would have the same value, which breaks nothing down; map the column that holds it, or leave it out";

export const NO_CONSTANT: Readonly<Partial<Record<TargetColumn, string>>> = {
  user_id: "every event would belong to one user",
  timestamp: "every event would happen at one instant",
  event_id: "every row after the first would be a duplicate",
  session_id: "each user would have one session over the whole window; leave it out and sessions come from inactivity",
  location: USER_ATTRIBUTE_CONSTANT,
  gender: USER_ATTRIBUTE_CONSTANT,
  age: USER_ATTRIBUTE_CONSTANT,
  registration_date: USER_ATTRIBUTE_CONSTANT,
};

const NUMERIC: readonly TargetColumn[] = ["price", "quantity"];

/** The constant of `{ "value": … }` as text; `fail` reports a mistake (and does not return). */
export function parseConstant(target: TargetColumn, source: Record<string, unknown>, fail: (message: string) => never): string {
  const refused = NO_CONSTANT[target];
  if (refused !== undefined) return fail(`"columns.${target}" cannot be a constant: ${refused}`);
  const keys = Object.keys(source);
  if (keys.length !== 1 || keys[0] !== "value") return fail(`"columns.${target}" must be a column name, a list of column names, or { "value": … }`);
  const value = source.value;
  if (NUMERIC.includes(target)) {
    if (typeof value !== "number" || !Number.isFinite(value)) return fail(`"columns.${target}.value" must be a number`);
    return String(value);
  }
  if (typeof value !== "string" || value.trim() === "") return fail(`"columns.${target}.value" must be a non-empty text`);
  return value;
}

/** A stage column holding `value` in every row: parsed like a text column, but naming no source column. */
export function constantColumn(spec: ColumnSpec, value: string): StageColumn {
  const literal = sqlString(value);
  return {
    name: spec.name,
    type: spec.type,
    source: null,
    text: literal,
    parse: (ref) => (spec.parse ? spec.parse(ref, "text") : ref),
    raw: literal,
    ...(spec.typeWord ? { typeWord: spec.typeWord } : {}),
  };
}

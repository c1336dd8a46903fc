/**
 * The rules for a users table: user id present; registration date readable and plausible; age a whole
 * number from 0 to 150; text at most 1,000 characters; then the first row of each user id is kept.
 * email (and any other column) is never read: personal data does not enter the warehouse.
 * A users row set aside does not drop the user's events: the user is then derived from them.
 */
import { type ColumnSpec, findColumn, requireColumns, stageColumn } from "./columns";
import { tooLongSql } from "./limits";
import type { InspectedSource, LoadedSource, SourceColumn } from "./readSource";
import type { StagePlan } from "./stage";
import { USER_ATTRIBUTE_SPECS, userAttributeRules } from "./userAttributes";

const SPECS: ColumnSpec[] = [
  { name: "user_id", type: "VARCHAR", mode: "key", pseudonymous: true },
  USER_ATTRIBUTE_SPECS.registration_date,
  USER_ATTRIBUTE_SPECS.age,
  USER_ATTRIBUTE_SPECS.gender,
  USER_ATTRIBUTE_SPECS.location,
  { name: "segment", type: "VARCHAR", mode: "free" },
];

export function usersSources(source: InspectedSource): Record<string, SourceColumn[]> {
  const found: Record<string, SourceColumn[]> = { user_id: requireColumns(source, ["user_id"]) };
  for (const spec of SPECS.slice(1)) {
    const column = findColumn(source, spec.name);
    if (column) found[spec.name] = [column];
  }
  return found;
}

export function usersPlan(source: LoadedSource, sources: Record<string, SourceColumn[]>): StagePlan {
  const has = (name: string) => sources[name] !== undefined;
  return {
    table: "users",
    source,
    columns: SPECS.map((spec) => stageColumn(spec, sources[spec.name] ?? [])),
    rules: [
      { reason: "missing_user_id", when: "user_id IS NULL", column: "user_id" },
      ...userAttributeRules(() => true),
      ...["user_id", "gender", "location", "segment"]
        .filter(has)
        .map((c) => ({ reason: "value_too_long" as const, when: tooLongSql(c), column: c })),
    ],
    duplicates: { reason: "duplicate_user_id", key: ["user_id"], column: "user_id" },
    required: ["user_id"],
  };
}

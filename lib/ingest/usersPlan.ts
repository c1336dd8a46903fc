/**
 * The rules for a users table: user id present; registration date readable and plausible; age a whole
 * number from 0 to 150; text at most 1,000 characters; then the first row of each user id is kept.
 * email (and any other column) is never read: personal data does not enter the warehouse.
 * A users row set aside does not drop the user's events: the user is then derived from them.
 */
import { sqlTimestamp } from "../dataset/window";
import { type ColumnSpec, findColumn, requireColumns, stageColumn } from "./columns";
import { PLAUSIBLE_FROM, PLAUSIBLE_TO, tooLongSql } from "./limits";
import type { InspectedSource, LoadedSource, SourceColumn } from "./readSource";
import type { StagePlan } from "./stage";
import { parseInteger, parseTimestamp } from "./valueSql";

const SPECS: ColumnSpec[] = [
  { name: "user_id", type: "VARCHAR", mode: "key", pseudonymous: true },
  {
    name: "registration_date",
    type: "TIMESTAMP",
    mode: "key",
    parse: (ref, kind) => parseTimestamp(ref, kind, "auto"),
    typeWord: "a timestamp",
  },
  { name: "age", type: "INTEGER", mode: "key", parse: parseInteger, typeWord: "a whole number" },
  { name: "gender", type: "VARCHAR", mode: "free" },
  { name: "location", type: "VARCHAR", mode: "free" },
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
      { reason: "bad_registration_date", when: `"__bad_registration_date"`, column: "registration_date" },
      {
        reason: "implausible_registration_date",
        when: `NOT (registration_date >= ${sqlTimestamp(PLAUSIBLE_FROM)} AND registration_date < ${sqlTimestamp(PLAUSIBLE_TO)})`,
        column: "registration_date",
      },
      { reason: "bad_age", when: `"__bad_age" OR age < 0 OR age > 150`, column: "age" },
      ...["user_id", "gender", "location", "segment"]
        .filter(has)
        .map((c) => ({ reason: "value_too_long" as const, when: tooLongSql(c), column: c })),
    ],
    duplicates: { reason: "duplicate_user_id", key: ["user_id"], column: "user_id" },
    required: ["user_id"],
  };
}

/**
 * User attributes: `location`, `gender`, `age` and `registration_date`. A users table states them; a
 * mapping may instead read them from columns of the events file (an order export with a country
 * column), docs/bring-your-own-data.md "User attributes from the events file".
 *
 * From the events, each user takes their first non-empty value in time order: the loaded row with the
 * earliest timestamp that has a value, ties at one instant broken by the row that comes first in the
 * file. A value that is there but wrong (an age that is not a whole number from 0 to 150, a registration
 * date that cannot be read) sets its row aside with the reason the users table gives it, so it is
 * counted, never dropped unseen; an empty value is simply not a value.
 */
import { sqlTimestamp } from "../dataset/window";
import type { ColumnSpec } from "./columns";
import { PLAUSIBLE_FROM, PLAUSIBLE_TO, tooLongSql } from "./limits";
import type { StageRule } from "./stage";
import { parseInteger, parseTimestamp } from "./valueSql";

export const USER_ATTRIBUTES = ["location", "gender", "age", "registration_date"] as const;
export type UserAttribute = (typeof USER_ATTRIBUTES)[number];

export const USER_ATTRIBUTE_SPECS: Record<UserAttribute, ColumnSpec> = {
  registration_date: {
    name: "registration_date",
    type: "TIMESTAMP",
    mode: "key",
    parse: (ref, kind) => parseTimestamp(ref, kind, "auto"),
    typeWord: "a timestamp",
  },
  age: { name: "age", type: "INTEGER", mode: "key", parse: parseInteger, typeWord: "a whole number" },
  gender: { name: "gender", type: "VARCHAR", mode: "free" },
  location: { name: "location", type: "VARCHAR", mode: "free" },
};

/** The rules a row breaks through its user attributes, for the attributes `has` says it reads. */
export function userAttributeRules(has: (attribute: UserAttribute) => boolean): StageRule[] {
  const rules: StageRule[] = [];
  if (has("registration_date")) {
    rules.push(
      { reason: "bad_registration_date", when: `"__bad_registration_date"`, column: "registration_date" },
      {
        reason: "implausible_registration_date",
        when: `NOT (registration_date >= ${sqlTimestamp(PLAUSIBLE_FROM)} AND registration_date < ${sqlTimestamp(PLAUSIBLE_TO)})`,
        column: "registration_date",
      },
    );
  }
  if (has("age")) rules.push({ reason: "bad_age", when: `"__bad_age" OR age < 0 OR age > 150`, column: "age" });
  return rules;
}

/** Text attributes are held to the length of any other text (value_too_long). */
export function userAttributeLengthRules(has: (attribute: UserAttribute) => boolean): StageRule[] {
  return (["gender", "location"] as const).filter(has).map((c) => ({ reason: "value_too_long" as const, when: tooLongSql(c), column: c }));
}

/**
 * A table of each user's attributes from the loaded rows of an events stage: one row per user id, the
 * id as `userId` writes it (a pseudonym when a key is given), a column per attribute read.
 */
export function userAttributesFromEventsSql(table: string, stage: string, attributes: readonly UserAttribute[], userId: (ref: string) => string): string {
  const first = (a: UserAttribute) => `first(${a} ORDER BY "timestamp", __row) FILTER (WHERE ${a} IS NOT NULL) AS ${a}`;
  return `CREATE OR REPLACE TEMP TABLE ${table} AS
    SELECT ${userId("user_id")} AS user_id, ${attributes.map(first).join(", ")}
    FROM ${stage} WHERE __rule IS NULL GROUP BY user_id`;
}

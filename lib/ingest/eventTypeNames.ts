/**
 * Event types beyond the seed schema's five. A mapping may keep a source type under any other name
 * (`"fav": "favorite"`): such events are loaded, count as activity wherever any event does (retention's
 * "any event", sessions, recency), may be funnel steps, and are shown on the pages by their name.
 * "refund" is the one name with a meaning: its amounts reduce revenue (lib/analysis/revenueSql.ts).
 * Names are kept plain (lower-case letters, digits, underscores) so they read well as labels and are
 * safe wherever a type is written into SQL or a file name.
 */
export const EVENT_TYPE_NAME = /^[a-z][a-z0-9_]{0,39}$/;
export const EVENT_TYPE_NAME_RULE = "lower-case letters, digits and _, starting with a letter, at most 40 characters";

export function isEventTypeName(value: unknown): value is string {
  return typeof value === "string" && EVENT_TYPE_NAME.test(value);
}

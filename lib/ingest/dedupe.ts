/**
 * What to do with events that are identical in every column read, in a file without event ids.
 *
 * "exact" (the default) keeps the first and sets the others aside as duplicate_row. Without ids, two
 * rows equal in user, time, type, product, price and quantity cannot be told apart, and the usual cause
 * is an export written twice or two files joined with an overlap; a doubled purchase would double its
 * revenue. "none" keeps them all: for logs whose clock is coarse (whole seconds, or dates) and where a
 * repeat is a real event, such as two page views of one item within a second. Either way the report
 * counts them (`derived.duplicate_rows`).
 */
export const DEDUPE_POLICIES = ["exact", "none"] as const;
export type DedupePolicy = (typeof DEDUPE_POLICIES)[number];
export const DEFAULT_DEDUPE: DedupePolicy = "exact";

export function isDedupePolicy(value: unknown): value is DedupePolicy {
  return (DEDUPE_POLICIES as readonly unknown[]).includes(value);
}

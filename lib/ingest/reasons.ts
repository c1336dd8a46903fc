/**
 * Why a row was set aside. Every row a reader sees is either loaded or set aside with exactly one of
 * these reasons (the first that applies, in the order the table's rules list them).
 */
export const REASONS = {
  // The CSV reader could not make a row of the line.
  invalid_utf8: "not valid UTF-8 text",
  row_too_long: "row longer than the reader's limit (2 MB)",
  wrong_column_count: "wrong number of columns",
  bad_quoting: "unterminated or misplaced quote",
  unreadable_row: "the CSV reader could not parse the row",
  // Values.
  missing_user_id: "missing user id",
  missing_timestamp: "missing timestamp",
  bad_timestamp: "timestamp that cannot be read",
  implausible_timestamp: "timestamp before 1990 or from 2100 on",
  missing_event_type: "missing event type",
  unknown_event_type: "unknown event type",
  excluded_event_type: "event type the mapping leaves out",
  missing_event_id: "missing event id",
  missing_session_id: "missing session id",
  missing_product_id: "missing product id (on a product event, or in the products table)",
  bad_price: "price that is not a number",
  negative_price: "negative price",
  implausible_price: "price above the plausible maximum",
  missing_price: "purchase without a price",
  missing_quantity: "cart or purchase without a quantity",
  bad_quantity: "quantity that is not a whole number",
  quantity_not_positive: "quantity of 0 or less",
  implausible_quantity: "quantity above 1,000,000",
  value_too_long: "text value longer than 1,000 characters",
  bad_registration_date: "registration date that cannot be read",
  implausible_registration_date: "registration date before 1990 or from 2100 on",
  bad_age: "age that is not a whole number from 0 to 150",
  // Across rows and tables.
  unknown_product: "product not in the products table",
  outside_window: "event outside the dataset's window",
  duplicate_event_id: "duplicate event id (the first is kept)",
  duplicate_row: "duplicate of an earlier row (the first is kept)",
  duplicate_user_id: "duplicate user id (the first is kept)",
  duplicate_product_id: "duplicate product id (the first is kept)",
} as const;

export type ReasonCode = keyof typeof REASONS;

export function reasonLabel(reason: ReasonCode): string {
  return REASONS[reason];
}

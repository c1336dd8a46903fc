/**
 * Revenue as SQL over the events: price × quantity of purchases, less refunds. A mapping may name a
 * source type "refund" (`"event_types": {"return": "refund"}`); its amount reduces revenue whether the
 * export writes it as a positive or a negative price. A missing quantity counts as one item. Summed as
 * DECIMAL (see exactAmountSql) so every run gives the same bytes.
 */
import { exactAmountSql } from "../db/exactAmountSql";

export const REFUND_EVENT = "refund";

/** The events that move revenue. */
export const REVENUE_EVENTS_SQL = `event_type IN ('purchase', '${REFUND_EVENT}')`;

/** One event's signed amount: + for a purchase, − for a refund, as DECIMAL. */
export const SIGNED_AMOUNT_SQL = exactAmountSql(
  `CASE WHEN event_type = '${REFUND_EVENT}' THEN -abs(price) ELSE price END * coalesce(quantity, 1)`,
);

/** sum(signed amount) over purchases and refunds: NULL when none has a price. */
export const REVENUE_SUM_SQL = `sum(${SIGNED_AMOUNT_SQL}) FILTER (WHERE ${REVENUE_EVENTS_SQL})`;

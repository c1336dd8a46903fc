/**
 * Per user, the days a cohort can be anchored on: registration, first event, first purchase.
 * The user universe is the users table together with anyone who has events: a user who only appears in
 * the events (possible in brought data) is still a user, and a registered user without events still
 * belongs to a registration cohort (docs/metrics.md §3: cohort size counts users with no events at all).
 */
import { localDaySql } from "../db/calendarDaySql.js";

export function userAnchorsSql(userDaysTable: string, timezone: string): string {
  return `SELECT coalesce(u.user_id, d.user_id) AS user_id, u.registration_day, d.first_day, d.first_purchase_day
    FROM (
      SELECT user_id, ${localDaySql("min(registration_date)", timezone)} AS registration_day
      FROM users WHERE user_id IS NOT NULL GROUP BY user_id
    ) AS u
    FULL OUTER JOIN (
      SELECT user_id, min(day) AS first_day, min(day) FILTER (WHERE purchases > 0) AS first_purchase_day
      FROM ${userDaysTable} GROUP BY user_id
    ) AS d ON u.user_id = d.user_id`;
}

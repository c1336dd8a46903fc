/**
 * Sessions for events that carry no session id (docs/metrics.md: "from 30 minutes of inactivity"): per
 * user, in time order, a new session starts at the first event and at every event that comes more than
 * the timeout after the previous one (exactly the timeout apart stays in the same session). Ties in time
 * keep file order. Ids are "s1", "s2", … per user: a session is a user_id + session_id, and the id must
 * not carry the user id, which may be pseudonymised.
 */
export function sessionizeSql(relation: string, timeoutMinutes: number): string {
  const timeoutMs = Math.round(timeoutMinutes * 60_000);
  return `SELECT * EXCLUDE (__new_session) REPLACE (
    's' || sum(__new_session) OVER (PARTITION BY user_id ORDER BY "timestamp", __row ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS session_id)
  FROM (
    SELECT *, CASE WHEN epoch_ms("timestamp") - epoch_ms(lag("timestamp") OVER w) <= ${timeoutMs} THEN 0 ELSE 1 END AS __new_session
    FROM ${relation}
    WINDOW w AS (PARTITION BY user_id ORDER BY "timestamp", __row))`;
}

/**
 * Events near midnight for time-zone tests, each with its day worked out by hand in the comments.
 * Shanghai is UTC+8 all year. New York switched from EST (UTC−5) to EDT (UTC−4) at 2025-03-09 02:00
 * local, so its midnights are 05:00Z up to March 9 and 04:00Z from March 10.
 */
import type { TinyDataset } from "./tinyDataset.js";

/**
 * Shanghai: u1 buys at 23:30Z on Jan 31 (Feb 1, 07:30 in Shanghai); u2's first event is on Jan 31 in
 * both zones, its second on Feb 28 UTC but Mar 1, 00:30 in Shanghai; u3 is mid-February in both.
 * Every event is its own session. No registration dates: cohorts are anchored on the first event.
 */
export const SHANGHAI_EVENTS: TinyDataset = {
  users: [{ user_id: "u1" }, { user_id: "u2" }, { user_id: "u3" }],
  events: [
    { user_id: "u1", session_id: "s1", event_type: "purchase", timestamp: "2025-01-31T23:30:00Z", price: 10, quantity: 1 },
    { user_id: "u1", session_id: "s2", event_type: "product_view", timestamp: "2025-03-01T10:00:00Z" },
    { user_id: "u2", session_id: "s3", event_type: "product_view", timestamp: "2025-01-31T15:00:00Z" },
    { user_id: "u2", session_id: "s4", event_type: "product_view", timestamp: "2025-02-28T16:30:00Z" },
    { user_id: "u3", session_id: "s5", event_type: "product_view", timestamp: "2025-02-10T12:00:00Z" },
  ],
};

/**
 * New York across the start of daylight saving. ISO weeks begin Monday Feb 24, Mar 3 (midnight 05:00Z,
 * EST) and Mar 10 (midnight 04:00Z, EDT).
 *   C 2025-03-03T04:30Z = Sun Mar 2, 23:30 EST → week of Feb 24 (UTC, or a fixed UTC−4, would say Mar 3)
 *     2025-03-03T05:00Z = Mon Mar 3, 00:00 EST → week of Mar 3
 *   B 2025-03-10T03:30Z = Sun Mar 9, 23:30 EDT → week of Mar 3 (UTC would say Mar 10)
 *     2025-03-10T04:00Z = Mon Mar 10, 00:00 EDT → week of Mar 10
 *   A 2025-03-10T04:30Z = Mon Mar 10, 00:30 EDT → week of Mar 10 (a fixed UTC−5 would say Mar 3)
 *     2025-03-17T03:59Z = Sun Mar 16, 23:59 EDT → still the week of Mar 10
 */
export const NEW_YORK_EVENTS: TinyDataset = {
  users: [{ user_id: "A" }, { user_id: "B" }, { user_id: "C" }],
  events: [
    { user_id: "C", session_id: "c1", event_type: "product_view", timestamp: "2025-03-03T04:30:00Z" },
    { user_id: "C", session_id: "c2", event_type: "product_view", timestamp: "2025-03-03T05:00:00Z" },
    { user_id: "B", session_id: "b1", event_type: "product_view", timestamp: "2025-03-10T03:30:00Z" },
    { user_id: "B", session_id: "b2", event_type: "product_view", timestamp: "2025-03-10T04:00:00Z" },
    { user_id: "A", session_id: "a1", event_type: "product_view", timestamp: "2025-03-10T04:30:00Z" },
    { user_id: "A", session_id: "a2", event_type: "product_view", timestamp: "2025-03-17T03:59:00Z" },
  ],
};

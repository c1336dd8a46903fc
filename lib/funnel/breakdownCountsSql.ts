/**
 * Conversion counts of a unit table by user attribute (docs/metrics.md §4 breakdowns), all attributes in one
 * scan with GROUPING SETS. Attribute values per user:
 * - segment, gender: as stored;
 * - age_band: 18–24, 25–34, 35–44, 45–54, 55–65, and "Outside 18–65" for ages the bands do not cover;
 * - location: the 8 locations with the most users in the users table (ties by name), every other
 *   location as "Other" — ranked on the users table so session and user breakdowns share one top 8.
 * A missing attribute (or a unit whose user is not in the users table) stays NULL here.
 * Units are first counted per user, so the attribute join sees one row per user, not per session; the
 * per-user sums of squares give each group's design effect (a user's sessions are not independent).
 */
import type { BreakdownAttribute } from "./types.js";

export const BREAKDOWN_ATTRIBUTES: readonly BreakdownAttribute[] = ["segment", "gender", "age_band", "location"];
export const AGE_BANDS: readonly (readonly [number, number])[] = [
  [18, 24],
  [25, 34],
  [35, 44],
  [45, 54],
  [55, 65],
];
export const AGE_OUTSIDE_BANDS = "Outside 18–65";
export const OTHER_LOCATION = "Other";
export const TOP_LOCATIONS = 8;

export function ageBandLabel([low, high]: readonly [number, number]): string {
  return `${low}–${high}`;
}

function ageBandSql(): string {
  const cases = AGE_BANDS.map((band) => `WHEN age BETWEEN ${band[0]} AND ${band[1]} THEN '${ageBandLabel(band)}'`).join(" ");
  return `CASE WHEN age IS NULL THEN NULL ${cases} ELSE '${AGE_OUTSIDE_BANDS}' END`;
}

export interface BreakdownCountRow {
  attribute: BreakdownAttribute;
  value: string | null;
  units: number;
  converted: number;
  /** Per-user sums for the design effect (units are sessions clustered in users); absent = independent units. */
  users?: number;
  sum_units_squared?: number;
  sum_converted_squared?: number;
  sum_units_converted?: number;
}

export function breakdownCountsSql(stepsTable: string, lastStep: number): string {
  return `WITH top_locations AS (
      SELECT location FROM users WHERE location IS NOT NULL
      GROUP BY location ORDER BY count(DISTINCT user_id) DESC, location LIMIT ${TOP_LOCATIONS}
    ),
    user_attributes AS (
      SELECT DISTINCT ON (user_id) user_id,
        CAST(segment AS VARCHAR) AS segment,
        CAST(gender AS VARCHAR) AS gender,
        ${ageBandSql()} AS age_band,
        CASE WHEN location IS NULL THEN NULL
             WHEN location IN (SELECT location FROM top_locations) THEN location
             ELSE '${OTHER_LOCATION}' END AS location
      FROM users WHERE user_id IS NOT NULL
    ),
    per_user AS (
      SELECT user_id, count(*) AS units, count(step_${lastStep}) AS converted FROM ${stepsTable} GROUP BY user_id
    ),
    grouped AS (
      SELECT grouping(a.segment) AS no_segment, grouping(a.gender) AS no_gender,
        grouping(a.age_band) AS no_age_band, grouping(a.location) AS no_location,
        a.segment, a.gender, a.age_band, a.location,
        CAST(sum(s.units) AS INTEGER) AS units,
        CAST(sum(s.converted) AS INTEGER) AS converted,
        CAST(count(*) AS INTEGER) AS users,
        CAST(sum(s.units * s.units) AS DOUBLE) AS sum_units_squared,
        CAST(sum(s.converted * s.converted) AS DOUBLE) AS sum_converted_squared,
        CAST(sum(s.units * s.converted) AS DOUBLE) AS sum_units_converted
      FROM per_user AS s LEFT JOIN user_attributes AS a ON a.user_id = s.user_id
      GROUP BY GROUPING SETS ((a.segment), (a.gender), (a.age_band), (a.location))
    )
    SELECT CASE WHEN no_segment = 0 THEN 'segment' WHEN no_gender = 0 THEN 'gender'
                WHEN no_age_band = 0 THEN 'age_band' ELSE 'location' END AS attribute,
      CASE WHEN no_segment = 0 THEN segment WHEN no_gender = 0 THEN gender
           WHEN no_age_band = 0 THEN age_band ELSE location END AS value,
      units, converted, users, sum_units_squared, sum_converted_squared, sum_units_converted
    FROM grouped`;
}

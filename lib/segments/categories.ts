/**
 * Category preference of each cluster: how its product views and purchases split across categories,
 * and the lift of each share over the population's share (lift 2 = twice as concentrated on that
 * category as everyone's activity). The assignment goes into a temp table so the aggregation stays in
 * DuckDB, whatever the number of users.
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import { queryTraced } from "../db/sqlTrace";
import type { AnalysisWindow } from "../dataset/window";
import { sqlTimestamp } from "../dataset/window";
import { quoteIdentifier } from "../db/quoteIdentifier";
import { writeUserTable } from "./userTable";

export interface CategoryPreference {
  cluster: number;
  category: string;
  views: number;
  /** This cluster's views of the category / all of this cluster's views (null when it has none). */
  view_share: number | null;
  /** view_share / the population's view share of the category. */
  view_lift: number | null;
  purchases: number;
  purchase_share: number | null;
  purchase_lift: number | null;
}

interface CountRow {
  cluster: number;
  category: string;
  views: number;
  purchases: number;
}

const ASSIGNMENT_TABLE = "segments_assignment";

export async function categoryPreferences(
  connection: DuckDBConnection,
  window: AnalysisWindow,
  userIds: readonly string[],
  clusters: Int32Array,
  k: number,
): Promise<CategoryPreference[]> {
  await writeUserTable(connection, ASSIGNMENT_TABLE, { userIds, clusters });
  try {
    const counts = await queryTraced<CountRow>(
      connection,
      "segments.category_counts",
      `SELECT a.cluster, e.category,
         CAST(count(*) FILTER (WHERE e.event_type = 'product_view') AS INTEGER) AS views,
         CAST(count(*) FILTER (WHERE e.event_type = 'purchase') AS INTEGER) AS purchases
       FROM events e JOIN ${quoteIdentifier(ASSIGNMENT_TABLE)} a ON a.user_id = e.user_id
       WHERE e."timestamp" >= ${sqlTimestamp(window.start)} AND e."timestamp" < ${sqlTimestamp(window.end)}
         AND e.category IS NOT NULL
       GROUP BY ALL
       ORDER BY a.cluster, e.category`,
    );
    return preferencesFromCounts(counts, k);
  } finally {
    await connection.run(`DROP TABLE IF EXISTS temp.main.${quoteIdentifier(ASSIGNMENT_TABLE)}`);
  }
}

/** Shares and lifts from (cluster, category) counts; every cluster × category pair appears, zeros included. */
export function preferencesFromCounts(counts: readonly CountRow[], k: number): CategoryPreference[] {
  const categories = [...new Set(counts.map((row) => row.category))].sort();
  const cell = new Map(counts.map((row) => [`${row.cluster}\u0000${row.category}`, row]));
  const clusterTotals = Array.from({ length: k }, () => ({ views: 0, purchases: 0 }));
  const categoryTotals = new Map(categories.map((c) => [c, { views: 0, purchases: 0 }]));
  let allViews = 0;
  let allPurchases = 0;
  for (const row of counts) {
    clusterTotals[row.cluster]!.views += row.views;
    clusterTotals[row.cluster]!.purchases += row.purchases;
    categoryTotals.get(row.category)!.views += row.views;
    categoryTotals.get(row.category)!.purchases += row.purchases;
    allViews += row.views;
    allPurchases += row.purchases;
  }
  const out: CategoryPreference[] = [];
  for (let cluster = 0; cluster < k; cluster++) {
    for (const category of categories) {
      const row = cell.get(`${cluster}\u0000${category}`);
      const views = row?.views ?? 0;
      const purchases = row?.purchases ?? 0;
      const viewShare = share(views, clusterTotals[cluster]!.views);
      const purchaseShare = share(purchases, clusterTotals[cluster]!.purchases);
      out.push({
        cluster,
        category,
        views,
        view_share: viewShare,
        view_lift: lift(viewShare, share(categoryTotals.get(category)!.views, allViews)),
        purchases,
        purchase_share: purchaseShare,
        purchase_lift: lift(purchaseShare, share(categoryTotals.get(category)!.purchases, allPurchases)),
      });
    }
  }
  return out;
}

function share(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

function lift(groupShare: number | null, populationShare: number | null): number | null {
  return groupShare === null || populationShare === null || populationShare === 0 ? null : groupShare / populationShare;
}

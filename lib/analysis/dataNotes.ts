/**
 * What a reader must know about the shape of the data before trusting a number: sentences the pages
 * show near the top (Overview) and beside the charts they concern. Each comes from the module that
 * owns the fact; this collects them in a stable order. Empty for complete data (generated data).
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import { queryRows } from "../db/duckdb";
import type { DerivedFacts } from "../ingest/validationReport";
import { timestampPrecisionSentence } from "../ingest/timestampPrecision";
import { type FunnelFit, funnelFit, funnelFitSentence } from "./funnelFit";
import { type RevenueCoverage, revenueCoverage, revenueCoverageSentence } from "./revenueCoverage";

export interface DataNotes {
  revenue: RevenueCoverage;
  funnel_fit: FunnelFit;
  /** The funnel-fit sentence alone, for the Funnel page (also first in `notes`). */
  funnel_fit_note: string | null;
  /** Plain-text sentences, most important first. */
  notes: string[];
}

export function duplicateRowsSentence(derived: Pick<DerivedFacts, "duplicate_rows">): string | null {
  const d = derived.duplicate_rows;
  if (!d || d.count === 0) return null;
  const rows = `${d.count.toLocaleString("en-US")} event${d.count === 1 ? "" : "s"}`;
  return d.policy === "none"
    ? `${rows} repeat an earlier row in every column read (the data has no event ids); they are kept ("dedupe": "none").`
    : `${rows} repeated an earlier row in every column read (the data has no event ids) and were set aside as duplicates ("dedupe": "exact").`;
}

/** `funnel`: the configured funnel steps, null for the default funnels. */
export async function dataNotes(
  connection: DuckDBConnection,
  derived: Pick<DerivedFacts, "duplicate_rows" | "timestamps">,
  funnel: readonly string[] | null = null,
): Promise<DataNotes> {
  const [row] = await queryRows<{ purchases: number; priced: number }>(
    connection,
    `SELECT count(*)::INTEGER AS purchases, count(price)::INTEGER AS priced FROM events WHERE event_type = 'purchase'`,
  );
  const revenue = revenueCoverage(row?.purchases ?? 0, row?.priced ?? 0);
  const fit = await funnelFit(connection, funnel);
  const fitNote = funnelFitSentence(fit);
  const notes = [fitNote, revenueCoverageSentence(revenue), timestampPrecisionSentence(derived.timestamps), duplicateRowsSentence(derived)];
  return { revenue, funnel_fit: fit, funnel_fit_note: fitNote, notes: notes.filter((n): n is string => n !== null) };
}

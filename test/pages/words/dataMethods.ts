/**
 * The Data & methods page's words on brought data: where the data comes from and what it holds, the
 * validation sentences, and the profile shown in place of the realism table (what it holds, its event
 * mix, its daily volume, what it lacks).
 */
import { measureDataProfile } from "../../../lib/analysis/dataProfile.js";
import { computeHeadline } from "../../../lib/analysis/headline.js";
import { stopTracing, traceConnection } from "../../../lib/db/sqlTrace.js";
import type { ValidationReport } from "../../../lib/ingest/validationReport.js";
import { type DataMethodsPage, buildDataMethodsPage } from "../../../lib/pages/dataMethods.js";
import type { DatasetContext, PageWords } from "./pageWords.js";

/** The validation report of a tiny dataset: every row loaded; a products table given only when it has rows. */
function validationOf(context: DatasetContext): ValidationReport {
  const { data } = context;
  const table = (name: "events" | "users" | "products", rows: number) => ({ table: name, file: `${name}.csv`, format: "csv" as const, read: rows, loaded: rows, set_aside: 0, reasons: [], ignored_columns: [] });
  const products = data.products?.length ?? 0;
  const tables = [table("events", data.events.length), table("users", data.users.length), ...(products > 0 ? [table("products", products)] : [])];
  const read = tables.reduce((s, t) => s + t.read, 0);
  return {
    input: { schema: "seed", preset: null, mapping_file: null },
    tables,
    derived: { tables: products > 0 ? [] : ["products"], users_added_from_events: 0, products_added_from_events: 0, event_ids: "source", sessions: "source", quantity: "source", personal_columns_dropped: [], float_ids_normalized: [], duplicate_rows: null, timestamps: "date_time", user_attributes_from_events: null },
    rules: {} as ValidationReport["rules"],
    pseudonymized: false,
    totals: { read, loaded: read, set_aside: 0 },
    warnings: [],
  };
}

export const dataMethodsWords: PageWords<DataMethodsPage> = {
  name: "data-methods",
  async build(context) {
    const { connection, coverage } = context;
    const trace = traceConnection(connection);
    const profile = await measureDataProfile(connection, coverage.timezone);
    stopTracing(connection);
    const headline = await context.once("headline", () => computeHeadline(connection));
    const definitions = { source: "docs/metrics.md", html: "" } as const;
    return buildDataMethodsPage({ coverage, headline, source: { kind: "folder" }, validation: validationOf(context), realism: null, profile, definitions }, trace);
  },
  sentences(page) {
    const profile = page.profile!;
    const daily = { ...profile.daily.volume };
    const mix = profile.mix.rows.map((r) => ({ events: r.events, share: r.share }));
    return [
      { text: page.origin, parts: {} },
      { text: page.holds, parts: page.validation.tables, free: true },
      { text: page.validation.summary, parts: page.validation.totals },
      { text: page.validation.derived, parts: {} },
      ...page.validation.tables.map((t) => ({ text: t.invariant, parts: t })),
      { text: profile.holds, parts: page.validation.tables, free: true },
      { text: profile.mix.sentence, parts: { mix, types: mix.length } },
      { text: profile.mix.alt, parts: { mix } },
      { text: profile.daily.sentence, parts: daily },
      { text: profile.daily.alt, parts: daily },
      { text: profile.daily.caption, parts: {} },
      { text: profile.lacks, parts: { minutes: 30 } },
    ];
  },
};

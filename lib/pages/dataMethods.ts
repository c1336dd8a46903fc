/**
 * The Data & methods page: everything data-driven it shows, built at build time under one type,
 * DataMethodsPage. What the data is and where it comes from; the validation report (rows read, loaded and
 * set aside, per table and reason); on generated data the realism table (each statistic of docs/realism.md
 * beside its target), on brought data a profile of the data itself instead (what it holds, its event mix,
 * its daily volume, what it lacks); and the definitions of docs/metrics.md, rendered at build time.
 * The browser only places the text (src/data-methods.md and the components it imports).
 */
import type { CoverageData } from "../analysis/coverage";
import type { DataProfile } from "../analysis/dataProfile";
import type { Headline } from "../analysis/headline";
import type { SqlTrace } from "../db/sqlTrace";
import type { Definitions } from "../definitions/renderDefinitions";
import { countOf, formatInteger, formatList, formatMoney, formatNumber, formatPercent, plural, windowText } from "../format";
import type { ValidationReport } from "../ingest/validationReport";
import type { RealismCheck } from "../realism/realismChecks";
import { type OverviewFacts, spanText } from "./overview";

/** What the page is built from: the Overview's shared facts, the validation report, and realism or a profile. */
export interface DataMethodsFacts {
  coverage: CoverageData;
  headline: Headline;
  source: OverviewFacts["source"];
  validation: ValidationReport;
  /** Measured on generated data only: its targets describe the generator. */
  realism: RealismCheck[] | null;
  /** Measured on brought data only. */
  profile: DataProfile | null;
  definitions: Definitions;
}

type CsvCell = string | number | boolean | null;

export interface DataMethodsPage {
  generated: boolean;
  /** Where the data comes from (generated with which seed, or brought and read how). */
  origin: string;
  /** What it holds and over which days of which zone. */
  holds: string;
  validation: {
    /** "Here, 10 rows were read, 9 loaded and 1 set aside.", from `totals`. */
    summary: string;
    totals: ValidationReport["totals"];
    /** Which tables were derived from the events ("" when none). */
    derived: string;
    /** One row per table: name, file, read, loaded, set aside (as text), and its read = loaded + set aside sentence. */
    tables: { table: string; file: string; cells: string[]; invariant: string; read: number; loaded: number; set_aside: number }[];
    warnings: { code: string; text: string }[];
    /** Set-aside rows per reason: label, table, count as text. */
    reasons: string[][];
    /** Up to three examples per reason: reason, table, row, column, value, detail. */
    examples: string[][];
    /** Said when no row was set aside; null otherwise. */
    none: string | null;
    csv: { columns: string[]; rows: Record<string, CsvCell>[] };
  };
  /** The realism table (generated data only). */
  realism: null | {
    summary: string;
    rows: { id: number; statistic: string; measured: string; target: string; benchmark: string; pass: boolean }[];
    count: string;
    csv: { columns: string[]; rows: Record<string, CsvCell>[] };
  };
  /** A profile of brought data in place of the realism table. */
  profile: null | DataProfilePart;
  definitions: Definitions;
}

export interface DataProfilePart {
  holds: string;
  mix: {
    rows: { event_type: string; events: number; share: number; label: string }[];
    sentence: string;
    caption: string;
    alt: string;
    sql: string;
    columns: string[];
  };
  daily: {
    rows: { day: string; events: number }[];
    /** The typed parts of the sentence: days shown, fewest and most events a day, days without any. */
    volume: { days: number; min: number; max: number; median: number; empty_days: number; events: number };
    sentence: string;
    caption: string;
    alt: string;
    sql: string;
    columns: string[];
  };
  /** What the report reads that the data does not have, as phrases ("no prices"), and their sentence. */
  lacking: string[];
  lacks: string;
  /** What the data's shape means for its numbers (coverage.notes). */
  notes: string[];
}

// ---- realism ----

/** How a named value reads in the table; rows with one value print it bare. */
const VALUE_NAMES: Record<string, string> = { m1: "M1", m6: "M6", ln_sd: "sd of ln(price)" };
/** Values printed as "800 products" rather than "median $57.31". */
const COUNTED = new Set(["products", "categories", "minutes"]);

/** One measured value as text. `id` tells apart values with the same name on different rows. */
export function formatRealismValue(id: number, name: string, value: number, symbol = "$"): string {
  switch (name) {
    case "rate":
    case "share":
    case "m1":
    case "m6":
      return formatPercent(value, 1);
    case "ratio":
    case "ln_sd":
      return formatNumber(value, 2);
    case "products":
    case "categories":
      return formatInteger(value);
    case "events":
      // Row 1 counts every event; row 15's is a median per session.
      return id === 1 ? formatInteger(value) : formatNumber(value, Number.isInteger(value) ? 0 : 1);
    case "min":
    case "max":
    case "median":
      return formatMoney(value, 2, symbol);
    case "minutes":
      return formatNumber(value, 1);
    default:
      return formatNumber(value, Math.abs(value) >= 100 || Number.isInteger(value) ? 0 : 3);
  }
}

/** All of a row's measured values: "39.5%", or "M1 39.5%; M6 14.8%", or "800 products; 10 categories". */
export function formatRealismValues(row: Pick<RealismCheck, "id" | "values">, symbol = "$"): string {
  const entries = Object.entries(row.values);
  if (entries.length === 1) return formatRealismValue(row.id, entries[0]![0], entries[0]![1], symbol);
  return entries
    .map(([name, value]) => {
      const text = formatRealismValue(row.id, name, value, symbol);
      const label = VALUE_NAMES[name] ?? name.replace(/_/g, " ");
      return COUNTED.has(name) || (name === "events" && row.id !== 1) ? `${text} ${label}` : `${label} ${text}`;
    })
    .join("; ");
}

function realismPart(checks: readonly RealismCheck[], symbol: string): NonNullable<DataMethodsPage["realism"]> {
  const failed = checks.filter((c) => !c.pass);
  const summary =
    failed.length === 0
      ? checks.length === 1
        ? "The one check is within target."
        : `All ${formatInteger(checks.length)} are within target.`
      : `${formatInteger(checks.length - failed.length)} of ${formatInteger(checks.length)} are within target; outside: ${failed.map((c) => `#${c.id} ${c.statistic}`).join(", ")}.`;
  const rows = checks.map((c) => ({ id: c.id, statistic: c.statistic, measured: formatRealismValues(c, symbol), target: c.target, benchmark: c.benchmark, pass: c.pass }));
  const valueColumns = [...new Set(checks.flatMap((c) => Object.keys(c.values)))].map((name) => `value_${name}`);
  return {
    summary,
    rows,
    count: countOf(checks.length, "row"),
    csv: {
      columns: ["id", "statistic", "measured", ...valueColumns, "target", "benchmark", "pass"],
      rows: checks.map((c, i) => ({
        id: c.id,
        statistic: c.statistic,
        measured: rows[i]!.measured,
        ...Object.fromEntries(Object.entries(c.values).map(([name, value]) => [`value_${name}`, value])),
        target: c.target,
        benchmark: c.benchmark,
        pass: c.pass,
      })),
    },
  };
}

// ---- validation ----

/** One sentence per table: read = loaded + set aside, with the numbers. */
export function invariantText(t: Pick<ValidationReport["tables"][number], "table" | "file" | "read" | "loaded" | "set_aside">): string {
  const holds = t.read === t.loaded + t.set_aside;
  return `${t.table} (${t.file}): ${countOf(t.read, "row")} read = ${formatInteger(t.loaded)} loaded + ${formatInteger(t.set_aside)} set aside${holds ? "" : " (does NOT add up)"}.`;
}

function validationPart(report: ValidationReport): DataMethodsPage["validation"] {
  const { totals, derived } = report;
  const adds = totals.read === totals.loaded + totals.set_aside;
  const reasons = report.tables.flatMap((t) => t.reasons.map((r) => ({ table: t.table, ...r })));
  const csvRow = (table: string, file: string, reason: string, count: number | null, row: number | null, column: string | null, value: string | null) => ({ table, file, reason, count, row, column, value });
  return {
    summary: `Here, ${countOf(totals.read, "row")} ${plural("was", totals.read, "were")} read, ${formatInteger(totals.loaded)} loaded and ${formatInteger(totals.set_aside)} set aside${adds ? "" : ", which does not add up"}.`,
    totals,
    derived:
      derived.tables.length > 0
        ? `The data had no ${formatList(derived.tables, "or")} table; ${plural("it was", derived.tables.length, "they were")} derived from the events.`
        : "",
    tables: report.tables.map((t) => ({
      table: t.table,
      file: t.file,
      cells: [t.table, t.file, formatInteger(t.read), formatInteger(t.loaded), formatInteger(t.set_aside)],
      invariant: invariantText(t),
      read: t.read,
      loaded: t.loaded,
      set_aside: t.set_aside,
    })),
    warnings: report.warnings.map((w) => ({ code: w.code, text: `Warning: ${w.message}` })),
    reasons: reasons.map((r) => [r.label, r.table, formatInteger(r.count)]),
    examples: reasons.flatMap((r) =>
      r.examples.map((e) => [r.label, r.table, formatInteger(e.row), e.column ?? "(whole row)", e.value ?? (e.detail ? "" : "(empty)"), e.detail ?? ""]),
    ),
    none: reasons.length === 0 ? "No row was set aside: every row read was loaded." : null,
    csv: {
      columns: ["table", "file", "reason", "count", "row", "column", "value"],
      rows: report.tables.flatMap((t) => [
        csvRow(t.table, t.file, "(read)", t.read, null, null, null),
        csvRow(t.table, t.file, "(loaded)", t.loaded, null, null, null),
        ...t.reasons.flatMap((r) => [
          csvRow(t.table, t.file, r.reason, r.count, null, null, null),
          ...r.examples.map((e) => csvRow(t.table, t.file, r.reason, null, e.row, e.column, e.value)),
        ]),
      ]),
    },
  };
}

// ---- the profile of brought data ----

/** The median of counts (the mean of the middle two for an even number). */
function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function mixPart(profile: DataProfile, events: number, trace: SqlTrace): DataProfilePart["mix"] {
  const rows = profile.event_mix.map((m) => {
    const share = events > 0 ? m.events / events : 0;
    return { event_type: m.event_type, events: m.events, share, label: `${formatInteger(m.events)} (${formatPercent(share)})` };
  });
  const items = rows.map((r) => `${r.event_type} (${countOf(r.events, "event")}, ${formatPercent(r.share)})`);
  const types = countOf(rows.length, "type");
  return {
    rows,
    sentence: rows.length === 0 ? "The data holds no events." : `It records events of ${types}: ${formatList(items)}.`,
    caption: "Events of each type in the data, with their share of all events.",
    alt: rows.length === 0 ? "No events." : `Events by type: ${formatList(rows.map((r) => `${r.event_type} ${r.label}`))}.`,
    sql: trace.sql("profile.event_mix").replace(/;$/, ""),
    columns: ["event_type", "events", "share"],
  };
}

function dailyPart(profile: DataProfile, timezone: string, trace: SqlTrace): DataProfilePart["daily"] {
  const rows = profile.daily;
  const counts = rows.map((r) => r.events);
  const volume = {
    days: rows.length,
    min: counts.length ? Math.min(...counts) : 0,
    max: counts.length ? Math.max(...counts) : 0,
    median: counts.length ? median(counts) : 0,
    empty_days: counts.filter((n) => n === 0).length,
    events: counts.reduce((s, n) => s + n, 0),
  };
  const first = rows[0]?.day ?? "";
  const last = rows.at(-1)?.day ?? "";
  let sentence: string;
  if (volume.days === 0) sentence = "The data holds no events, so it has no daily volume.";
  else if (volume.days === 1)
    sentence = volume.events === 1 ? `The data's one event falls on ${first} (${timezone}).` : `All ${countOf(volume.events, "event")} fall on one calendar day, ${first} (${timezone}).`;
  else {
    const range = volume.min === volume.max ? `every day holds ${countOf(volume.min, "event")}` : `a day holds from ${formatInteger(volume.min)} to ${countOf(volume.max, "event")} (median ${formatNumber(volume.median, Number.isInteger(volume.median) ? 0 : 1)})`;
    const empty = volume.empty_days > 0 ? `; ${countOf(volume.empty_days, "day")} ${plural("has", volume.empty_days, "have")} none` : "";
    sentence = `Over the ${formatInteger(volume.days)} calendar days from ${first} to ${last} (${timezone}), ${range}${empty}.`;
  }
  return {
    rows,
    volume,
    sentence,
    caption: `Events per calendar day in the data's time zone (${timezone}), every day from the first event to the last.`,
    alt: volume.days === 0 ? "No events." : `Events per day (${timezone}) from ${first} to ${last}: between ${formatInteger(volume.min)} and ${formatInteger(volume.max)} a day.`,
    sql: trace.sql("profile.daily").replace(/;$/, ""),
    columns: ["day", "events"],
  };
}

/** What the report reads that the data does not hold, as short phrases, in the order a reader meets them. */
export function lackingPhrases(coverage: CoverageData, profile: DataProfile, validation: Pick<ValidationReport, "derived">): string[] {
  const types = coverage.event_types;
  const { attributes } = profile;
  const absentAttributes = (["age", "gender", "location"] as const).filter((a) => attributes[a] === 0);
  const phrases = [
    validation.derived.timestamps === "date_only" ? "no times of day (dates only)" : null,
    validation.derived.sessions === "inactivity" ? "no session ids (sessions end after 30 minutes without an event)" : null,
    types.session_start === 0 ? "no session starts" : null,
    types.product_view === 0 ? "no product views" : null,
    types.add_to_cart === 0 ? "no carts" : null,
    types.purchase === 0 ? "no purchases" : null,
    coverage.revenue.purchases > 0 && coverage.revenue.priced_purchases === 0 ? "no prices" : null,
    profile.events_with_product === 0 ? "no products" : null,
    profile.events_with_product > 0 && profile.categories === 0 ? "no categories" : null,
    coverage.registrations === "first_event" ? "no registrations (a user's first event stands in)" : null,
    absentAttributes.length === 3 ? "no user attributes (age, gender, location)" : absentAttributes.length > 0 ? `no ${formatList([...absentAttributes], "or")} of users` : null,
  ];
  return phrases.filter((p): p is string => p !== null);
}

function profilePart(facts: DataMethodsFacts, profile: DataProfile, trace: SqlTrace): DataProfilePart {
  const { coverage, headline } = facts;
  const zone = coverage.timezone;
  const categories = profile.categories > 0 ? ` in ${countOf(profile.categories, "category", "categories")}` : "";
  const lacking = lackingPhrases(coverage, profile, facts.validation);
  return {
    holds: `The data holds ${countOf(headline.events, "event")} of ${countOf(coverage.users, "user")} over ${countOf(profile.products, "product")}${categories}, from ${spanText({ window: coverage.window, coverage })}.`,
    mix: mixPart(profile, headline.events, trace),
    daily: dailyPart(profile, zone, trace),
    lacking,
    lacks: lacking.length === 0 ? "It has every kind of event and column the report reads." : `It has ${formatList(lacking)}.`,
    notes: coverage.notes,
  };
}

// ---- the page ----

function origin(facts: DataMethodsFacts): string {
  const { source, validation } = facts;
  if (source.kind === "generated") {
    return `The report was built on synthetic data: ${countOf(source.users, "user")} of an online shop over ${countOf(source.days, "day")} from ${source.start}, drawn by the project's seeded generator (seed ${source.seed}) at build time. Nobody in it is real, and the same seed always gives the same data, to the byte.`;
  }
  const how = validation.input.preset ? `, read through the ${validation.input.preset} preset` : validation.input.schema === "mapping" ? ", read through a column mapping" : "";
  return `The report was built on data supplied at build time (EVENT_KIT_DATA)${how}.`;
}

export function buildDataMethodsPage(facts: DataMethodsFacts, trace: SqlTrace): DataMethodsPage {
  const { headline: h, coverage } = facts;
  return {
    generated: facts.source.kind === "generated",
    origin: origin(facts),
    holds: `It holds ${countOf(h.events, "event")} in ${countOf(h.sessions, "session")} of ${countOf(h.active_users, "active user")} (of ${formatInteger(h.users)}), over ${countOf(h.products, "product")}, in the window ${windowText(coverage.window, coverage.timezone)}.`,
    validation: validationPart(facts.validation),
    realism: facts.realism ? realismPart(facts.realism, coverage.currency.symbol) : null,
    profile: facts.profile ? profilePart(facts, facts.profile, trace) : null,
    definitions: facts.definitions,
  };
}

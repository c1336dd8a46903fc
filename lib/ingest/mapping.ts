/**
 * A column mapping: how a single events file in another schema becomes the seed schema's events
 * (docs/bring-your-own-data.md documents the JSON format). The seed schema itself is the identity
 * mapping (`seedMapping`), so one reader serves both.
 */
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { DatasetError } from "./datasetError";
import { EVENT_TYPES } from "../dataset/schema";
import { EVENT_TYPE_NAME_RULE, isEventTypeName } from "./eventTypeNames";
import { parseFunnelSteps } from "../funnel/customFunnel";
import { parseCurrency } from "../dataset/currency";
import { parseTimezone, timezoneError } from "../dataset/timezone";
import { parseConstant } from "./constantColumns";
import { USER_ATTRIBUTES } from "./userAttributes";
import { DEDUPE_POLICIES, DEFAULT_DEDUPE, type DedupePolicy, isDedupePolicy } from "./dedupe";
import { DEFAULT_MAX_PRICE, DEFAULT_SESSION_TIMEOUT_MINUTES, MAX_PRICE_CEILING, MAX_QUANTITY } from "./limits";

export const TARGET_COLUMNS = [
  "event_id",
  "user_id",
  "session_id",
  "event_type",
  "timestamp",
  "product_id",
  "product_name",
  "category",
  "price",
  "quantity",
  // User attributes read from the events file (userAttributes.ts): each user's first non-empty value.
  ...USER_ATTRIBUTES,
] as const;
export type TargetColumn = (typeof TARGET_COLUMNS)[number];

/** Epoch timestamp formats: numbers of seconds, milliseconds, microseconds or nanoseconds since 1970 UTC. */
export const EPOCH_FORMATS = ["epoch_s", "epoch_ms", "epoch_us", "epoch_ns"] as const;

/** Without these, there is nothing to analyse. */
export const REQUIRED_TARGETS: readonly TargetColumn[] = ["user_id", "timestamp", "event_type"];

export const CSV_ENCODINGS = ["utf-8", "utf-16", "latin-1"] as const;
export type CsvEncoding = (typeof CSV_ENCODINGS)[number];

/** The JSON a user writes. */
export interface MappingFile {
  description?: string;
  /**
   * Target column → source column, a list of source columns (the first non-empty value wins), or a
   * constant `{ "value": … }` for every row (not for user_id, timestamp, event_id, session_id or the user
   * attributes location, gender, age and registration_date, which are each user's first non-empty value).
   */
  columns: Partial<Record<TargetColumn, string | string[] | { value: string | number }>>;
  /**
   * Source event type → event type, or null to leave that type out (set aside with a reason). Besides
   * the five seed types, any other name (lower case, e.g. "favorite") keeps those events under it, and
   * "refund" makes their amounts reduce revenue (see eventTypeNames.ts).
   */
  event_types?: Record<string, string | null>;
  /** The session and user funnels' steps, 2–8 event types in order (see lib/funnel/customFunnel.ts). */
  funnel?: string[];
  /** ISO 4217 code of the prices, e.g. "GBP" (see lib/dataset/currency.ts); USD when absent. */
  currency?: string;
  /** IANA time zone whose calendar cuts days, weeks and months, e.g. "Asia/Shanghai" (see lib/dataset/timezone.ts); UTC when absent. */
  timezone?: string;
  /** "auto" (ISO 8601 and the like), "epoch_s", "epoch_ms", "epoch_us", "epoch_ns", or a strptime format such as "%d/%m/%Y %H:%M". */
  timestamp_format?: string;
  /** `header: false`: the file has no header row; its columns are column1 … columnN. */
  csv?: { delimiter?: string; encoding?: CsvEncoding; header?: boolean };
  /** Quantity of carts and purchases when there is no quantity column. */
  quantity_default?: number;
  session_timeout_minutes?: number;
  max_price?: number;
  /** Without event ids, rows identical in every column read: "exact" sets all but the first aside, "none" keeps them (see dedupe.ts). */
  dedupe?: DedupePolicy;
}

/** A checked mapping, with defaults filled in. */
export interface Mapping {
  columns: Partial<Record<TargetColumn, string[]>>;
  /** Target columns given one value for every row instead of a source column (see constantColumns.ts). */
  constants: Partial<Record<TargetColumn, string>>;
  /** Keys lower-cased: source event types match case-insensitively, surrounding blanks ignored. */
  eventTypes: ReadonlyMap<string, string | null>;
  /** Configured funnel steps, or null for the default funnels (docs/metrics.md). */
  funnel: string[] | null;
  /** ISO 4217 code, or null when the mapping does not say (USD then). */
  currency: string | null;
  /** IANA time zone name, or null when the mapping does not say (UTC then). */
  timezone: string | null;
  timestampFormat: string;
  csv: { delimiter?: string; encoding: CsvEncoding; header: boolean };
  quantityDefault: number;
  sessionTimeoutMinutes: number;
  maxPrice: number;
  dedupe: DedupePolicy;
}

const TOP_KEYS = new Set(["description", "columns", "event_types", "timestamp_format", "csv", "quantity_default", "session_timeout_minutes", "max_price", "dedupe", "funnel", "currency", "timezone"]);

/** The seed schema as a mapping: every target column read from the column of the same name. */
export function seedMapping(): Mapping {
  return {
    // A seed-schema folder states user attributes in its users table, so the events' columns are not read for them.
    columns: Object.fromEntries(TARGET_COLUMNS.filter((c) => c !== "product_name" && !(USER_ATTRIBUTES as readonly string[]).includes(c)).map((c) => [c, [c]])),
    constants: {},
    eventTypes: new Map(EVENT_TYPES.map((t) => [t, t])),
    funnel: null,
    currency: null,
    timezone: null,
    timestampFormat: "auto",
    csv: { encoding: "utf-8", header: true },
    quantityDefault: 1,
    sessionTimeoutMinutes: DEFAULT_SESSION_TIMEOUT_MINUTES,
    maxPrice: DEFAULT_MAX_PRICE,
    dedupe: DEFAULT_DEDUPE,
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Checks a parsed mapping JSON; `where` names it in errors (a file name or "preset rees46"). */
export function parseMapping(value: unknown, where: string): Mapping {
  const fail = (message: string): never => {
    throw new DatasetError(`mapping ${where}: ${message}`, { file: where });
  };
  if (!isRecord(value)) return fail("must be a JSON object");
  for (const key of Object.keys(value)) {
    if (!TOP_KEYS.has(key) && !key.startsWith("$")) fail(`unknown key "${key}" (known: ${[...TOP_KEYS].join(", ")})`);
  }
  if (!isRecord(value.columns)) return fail(`"columns" must be an object of target column → source column`);
  const columns: Partial<Record<TargetColumn, string[]>> = {};
  const constants: Partial<Record<TargetColumn, string>> = {};
  for (const [target, source] of Object.entries(value.columns)) {
    if (!(TARGET_COLUMNS as readonly string[]).includes(target)) fail(`"columns.${target}" is not a column of the events (known: ${TARGET_COLUMNS.join(", ")})`);
    if (source === null || source === undefined) continue;
    if (isRecord(source)) {
      constants[target as TargetColumn] = parseConstant(target as TargetColumn, source, fail);
      continue;
    }
    const names = Array.isArray(source) ? source : [source];
    if (names.length === 0 || !names.every((n) => typeof n === "string" && n.length > 0)) {
      fail(`"columns.${target}" must be a column name or a non-empty list of column names`);
    }
    columns[target as TargetColumn] = names as string[];
  }
  for (const target of REQUIRED_TARGETS) if (!columns[target] && constants[target] === undefined) fail(`"columns.${target}" is required`);

  const eventTypes = new Map<string, string | null>();
  if (value.event_types === undefined) {
    for (const t of EVENT_TYPES) eventTypes.set(t, t);
  } else {
    if (!isRecord(value.event_types)) return fail(`"event_types" must be an object of source type → event type (or null)`);
    for (const [source, target] of Object.entries(value.event_types)) {
      if (target !== null && !isEventTypeName(target)) {
        fail(`"event_types.${source}" must be one of ${EVENT_TYPES.join(", ")}, another name (${EVENT_TYPE_NAME_RULE}) or null, not ${JSON.stringify(target)}`);
      }
      const key = source.trim().toLowerCase();
      if (eventTypes.has(key)) fail(`"event_types" names "${source}" twice (source types match case-insensitively)`);
      eventTypes.set(key, target as string | null);
    }
  }

  const timestampFormat = value.timestamp_format ?? "auto";
  if (typeof timestampFormat !== "string" || !((EPOCH_FORMATS as readonly string[]).includes(timestampFormat) || timestampFormat === "auto" || timestampFormat.includes("%"))) {
    fail(`"timestamp_format" must be "auto", ${EPOCH_FORMATS.map((f) => `"${f}"`).join(", ")} or a strptime format with % codes`);
  }

  const csv: Mapping["csv"] = { encoding: "utf-8", header: true };
  if (value.csv !== undefined) {
    if (!isRecord(value.csv)) return fail(`"csv" must be an object`);
    for (const key of Object.keys(value.csv)) if (key !== "delimiter" && key !== "encoding" && key !== "header") fail(`unknown key "csv.${key}"`);
    if (value.csv.header !== undefined) {
      if (typeof value.csv.header !== "boolean") fail(`"csv.header" must be true or false (false: the file has no header row; its columns are column1 … columnN)`);
      csv.header = value.csv.header as boolean;
    }
    if (value.csv.delimiter !== undefined) {
      if (typeof value.csv.delimiter !== "string" || value.csv.delimiter.length !== 1 || value.csv.delimiter === '"' || /[\r\n]/.test(value.csv.delimiter)) {
        fail(`"csv.delimiter" must be one character (not a quote or line break)`);
      }
      csv.delimiter = value.csv.delimiter as string;
    }
    if (value.csv.encoding !== undefined) {
      if (!(CSV_ENCODINGS as readonly unknown[]).includes(value.csv.encoding)) fail(`"csv.encoding" must be one of ${CSV_ENCODINGS.join(", ")}`);
      csv.encoding = value.csv.encoding as CsvEncoding;
    }
  }

  const positive = (key: string, fallback: number, integer: boolean, max?: { value: number; why: string }): number => {
    const v = value[key];
    if (v === undefined) return fallback;
    if (typeof v !== "number" || !Number.isFinite(v) || v <= 0 || (integer && !Number.isInteger(v))) {
      fail(`"${key}" must be a positive ${integer ? "whole " : ""}number`);
    }
    if (max && (v as number) > max.value) fail(`"${key}" is ${v}; it can be at most ${max.value.toLocaleString("en-US")} (${max.why})`);
    return v as number;
  };
  const money = "money is summed exactly, to a millionth, and larger amounts could not be added up";
  const known = new Set([...EVENT_TYPES, ...[...eventTypes.values()].filter((t): t is string => t !== null)]);
  const funnel = value.funnel === undefined ? null : parseFunnelSteps(value.funnel, known, (m) => fail(`"funnel" ${m}`));
  return {
    columns,
    constants,
    eventTypes,
    funnel,
    currency: value.currency === undefined ? null : (parseCurrency(value.currency) ?? fail(`"currency" must be an ISO 4217 code such as "GBP", not ${JSON.stringify(value.currency)}`)),
    timezone: value.timezone === undefined ? null : (parseTimezone(value.timezone) ?? fail(timezoneError('"timezone"', value.timezone))),
    timestampFormat: timestampFormat as string,
    csv,
    quantityDefault: positive("quantity_default", 1, true, { value: MAX_QUANTITY, why: money }),
    sessionTimeoutMinutes: positive("session_timeout_minutes", DEFAULT_SESSION_TIMEOUT_MINUTES, false),
    maxPrice: positive("max_price", DEFAULT_MAX_PRICE, false, { value: MAX_PRICE_CEILING, why: money }),
    dedupe: value.dedupe === undefined ? DEFAULT_DEDUPE : isDedupePolicy(value.dedupe) ? value.dedupe : fail(`"dedupe" must be ${DEDUPE_POLICIES.map((p) => `"${p}"`).join(" or ")}`),
  };
}

/** Reads and checks a mapping file; every problem names the file. */
export function readMappingFile(path: string): Mapping {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new DatasetError(`mapping file ${path} cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`, { file: path });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new DatasetError(`mapping ${basename(path)} is not valid JSON: ${(error as Error).message}`, { file: path });
  }
  return parseMapping(json, basename(path));
}

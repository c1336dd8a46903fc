/**
 * The reading options as people give them, analyze's flags or the build's environment variables, checked
 * in one place: both name what is wrong by the name it was given under (`--currency`, `EVENT_KIT_CURRENCY`).
 * readDataset checks again what a library caller may pass (a mapping and a preset, a short key).
 */
import { parseCurrency } from "../dataset/currency";
import { parseTimezone, timezoneError } from "../dataset/timezone";
import { funnelStepsFromText } from "../funnel/customFunnel";
import { DEDUPE_POLICIES, isDedupePolicy } from "./dedupe";
import { PRESET_NAMES } from "./presets";
import { MIN_PSEUDONYM_KEY_LENGTH } from "./pseudonymize";
import type { ReadOptions } from "./readDataset";

/** Each option's text as given; `pseudonymize` is on or off, its key apart. */
export interface ReadOptionsText {
  mapping?: string;
  preset?: string;
  dedupe?: string;
  funnel?: string;
  currency?: string;
  timezone?: string;
  pseudonymize: boolean;
  pseudonymKey?: string;
}

/** What each option is called where it was given, and where a pseudonym key can come from. */
export interface OptionNames {
  mapping: string;
  preset: string;
  dedupe: string;
  funnel: string;
  currency: string;
  timezone: string;
  pseudonymize: string;
  keySources: string;
}

export const FLAG_NAMES: OptionNames = {
  mapping: "--mapping",
  preset: "--preset",
  dedupe: "--dedupe",
  funnel: "--funnel",
  currency: "--currency",
  timezone: "--timezone",
  pseudonymize: "--pseudonymize",
  keySources: "set EVENT_KIT_PSEUDONYM_KEY (or pass --pseudonym-key)",
};

export const ENV_NAMES: OptionNames = {
  mapping: "EVENT_KIT_MAPPING",
  preset: "EVENT_KIT_PRESET",
  dedupe: "EVENT_KIT_DEDUPE",
  funnel: "EVENT_KIT_FUNNEL",
  currency: "EVENT_KIT_CURRENCY",
  timezone: "EVENT_KIT_TIMEZONE",
  pseudonymize: "EVENT_KIT_PSEUDONYMIZE",
  keySources: "set EVENT_KIT_PSEUDONYM_KEY",
};

/** Checked reading options; `fail` throws the caller's error (a usage error for flags) with one line. */
export function parseReadOptions(text: ReadOptionsText, names: OptionNames, fail: (message: string) => never): ReadOptions {
  const read: ReadOptions = {};
  if (text.mapping !== undefined && text.preset !== undefined) fail(`give ${names.mapping} or ${names.preset}, not both`);
  if (text.mapping !== undefined) read.mapping = text.mapping;
  if (text.preset !== undefined) {
    if (!(PRESET_NAMES as readonly string[]).includes(text.preset)) fail(`${names.preset} must be one of ${PRESET_NAMES.join(", ")}, got "${text.preset}"`);
    read.preset = text.preset;
  }
  if (text.currency !== undefined) {
    read.currency = parseCurrency(text.currency) ?? fail(`${names.currency} must be an ISO 4217 code such as GBP, got "${text.currency}"`);
  }
  if (text.timezone !== undefined) read.timezone = parseTimezone(text.timezone) ?? fail(timezoneError(names.timezone, text.timezone));
  if (text.funnel !== undefined) read.funnel = funnelStepsFromText(text.funnel, null, (message) => fail(`${names.funnel} ${message}`));
  if (text.dedupe !== undefined) {
    if (!isDedupePolicy(text.dedupe)) fail(`${names.dedupe} must be ${DEDUPE_POLICIES.join(" or ")}, got "${text.dedupe}"`);
    read.dedupe = text.dedupe as ReadOptions["dedupe"];
  }
  if (text.pseudonymize) {
    if (!text.pseudonymKey || text.pseudonymKey.length < MIN_PSEUDONYM_KEY_LENGTH) {
      fail(`${names.pseudonymize} needs a key of at least ${MIN_PSEUDONYM_KEY_LENGTH} characters: ${names.keySources}`);
    }
    read.pseudonymKey = text.pseudonymKey;
  }
  return read;
}

/**
 * The time zone whose calendar cuts days, weeks and months: an IANA name (`"timezone": "Asia/Shanghai"`
 * in a mapping, --timezone, EVENT_KIT_TIMEZONE). Timestamps stay UTC instants; only the calendar moves.
 * UTC when not given. Outputs carry the name; pages say it (coverage.timezone).
 */
export const DEFAULT_TIMEZONE = "UTC";

/**
 * The IANA name, trimmed, with its letters' case as the zone list spells it ("asia/shanghai" →
 * "Asia/Shanghai"); undefined when Intl does not know it as a zone. The name is otherwise kept as written:
 * Intl's canonical form is sometimes an older alias ("Asia/Kolkata" → "Asia/Calcutta") that a reader
 * would not recognise. Only names: a fixed offset such as "+08:00" has no daylight-saving rules and is
 * refused, so a zone with daylight saving is never approximated by one offset.
 */
export function parseTimezone(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  const name = value.trim();
  if (!/^[A-Za-z][A-Za-z0-9_+\-]*(\/[A-Za-z0-9_+\-]+)*$/.test(name)) return undefined;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: name });
  } catch {
    return undefined;
  }
  if (name.toUpperCase() === DEFAULT_TIMEZONE) return DEFAULT_TIMEZONE;
  return Intl.supportedValuesOf("timeZone").find((zone) => zone.toLowerCase() === name.toLowerCase()) ?? name;
}

/** The message for a refused zone, naming where it came from (a mapping key, a flag, a variable). */
export function timezoneError(source: string, value: unknown): string {
  return `${source} must be an IANA time zone name such as "Asia/Shanghai" or "America/New_York", not ${JSON.stringify(value)}`;
}

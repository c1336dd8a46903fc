/**
 * Numbers and plurals for text that leaves the site (the post, card descriptions), worded in Node.
 * d3-format with the report's conventions (src/components/format.ts: digits grouped by a narrow
 * no-break space, the true minus sign), so a number reads the same in the post as on the pages.
 * Non-finite numbers print as an em dash, never "NaN".
 */
import { formatLocale } from "d3";

const locale = formatLocale({ decimal: ".", thousands: "\u202F", grouping: [3], currency: ["$", ""], minus: "\u2212" });
const integer = locale.format(",.0f");
const percent = locale.format(",.1%");
const money = locale.format("$,.2f");
const MISSING = "\u2014";

const finite = (x: number): boolean => typeof x === "number" && Number.isFinite(x);

/** 1234567 → "1 234 567". */
export function integerText(x: number): string {
  return finite(x) ? integer(x) : MISSING;
}

/**
 * 0.0423 → "4.2%". A share that is not all or nothing never prints as if it were: 0.99974 is "99.97%",
 * not "100.0%", and 0.0004 is "<0.1%", not "0.0%".
 */
export function percentText(p: number): string {
  if (!finite(p)) return MISSING;
  const text = percent(p);
  if (p < 1 && text === "100.0%") return `${locale.format(",.2%")(Math.min(p, 0.9999))}`;
  if (p > 0 && text === "0.0%") return "<0.1%";
  return text;
}

/** 1234.5 → "$1 234.50"; another currency's symbol (currencySymbol) in place of "$". */
export function moneyText(x: number, symbol = "$"): string {
  if (!finite(x)) return MISSING;
  const text = money(x);
  return symbol === "$" ? text : text.replace("$", symbol);
}

/** "95% CI 3.9–4.5%". */
export function intervalText(low: number, high: number): string {
  return `95% CI ${percentText(low).replace(/%$/, "")}–${percentText(high)}`;
}

/** A count with its noun, the noun agreeing: (1, "user") → "1 user", (2, "user") → "2 users". */
export function countText(n: number, singular: string, plural = `${singular}s`): string {
  return `${integerText(n)} ${n === 1 ? singular : plural}`;
}

/** A name from the data, cut to `max` characters (with "…") so one long name cannot crowd out the rest. */
export function nameText(name: string, max = 40): string {
  const chars = [...name.replace(/\s+/g, " ").trim()];
  return chars.length <= max ? chars.join("") : `${chars.slice(0, max - 1).join("").trimEnd()}…`;
}

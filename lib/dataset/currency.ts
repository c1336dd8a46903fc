/**
 * The currency money is in: ISO 4217 (`"currency": "GBP"` in a mapping, --currency, EVENT_KIT_CURRENCY).
 * Generated data is USD. Outputs carry the code; pages format money with its symbol (currencySymbol).
 */
export const DEFAULT_CURRENCY = "USD";

/** A three-letter code Intl knows, upper-cased; undefined when it is not one. */
export function parseCurrency(value: unknown): string | undefined {
  if (typeof value !== "string" || !/^[A-Za-z]{3}$/.test(value.trim())) return undefined;
  const code = value.trim().toUpperCase();
  return Intl.supportedValuesOf("currency").includes(code) ? code : undefined;
}

/** "£" for GBP, "CN¥" for CNY, "$" for USD: the symbol en-US prints, so two currencies never share one. */
export function currencySymbol(code: string): string {
  const part = new Intl.NumberFormat("en-US", { style: "currency", currency: code }).formatToParts(0).find((p) => p.type === "currency");
  return part?.value ?? code;
}

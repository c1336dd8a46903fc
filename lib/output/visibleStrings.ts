/**
 * Text from a brought file, as the site shows it: bidirectional controls (U+202E turns "\u202egnp.exe"
 * into what reads "exe.png"), zero-width characters and other invisible controls become visible marks
 * such as ⟨U+202E⟩, so a reader sees a name as it is stored and no name can pretend to be another.
 * Applied once to everything a page's data file carries (every string and every key), so no component
 * can forget it. Line feeds and tabs are kept: the SQL shown under each chart is laid out with them.
 */
const HIDDEN = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]/g;

export function visibleText(text: string): string {
  return text.replace(HIDDEN, (ch) => `⟨U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}⟩`);
}

/** JSON.stringify with every string value and object key passed through visibleText. */
export function visibleJson(value: unknown): string {
  return JSON.stringify(value, function (this: unknown, _key: string, v: unknown) {
    if (typeof v === "string") return visibleText(v);
    if (v !== null && typeof v === "object" && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype) {
      const entries = Object.entries(v as Record<string, unknown>);
      if (entries.some(([k]) => visibleText(k) !== k)) return Object.fromEntries(entries.map(([k, x]) => [visibleText(k), x]));
    }
    return v;
  });
}

// Saving data the reader is looking at, built in the browser: no request leaves the page.
import { toCsv, type CsvOptions, type CsvRow } from "./csv.js";

/** A safe file name ending in .csv: letters, digits, dot, dash and underscore only. */
export function csvFilename(name: string): string {
  const base = name
    .trim()
    .replace(/\.csv$/i, "")
    .replace(/[^A-Za-z0-9._-]+/g, "-")
    .replace(/^[-.]+|[-.]+$/g, "");
  return `${base || "data"}.csv`;
}

/** Offers `text` as a file download through a temporary object URL. */
export function downloadText(text: string, filename: string, type = "text/plain;charset=utf-8"): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download in some browsers; a minute is ample.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Serialises rows (formula-safe, RFC 4180) and offers them as `filename`.csv. */
export function downloadCsv(rows: readonly CsvRow[], filename: string, options?: CsvOptions): void {
  downloadText(toCsv(rows, options), csvFilename(filename), "text/csv;charset=utf-8");
}

/** A button that downloads the rows when pressed; the rows are read at click time. */
export function downloadButton(
  rows: readonly CsvRow[] | (() => readonly CsvRow[]),
  filename: string,
  { label = "Download CSV", context, columns }: { label?: string; context?: string; columns?: readonly string[] } = {},
): HTMLButtonElement {
  const button = document.createElement("button");
  button.type = "button";
  button.className = "download-button";
  button.append(label);
  if (context) {
    // Screen readers hear which chart's data this is; sighted readers see the card around it.
    const hidden = document.createElement("span");
    hidden.className = "sr-only";
    hidden.textContent = ` (${context})`;
    button.append(hidden);
  }
  button.addEventListener("click", () => {
    const data = typeof rows === "function" ? rows() : rows;
    downloadCsv(data, filename, columns ? { columns } : {});
  });
  return button;
}

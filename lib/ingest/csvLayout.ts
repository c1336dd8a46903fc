/**
 * What the CSV reader needs to be told explicitly: the encoding, the delimiter and the column names,
 * read from the file's first line. DuckDB's sniffer is not used: it samples rows and fails outright on
 * a file whose first rows are pathological (a 10-million-character field), and an explicit layout
 * makes every file read the same way.
 */
import { closeSync, openSync, readSync, statSync } from "node:fs";
import { basename } from "node:path";
import { DatasetError } from "./datasetError";
import type { CsvEncoding } from "./mapping";
import { binaryKind } from "./binaryKind";
import { gunzipHead, isGzipFile } from "./gzipInput";

export interface CsvLayout {
  delimiter: string;
  encoding: CsvEncoding;
  /** Column names as DuckDB will know them: unique and non-empty (column1 … columnN without a header). */
  columns: string[];
  /** Whether the first line is a header (a mapping's `"csv": {"header": false}` says it is data). */
  header: boolean;
  /** Whether the file is gzip-compressed (see gzipInput.ts). */
  gzip: boolean;
}

/** Delimiters recognised without being told, most usual first (the first wins a tie). */
export const DELIMITER_CANDIDATES = [",", ";", "\t", "|"] as const;
const HEAD_BYTES = 1 << 20;

function readHead(file: string): Buffer {
  const fd = openSync(file, "r");
  try {
    const buffer = Buffer.alloc(Math.min(HEAD_BYTES, statSync(file).size));
    const n = readSync(fd, buffer, 0, buffer.length, 0);
    return buffer.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

/** The text up to the first line break outside double quotes, and whether one was found. */
function firstRecord(text: string): { line: string; complete: boolean } {
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (ch === "\n" && !quoted) return { line: text.slice(0, i).replace(/\r$/, ""), complete: true };
    // A CR not followed by LF ends the line too: files from classic Mac OS, which DuckDB's reader splits the same way.
    else if (ch === "\r" && !quoted && text[i + 1] !== "\n" && i + 1 < text.length) return { line: text.slice(0, i), complete: true };
  }
  return { line: text.replace(/\r$/, ""), complete: false };
}

function countOutsideQuotes(line: string, ch: string): number {
  let quoted = false;
  let n = 0;
  for (const c of line) {
    if (c === '"') quoted = !quoted;
    else if (c === ch && !quoted) n++;
  }
  return n;
}

function splitFields(line: string, delimiter: string): string[] {
  const fields: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === delimiter) {
      fields.push(field);
      field = "";
    } else field += c;
  }
  fields.push(field);
  return fields;
}

/**
 * Unique, non-empty names. DuckDB's names ignore case, so `user_id` and `USER_ID` are the same name: the
 * later one gets a suffix, as does a generated name already taken (`a,a,a_2` is `a, a_3, a_2`).
 */
export function uniqueNames(fields: string[]): string[] {
  const bases = fields.map((raw, i) => (raw.trim() === "" ? `column${i + 1}` : raw));
  const taken = new Set<string>();
  // The file's own names first, so a generated name never takes one the file has.
  const firsts = new Set<number>();
  const claim = (i: number) => {
    if (!taken.has(bases[i]!.toLowerCase())) {
      taken.add(bases[i]!.toLowerCase());
      firsts.add(i);
    }
  };
  fields.forEach((raw, i) => raw.trim() !== "" && claim(i));
  fields.forEach((raw, i) => raw.trim() === "" && claim(i));
  return bases.map((base, i) => {
    if (firsts.has(i)) return base;
    let n = 2;
    while (taken.has(`${base}_${n}`.toLowerCase())) n++;
    taken.add(`${base}_${n}`.toLowerCase());
    return `${base}_${n}`;
  });
}

const describe = (d: string) => (d === "\t" ? "tab" : `"${d}"`);

export function csvLayout(file: string, options: { delimiter?: string; encoding?: CsvEncoding; header?: boolean } = {}): CsvLayout {
  const name = basename(file);
  const gzip = isGzipFile(file);
  const header = options.header ?? true;
  const head = gzip ? gunzipHead(file, HEAD_BYTES) : readHead(file);
  // Gzip is read through (above); any other archive or binary format is refused by name.
  const binary = gzip ? undefined : binaryKind(head);
  if (binary) throw new DatasetError(`${name} is ${binary.kind}, not a CSV file: ${binary.advice}`, { file, row: 0 });
  let encoding: CsvEncoding = options.encoding ?? "utf-8";
  let body = head;
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) {
    encoding = "utf-8";
    body = head.subarray(3);
  } else if (head[0] === 0xff && head[1] === 0xfe) {
    encoding = "utf-16";
    body = head.subarray(2);
  } else if (head[0] === 0xfe && head[1] === 0xff) {
    throw new DatasetError(`${name} is UTF-16 big-endian text, which cannot be read: save it as UTF-8`, { file });
  }
  const text = new TextDecoder(encoding === "utf-16" ? "utf-16le" : encoding === "latin-1" ? "latin1" : "utf-8").decode(body);
  const { line, complete } = firstRecord(text);
  if (!complete && head.length === HEAD_BYTES) {
    throw new DatasetError(`${name}: the header line is longer than 1 MiB; is this a CSV file?`, { file, row: 0 });
  }
  if (line.trim() === "") {
    throw new DatasetError(`${name}: the first line is blank; a CSV file starts with ${header ? "its header" : "its first row"}`, { file, row: header ? 0 : 1 });
  }
  if (encoding === "utf-8" && line.includes("\uFFFD")) {
    throw new DatasetError(`${name}: the header is not UTF-8 text (set "csv": {"encoding": "latin-1"} in a mapping if the file is Latin-1)`, { file, row: 0 });
  }

  const counts = DELIMITER_CANDIDATES.map((d) => ({ d, n: countOutsideQuotes(line, d) }));
  let delimiter = options.delimiter;
  if (delimiter === undefined) {
    const best = counts.reduce((a, b) => (b.n > a.n ? b : a));
    delimiter = best.n > 0 ? best.d : ",";
  }
  const fields = splitFields(line, delimiter);
  if (options.delimiter !== undefined && fields.length === 1) {
    const other = counts.find((c) => c.d !== delimiter && c.n > 0);
    if (other) {
      throw new DatasetError(
        `${name}: with the delimiter ${describe(delimiter)} the header is one column ${JSON.stringify(line.slice(0, 80))}; the file looks delimited by ${describe(other.d)}`,
        { file, row: 0 },
      );
    }
  }
  // Without a header the first line is data: it gives the delimiter and the number of columns, not their names.
  const columns = header ? uniqueNames(fields) : fields.map((_, i) => `column${i + 1}`);
  return { delimiter, encoding, columns, header, gzip };
}

/**
 * Where a CSV file has blank records. DuckDB's CSV reader skips an empty line, but its rejects table
 * numbers a bad row by records read, the skipped blank ones included (a quoted value that spans lines
 * is one record). Our row numbers count data rows, which blank lines are not, so every blank record
 * above a rejected row must come off its number.
 *
 * The file is scanned as the reader splits it: records end at LF, CRLF or a CR alone outside quotes, a
 * quote opens only at the start of a field, and a doubled quote inside quotes is a literal quote. An
 * empty record is blank. A line of spaces is not blank (the reader rejects it for its missing columns).
 */
import { closeSync, openSync, readSync } from "node:fs";
import type { CsvEncoding } from "./mapping";

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;
const CHUNK = 1 << 20;

/** Record numbers of the blank records, the header being record 1; ascending. */
export function blankRecords(file: string, options: { delimiter: string; encoding: CsvEncoding }): number[] {
  // UTF-8 and Latin-1 keep these characters in one byte; UTF-16 (little-endian, as the layout reads it) in two.
  const unit = options.encoding === "utf-16" ? 2 : 1;
  const delimiterEnd = options.delimiter.charCodeAt(options.delimiter.length - 1);
  const blanks: number[] = [];
  let record = 1;
  let length = 0; // code units in the record so far, a trailing CR aside
  let pendingCr = false;
  let inQuotes = false;
  let quoteSeen = false; // inside quotes, the previous unit was a quote (closing, or the first of a pair)
  let previous = -1; // the previous unit outside quotes, -1 at a record start

  const fd = openSync(file, "r");
  try {
    const buffer = Buffer.allocUnsafe(CHUNK);
    let carry = -1; // an odd byte left over from the previous chunk (UTF-16)
    let first = true;
    for (;;) {
      const read = readSync(fd, buffer, 0, CHUNK, null);
      if (read === 0) break;
      let i = 0;
      if (first) {
        first = false;
        if (unit === 1 && read >= 3 && buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) i = 3;
        if (unit === 2 && read >= 2 && buffer[0] === 0xff && buffer[1] === 0xfe) i = 2;
      }
      for (; i < read; i += unit) {
        let c: number;
        if (unit === 1) c = buffer[i]!;
        else if (carry >= 0) {
          c = carry | (buffer[i]! << 8);
          carry = -1;
          i -= 1;
        } else if (i + 1 < read) c = buffer[i]! | (buffer[i + 1]! << 8);
        else {
          carry = buffer[i]!;
          break;
        }
        if (inQuotes) {
          if (quoteSeen) {
            quoteSeen = false;
            if (c !== QUOTE) {
              inQuotes = false; // the quote before closed the value; c is read as outside quotes
              previous = QUOTE;
            } else {
              length += 1;
              continue;
            }
          } else {
            if (c === QUOTE) quoteSeen = true;
            length += 1;
            continue;
          }
        }
        if (c === LF) {
          if (length === 0) blanks.push(record);
          record += 1;
          length = 0;
          pendingCr = false;
          previous = -1;
          continue;
        }
        if (pendingCr) {
          // A CR not followed by LF ended the record: lines ended by CR alone, as DuckDB reads them.
          if (length === 0) blanks.push(record);
          record += 1;
          length = 0;
          previous = -1;
        }
        pendingCr = c === CR;
        if (!pendingCr) length += 1;
        if (c === QUOTE && (previous === -1 || previous === delimiterEnd)) {
          inQuotes = true;
          quoteSeen = false;
        }
        previous = c;
      }
    }
  } finally {
    closeSync(fd);
  }
  // A CR at the very end ends the last record; a last record without any line end that is empty is no record.
  if (pendingCr && length === 0) blanks.push(record);
  return blanks;
}

// Blank records of a CSV, numbered as DuckDB's reader counts records (the header is record 1).
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { blankRecords } from "../../lib/ingest/blankRecords";
import { tempDir } from "../helpers/tempDir";

const work = tempDir("event-kit-blank-");
afterAll(() => work.cleanup());

let counter = 0;
function file(content: string | Buffer): string {
  const path = join(work.path, `f${++counter}.csv`);
  writeFileSync(path, content);
  return path;
}
const utf8 = { delimiter: ",", encoding: "utf-8" as const };

describe("blankRecords", () => {
  it("finds empty lines, with LF or CRLF endings, but not a line of spaces", () => {
    // Records: 1 header, 2 row, 3 blank, 4 row, 5 spaces, 6 row, 7 blank, 8 blank, 9 row, 10 blank.
    expect(blankRecords(file("a,b\n1,x\n\n2,y\n   \n3,z\n\n\n4,w\n\n"), utf8)).toEqual([3, 7, 8, 10]);
    expect(blankRecords(file("a,b\r\n1,x\r\n\r\n2,y\r\n   \r\n3,z\r\n\r\n\r\n4,w\r\n\r\n"), utf8)).toEqual([3, 7, 8, 10]);
  });

  it("ends records at a CR alone too (classic Mac OS line ends)", () => {
    // Records: 1 header, 2 row, 3 blank, 4 row, 5 blank (the last CR ends it).
    expect(blankRecords(file("a,b\r1,x\r\r2,y\r\r"), utf8)).toEqual([3, 5]);
  });

  it("counts a quoted value over several lines as one record, its blank lines as text", () => {
    // Records: 1 header, 2 a value spanning four lines (one of them blank), 3 blank, 4 row.
    expect(blankRecords(file('a,b\n"1\n\n""quoted""\nend",x\n\n2,y\n'), utf8)).toEqual([3]);
  });

  it("opens quotes only at the start of a field", () => {
    // A quote inside an unquoted value is text: the line feed after it still ends the record.
    expect(blankRecords(file('a,b\n1 "inch,x\n\n2,y\n'), utf8)).toEqual([3]);
    expect(blankRecords(file('a;b\n1;"x\n\ny"\n\n2;y\n'), { delimiter: ";", encoding: "utf-8" })).toEqual([3]);
  });

  it("skips a byte order mark and reads UTF-16 little-endian", () => {
    expect(blankRecords(file("\uFEFFa,b\n\n1,x\n"), utf8)).toEqual([2]);
    expect(blankRecords(file(Buffer.from("\uFEFFa,b\r\n1,x\r\n\r\n2,y\r\n", "utf16le")), { delimiter: ",", encoding: "utf-16" })).toEqual([3]);
  });

  it("carries its state across the 1 MiB chunks it reads", () => {
    // A quoted value that starts before the first chunk's end and closes after it, holding a blank line.
    const long = "x".repeat((1 << 20) - 20);
    const text = `a,b\n"${long}\n\n${long}",1\n\n2,y\n`;
    expect(blankRecords(file(text), utf8)).toEqual([3]);
  });
});

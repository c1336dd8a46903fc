// Finding and marking bytes that are not UTF-8, whatever the chunk boundaries.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { INVALID_MARK, hasMixedLineEndings, isUtf8File, writeUtf8Copy } from "../../lib/ingest/utf8Copy";
import { tempDir } from "../helpers/tempDir";

const work = tempDir("event-kit-utf8-");
afterAll(() => work.cleanup());

const VALID = Buffer.from('id,name\n1,Café\n2,"€ 😀 ü"\n3,日本語\n4,plain\n', "utf8");
const INVALID = Buffer.concat([
  Buffer.from("id,name\n1,Caf"),
  Buffer.from([0xe9]), // Latin-1 é
  Buffer.from(",x\n2,€"),
  Buffer.from([0xe2, 0x82]), // a truncated €
  Buffer.from("\n3,"),
  Buffer.from([0xed, 0xa0, 0x80]), // an encoded surrogate
  Buffer.from(" 😀\n4,"),
  Buffer.from([0xf0, 0x9f, 0x98]), // a truncated emoji at the very end
]);

function file(name: string, bytes: Buffer): string {
  const path = join(work.path, name);
  writeFileSync(path, bytes);
  return path;
}

describe("isUtf8File and writeUtf8Copy", () => {
  const valid = file("valid.csv", VALID);
  const invalid = file("invalid.csv", INVALID);
  const expected = new TextDecoder().decode(INVALID).replaceAll("\uFFFD", "");

  for (const chunkSize of [1, 2, 3, 5, 7, 64, 1 << 20]) {
    it(`tells valid from invalid and marks each bad run once, with chunks of ${chunkSize} bytes`, () => {
      expect(isUtf8File(valid, chunkSize)).toBe(true);
      expect(isUtf8File(invalid, chunkSize)).toBe(false);
      const copy = join(work.path, `copy-${chunkSize}.csv`);
      writeUtf8Copy(valid, "utf-8", copy, { chunkSize });
      expect(readFileSync(copy).equals(VALID)).toBe(true);
      writeUtf8Copy(invalid, "utf-8", copy, { chunkSize });
      const text = readFileSync(copy, "utf8");
      expect(text.split(INVALID_MARK)).toHaveLength(5);
      expect(text.replaceAll(INVALID_MARK, "")).toBe(expected);
      // Only bytes ≥ 0x80 change: every delimiter, quote and line break is where it was.
      expect(text.replace(/[^\x00-\x7f]/g, "")).toBe(INVALID.toString("latin1").replace(/[^\x00-\x7f]/g, ""));
    });
  }

  it("transcodes Latin-1, all 256 byte values included", () => {
    const bytes = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
    const copy = join(work.path, "latin1-copy.csv");
    writeUtf8Copy(file("latin1.csv", bytes), "latin-1", copy, { chunkSize: 7 });
    expect(readFileSync(copy, "utf8")).toBe(String.fromCharCode(...bytes));
  });
});

describe("hasMixedLineEndings and writeUtf8Copy with lineFeeds", () => {
  const MIXED = Buffer.from('id,name\r\n1,a\n2,"b\r\nc"\r\n\r\n3,d\re\n4,f\r', "utf8");
  // Every CRLF becomes LF (the one inside the quoted value too); a CR alone, mid-line or at the end, stays.
  const AS_LINE_FEEDS = 'id,name\n1,a\n2,"b\nc"\n\n3,d\re\n4,f\r';

  for (const chunkSize of [1, 2, 3, 5, 64, 1 << 20]) {
    it(`finds mixed endings and ends every line with LF, with chunks of ${chunkSize} bytes`, () => {
      expect(hasMixedLineEndings(file(`mixed-${chunkSize}.csv`, MIXED), chunkSize)).toBe(true);
      expect(hasMixedLineEndings(file(`crlf-${chunkSize}.csv`, Buffer.from("a,b\r\n1,x\r\n\r\n")), chunkSize)).toBe(false);
      expect(hasMixedLineEndings(file(`lf-${chunkSize}.csv`, Buffer.from("a,b\n1,x\r2\n")), chunkSize)).toBe(false);
      const copy = join(work.path, `lf-copy-${chunkSize}.csv`);
      writeUtf8Copy(join(work.path, `mixed-${chunkSize}.csv`), "utf-8", copy, { chunkSize, lineFeeds: true });
      expect(readFileSync(copy, "utf8")).toBe(AS_LINE_FEEDS);
    });
  }
});

// Finding and marking bytes that are not UTF-8, whatever the chunk boundaries.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { INVALID_MARK, isUtf8File, writeUtf8Copy } from "../../lib/ingest/utf8Copy";
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
      writeUtf8Copy(valid, "utf-8", copy, chunkSize);
      expect(readFileSync(copy).equals(VALID)).toBe(true);
      writeUtf8Copy(invalid, "utf-8", copy, chunkSize);
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
    writeUtf8Copy(file("latin1.csv", bytes), "latin-1", copy, 7);
    expect(readFileSync(copy, "utf8")).toBe(String.fromCharCode(...bytes));
  });
});

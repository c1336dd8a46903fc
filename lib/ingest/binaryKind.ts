/**
 * What a file that should be text is, told by its first bytes: a compressed archive named `.csv` is
 * not a CSV file in another encoding, and advice about encodings would mislead.
 */
const SIGNATURES: { bytes: number[]; kind: string; advice: string }[] = [
  { bytes: [0x50, 0x4b, 0x03, 0x04], kind: "a zip archive (an .xlsx workbook is one too)", advice: "unzip it (or save the sheet as CSV) and pass the CSV file inside" },
  { bytes: [0x1f, 0x8b], kind: "gzip-compressed data", advice: "decompress it (gunzip) and pass the CSV file" },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], kind: "a 7z archive", advice: "extract it and pass the CSV file inside" },
  { bytes: [0x28, 0xb5, 0x2f, 0xfd], kind: "zstd-compressed data", advice: "decompress it (unzstd) and pass the CSV file" },
  { bytes: [0x42, 0x5a, 0x68], kind: "bzip2-compressed data", advice: "decompress it (bunzip2) and pass the CSV file" },
  { bytes: [0x50, 0x41, 0x52, 0x31], kind: "a Parquet file", advice: "name it .parquet" },
];

/** The kind of binary file `head` starts, with what to do, or undefined when it is not one of them. */
export function binaryKind(head: Uint8Array): { kind: string; advice: string } | undefined {
  const found = SIGNATURES.find((s) => s.bytes.every((b, i) => head[i] === b));
  return found ? { kind: found.kind, advice: found.advice } : undefined;
}

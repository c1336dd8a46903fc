// A strict RFC 4180 reader for checking what the site's CSV writer and downloads produce.

/** Records of fields; quoted fields may hold commas, doubled quotes and line breaks. */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
      } else if (char === '"') {
        quoted = false;
        i += 1;
      } else {
        field += char;
        i += 1;
      }
    } else if (char === '"' && field === "") {
      quoted = true;
      i += 1;
    } else if (char === ",") {
      record.push(field);
      field = "";
      i += 1;
    } else if (char === "\r" && text[i + 1] === "\n") {
      record.push(field);
      records.push(record);
      record = [];
      field = "";
      i += 2;
    } else if (char === '"' || char === "\r" || char === "\n") {
      throw new Error(`malformed CSV at offset ${i}: bare ${JSON.stringify(char)}`);
    } else {
      field += char;
      i += 1;
    }
  }
  if (quoted) throw new Error("malformed CSV: unterminated quoted field");
  if (field !== "" || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records;
}

// Text that deceives (issue 15, class d): bidi controls from the data are shown as visible marks on the
// site, control characters are escaped in messages, and a CSV cell that a ";"- or tab-separated
// spreadsheet would split into a live formula is neutralised like one that starts as a formula.
import { describe, expect, it } from "vitest";
import { DatasetError } from "../../lib/ingest/datasetError";
import { printable } from "../../lib/ingest/printable";
import { warningLines } from "../../lib/ingest/warnings";
import { csvCell, toCsv } from "../../src/components/csv";
import { visibleText } from "../../src/components/visibleText";

describe("bidi controls on the site", () => {
  it("visibleText shows a right-to-left override instead of obeying it", () => {
    expect(visibleText("\u202egnp.exe")).toBe("⟨U+202E⟩gnp.exe");
    expect(visibleText("a\u2066b\u2069c\u200fd")).toBe("a⟨U+2066⟩b⟨U+2069⟩c⟨U+200F⟩d");
  });
  it("leaves ordinary text, right-to-left scripts and emoji alone", () => {
    for (const text of ["Books & Media", "كتب", "עברית", "café 👍🏽", "tab\tand line\nbreak"]) expect(visibleText(text)).toBe(text);
  });
});

describe("control characters in messages", () => {
  it("printable escapes terminal escapes, bidi controls and line breaks", () => {
    expect(printable("user\x1b[31mid")).toBe("user\\x1b[31mid");
    expect(printable("\u202egnp.exe")).toBe("\\u202egnp.exe");
    expect(printable("a\nb\rc\x07")).toBe("a\\x0ab\\x0dc\\x07");
    expect(printable("plain — café")).toBe("plain — café");
  });
  it("a DatasetError quoting a header never carries a raw escape", () => {
    const error = new DatasetError('events.csv has no column "user_id" (found: user\x1b]0;pwned\x07id)');
    expect(error.message).toBe('events.csv has no column "user_id" (found: user\\x1b]0;pwned\\x07id)');
    expect(error.message).not.toMatch(/[\x00-\x1f]/);
  });
  it("warning lines are escaped too", () => {
    const [line] = warningLines([{ code: "many_set_aside", table: "events", count: 1, message: "ev\x1b[2Jents.csv: 1 of 1" }]);
    expect(line).toBe("warning: ev\\x1b[2Jents.csv: 1 of 1");
  });
});

describe("CSV cells a spreadsheet could split into a formula", () => {
  it("x;=1+1 is quoted and prefixed as a formula is", () => {
    expect(csvCell("x;=1+1")).toBe(`"'x;=1+1"`);
    expect(csvCell("a\t+cmd")).toBe(`"'a\t+cmd"`);
    expect(csvCell("a,@SUM(1)")).toBe(`"'a,@SUM(1)"`);
    expect(csvCell("a;-2")).toBe(`"'a;-2"`);
  });
  it("a cell starting as a formula stays neutralised; harmless separators are only quoted", () => {
    expect(csvCell("=1+1")).toBe("'=1+1");
    expect(csvCell("a; b")).toBe(`"a; b"`);
    expect(csvCell("Books, Media")).toBe(`"Books, Media"`);
    expect(csvCell(-3)).toBe("-3");
  });
  it("a document read by a spreadsheet that separates on ';' or tab has no cell starting with a formula character", () => {
    const csv = toCsv([{ name: "x;=1+1", other: "y\t=2" }, { name: "ok", other: "a;@b" }, { name: "plain;+x", other: "z" }]);
    for (const separator of [",", ";", "\t"]) {
      const cells = spreadsheetCells(csv, separator);
      expect(cells.length).toBeGreaterThan(0);
      for (const cell of cells) expect(cell).not.toMatch(/^[=+\-@]/);
    }
  });
});

/** Cells as a spreadsheet splits them: on `separator`, honouring double quotes (RFC 4180). */
function spreadsheetCells(csv: string, separator: string): string[] {
  const cells: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const ch = csv[i]!;
    if (quoted) {
      if (ch === '"' && csv[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === separator || ch === "\n") (cells.push(cell), (cell = ""));
    else if (ch !== "\r") cell += ch;
  }
  return cells;
}

// The CSV writer behind every "Download CSV" button (src/components/csv.ts). Expected values are
// worked by hand from RFC 4180 and OWASP's CSV-injection advice.
import { describe, expect, test } from "vitest";
import { csvCell, csvColumns, csvText, neutraliseFormula, quoteCsv, toCsv } from "../../src/components/csv.js";
import { csvFilename } from "../../src/components/download.js";
import { parseCsv } from "./support/csvParse.js";

describe("neutraliseFormula", () => {
  test.each([
    ["=1+2", "'=1+2"],
    ["+1", "'+1"],
    ["-1", "'-1"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\tcmd", "'\tcmd"],
    ["\rcmd", "'\rcmd"],
  ])("prefixes an apostrophe to %j", (input, expected) => {
    expect(neutraliseFormula(input)).toBe(expected);
  });

  test.each(["plain", "a=b", "1-2", "", " =x", "'=already"])("leaves %j alone", (input) => {
    expect(neutraliseFormula(input)).toBe(input);
  });
});

describe("quoteCsv", () => {
  test("leaves text without comma, quote or line break unquoted", () => {
    expect(quoteCsv("hello world")).toBe("hello world");
  });
  test("quotes a comma", () => {
    expect(quoteCsv("a,b")).toBe('"a,b"');
  });
  test("quotes and doubles inner quotes", () => {
    expect(quoteCsv('say "hi"')).toBe('"say ""hi"""');
  });
  test("quotes line breaks, LF and CR", () => {
    expect(quoteCsv("a\nb")).toBe('"a\nb"');
    expect(quoteCsv("a\rb")).toBe('"a\rb"');
  });
});

describe("csvCell", () => {
  test('=HYPERLINK("x") is neutralised, then quoted with doubled quotes', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
  });
  test("a formula with a comma is neutralised inside the quotes", () => {
    expect(csvCell("=SUM(A1,A2)")).toBe(`"'=SUM(A1,A2)"`);
  });
  test("a CR-led cell is neutralised and quoted", () => {
    expect(csvCell("\r=1")).toBe(`"'\r=1"`);
  });
  test("numbers stay numbers, negative ones included", () => {
    expect(csvCell(-3)).toBe("-3");
    expect(csvCell(0.125)).toBe("0.125");
    expect(csvCell(1e21)).toBe("1e+21");
  });
  test("the string '-3' is text and is neutralised", () => {
    expect(csvCell("-3")).toBe("'-3");
  });
  test("missing and non-finite values are empty", () => {
    expect([null, undefined, Number.NaN, Infinity].map(csvCell)).toEqual(["", "", "", ""]);
  });
  test("BigInt, booleans and dates have one text form", () => {
    expect(csvCell(12345678901234567890n)).toBe("12345678901234567890");
    expect(csvCell(false)).toBe("false");
    expect(csvCell(new Date(Date.UTC(2024, 1, 29, 13, 5)))).toBe("2024-02-29T13:05:00.000Z");
    expect(csvCell(new Date(Number.NaN))).toBe("");
  });
  test("objects are JSON, quoted", () => {
    expect(csvText({ a: 1 })).toBe('{"a":1}');
    expect(csvCell({ a: 1, b: 2 })).toBe('"{""a"":1,""b"":2}"');
  });
});

describe("toCsv", () => {
  test("writes a header and rows, each line ended by CRLF", () => {
    const rows = [
      { week: 0, cohort: "2024-01", rate: 0.5 },
      { week: 1, cohort: "2024-01", rate: 0.25 },
    ];
    expect(toCsv(rows)).toBe("week,cohort,rate\r\n0,2024-01,0.5\r\n1,2024-01,0.25\r\n");
  });

  test("columns default to the union of keys in first-seen order; missing cells are empty", () => {
    const rows = [{ a: 1 }, { b: 2, a: 3 }];
    expect(csvColumns(rows)).toEqual(["a", "b"]);
    expect(toCsv(rows)).toBe("a,b\r\n1,\r\n3,2\r\n");
  });

  test("explicit columns choose and order the output", () => {
    expect(toCsv([{ a: 1, b: 2, c: 3 }], { columns: ["c", "a"] })).toBe("c,a\r\n3,1\r\n");
  });

  test("header names are quoted and neutralised like cells", () => {
    expect(toCsv([{ "=x": 1, "a,b": 2 }])).toBe(`'=x,"a,b"\r\n1,2\r\n`);
  });

  test("no rows gives a header line; no rows and no columns gives an empty line", () => {
    expect(toCsv([], { columns: ["a", "b"] })).toBe("a,b\r\n");
    expect(toCsv([])).toBe("\r\n");
  });

  test("a newline option replaces CRLF", () => {
    expect(toCsv([{ a: 1 }], { newline: "\n" })).toBe("a\n1\n");
  });

  test("rows typed by an interface (no index signature) are accepted", () => {
    interface Point {
      x: number;
      label: string;
    }
    const points: Point[] = [{ x: 1, label: "a" }];
    expect(toCsv(points)).toBe("x,label\r\n1,a\r\n");
  });

  test("an RFC 4180 reader gets back every value, formulas shown as text", () => {
    const rows = [{ name: 'O"Brien, "Pat"', note: "line 1\r\nline 2", formula: "=1+1", n: -2 }];
    expect(parseCsv(toCsv(rows))).toEqual([
      ["name", "note", "formula", "n"],
      ['O"Brien, "Pat"', "line 1\r\nline 2", "'=1+1", "-2"],
    ]);
  });
});

describe("csvFilename", () => {
  test.each([
    ["funnel.csv", "funnel.csv"],
    ["funnel", "funnel.csv"],
    ["retention by cohort", "retention-by-cohort.csv"],
    ["../../etc/passwd", "etc-passwd.csv"],
    ["Überblick: März.CSV", "berblick-M-rz.csv"],
    ["", "data.csv"],
  ])("%j → %j", (input, expected) => {
    expect(csvFilename(input)).toBe(expected);
  });
});

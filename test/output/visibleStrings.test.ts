import { describe, expect, it } from "vitest";
import { visibleJson, visibleText } from "../../lib/output/visibleStrings";

describe("visibleText", () => {
  it("shows a right-to-left override as a mark, so '\\u202egnp.exe' cannot read as 'exe.png'", () => {
    expect(visibleText("\u202egnp.exe")).toBe("⟨U+202E⟩gnp.exe");
  });
  it("marks zero-width and no-break-free invisible characters but keeps ordinary text, tabs and line feeds", () => {
    expect(visibleText("a\u200bb")).toBe("a⟨U+200B⟩b");
    expect(visibleText("\u001b[31mred")).toBe("⟨U+001B⟩[31mred");
    expect(visibleText("SELECT 1\n\tFROM t")).toBe("SELECT 1\n\tFROM t");
    expect(visibleText("家居用品 Café")).toBe("家居用品 Café");
  });
});

describe("visibleJson", () => {
  it("marks hidden characters in nested string values and in object keys, and leaves numbers alone", () => {
    const text = visibleJson({ clusters: [{ name: "\u202eevil", size: 3 }], shares: { "cat\u2066": 0.5 }, n: 1.5, ok: true, none: null });
    expect(JSON.parse(text)).toEqual({ clusters: [{ name: "⟨U+202E⟩evil", size: 3 }], shares: { "cat⟨U+2066⟩": 0.5 }, n: 1.5, ok: true, none: null });
  });
  it("writes clean data exactly as JSON.stringify does", () => {
    const data = { a: [1, 2, { b: "c\nd" }], e: "f" };
    expect(visibleJson(data)).toBe(JSON.stringify(data));
  });
});

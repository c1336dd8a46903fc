import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DEFINITIONS_PATH, readDefinitions, renderDefinitions } from "../../lib/definitions/renderDefinitions";

const ROOT = join(import.meta.dirname, "..", "..");

describe("renderDefinitions(markdown)", () => {
  it("drops the title and lede, and puts each section one heading level down", () => {
    const html = renderDefinitions("# Title\n\nLede.\n\n## 1. One\n\nText with `code`.\n\n### Sub\n\nMore.\n");
    expect(html).toBe("<h3>1. One</h3>\n<p>Text with <code>code</code>.</p>\n<h4>Sub</h4>\n<p>More.</p>\n");
  });

  it("wraps tables so they scroll at narrow widths", () => {
    const html = renderDefinitions("## T\n\n| a | b |\n| --- | --- |\n| 1 | 2 |\n");
    expect(html).toContain('<div class="definitions-table" tabindex="0" role="region" aria-label="Table" style="overflow-x: auto"><table>');
    expect(html).toContain("<td>1</td>");
    expect(html).toContain("</table></div>");
  });

  it("makes code blocks focusable, since they scroll", () => {
    expect(renderDefinitions("## C\n\n```json\n{ \"a\": 1 }\n```\n")).toContain('<pre tabindex="0"><code class="language-json">');
  });

  it("keeps the text of links to other files of docs/ and drops the link; web links stay", () => {
    const html = renderDefinitions("## L\n\nSee [the guide](guide.md) and [DuckDB](https://duckdb.org).\n");
    expect(html).toBe('<h3>L</h3>\n<p>See the guide and <a href="https://duckdb.org">DuckDB</a>.</p>\n');
  });

  it("escapes raw HTML instead of passing it through", () => {
    expect(renderDefinitions("## X\n\n<script>alert(1)</script>\n")).not.toContain("<script>");
  });
});

describe("the Data & methods page's definitions", () => {
  const markdown = readFileSync(join(ROOT, "docs", "metrics.md"), "utf8");

  it("are docs/metrics.md, rendered (the loader reads that file and nothing else)", () => {
    expect(DEFINITIONS_PATH).toBe(join(ROOT, "docs", "metrics.md"));
    const data = readDefinitions();
    expect(data.source).toBe("docs/metrics.md");
    expect(data.html).toBe(renderDefinitions(markdown));
  });

  it("carry every section of docs/metrics.md, in its order", () => {
    const sections = [...markdown.matchAll(/^## (.+)$/gm)].map((match) => match[1]!);
    expect(sections.length).toBeGreaterThanOrEqual(7);
    const { html } = readDefinitions();
    const positions = sections.map((title) => html.indexOf(`<h3>${title}</h3>`));
    expect(positions.every((position) => position >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it("are displayed by the page from data/data-methods.json, not written in it again", () => {
    const page = readFileSync(join(ROOT, "src", "data-methods.md"), "utf8");
    expect(page).toContain('FileAttachment("data/data-methods.json")');
    expect(page).toContain("definitions.html");
    // The old hand-written copy of the definitions is gone: no section of metrics.md is typed in the page.
    expect(page).not.toMatch(/^### (The window and its periods|Retention|Funnels|Intervals and tests|Segmentation)/m);
  });
});

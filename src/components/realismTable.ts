// The realism table: each statistic of docs/realism.md as measured on this build's data, beside its target
// and where real data stands, with a pass or fail mark that does not rely on colour alone. The rows come
// worded from lib/pages/dataMethods.ts.
import type { DataMethodsPage } from "../../lib/pages/dataMethods";

type RealismRow = NonNullable<DataMethodsPage["realism"]>["rows"][number];

function cell(tag: "td" | "th", content: string | Node, className?: string, label?: string): HTMLTableCellElement {
  const node = document.createElement(tag);
  if (className) node.className = className;
  // Narrow screens stack each row and name its cells from this (see the page's stylesheet).
  if (label) node.dataset.label = label;
  // Explicit roles keep the table a table for screen readers when CSS changes its display.
  node.setAttribute("role", tag === "td" ? "cell" : "rowheader");
  node.append(content);
  return node;
}

function mark(pass: boolean): HTMLElement {
  const badge = document.createElement("span");
  badge.className = `realism-mark ${pass ? "realism-pass" : "realism-fail"}`;
  const symbol = document.createElement("span");
  symbol.setAttribute("aria-hidden", "true");
  symbol.textContent = pass ? "✓ " : "✗ ";
  badge.append(symbol, pass ? "pass" : "fail");
  return badge;
}

/**
 * A table of the checks, in a focusable, labelled region that can scroll sideways if it must; the page's
 * stylesheet stacks each row into a small block on phones, so nothing needs scrolling there.
 */
export function realismTable(rows: readonly RealismRow[], { label = "Realism checks" }: { label?: string } = {}): HTMLElement {
  const table = document.createElement("table");
  table.className = "realism-table";
  table.setAttribute("role", "table");
  const head = document.createElement("thead");
  const header = document.createElement("tr");
  for (const [text, className] of [
    ["#", "realism-id"],
    ["Statistic", ""],
    ["Measured on this data", "realism-measured"],
    ["Target", ""],
    ["Where real data stands", ""],
    ["Within target?", "realism-check"],
  ] as const) {
    const th = cell("th", text, className || undefined);
    th.scope = "col";
    th.setAttribute("role", "columnheader");
    header.append(th);
  }
  header.setAttribute("role", "row");
  head.append(header);
  head.setAttribute("role", "rowgroup");
  const body = document.createElement("tbody");
  body.setAttribute("role", "rowgroup");
  for (const row of rows) {
    const tr = document.createElement("tr");
    tr.setAttribute("role", "row");
    const id = cell("th", String(row.id), "realism-id");
    id.scope = "row";
    tr.append(
      id,
      cell("td", row.statistic, "realism-statistic"),
      cell("td", row.measured, "realism-measured", "Measured"),
      cell("td", row.target, "realism-target", "Target"),
      cell("td", row.benchmark, "realism-benchmark", "Real data"),
      cell("td", mark(row.pass), "realism-check"),
    );
    body.append(tr);
  }
  table.append(head, body);
  const region = document.createElement("div");
  region.className = "realism-scroll";
  region.setAttribute("role", "region");
  region.setAttribute("aria-label", label);
  region.tabIndex = 0;
  region.append(table);
  return region;
}

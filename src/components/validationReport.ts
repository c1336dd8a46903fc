// The Data page's validation section: rows read, loaded and set aside per table, counts per reason,
// a few examples, all worded at build time (lib/pages/dataMethods.ts). Every value from the data goes in
// as text (textContent), never as markup: a brought file's values may hold HTML or script.
import type { DataMethodsPage } from "../../lib/pages/dataMethods";
import { visibleText } from "./visibleText.js";

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  // Bidi and other invisible controls from the data are shown as marks, never obeyed.
  if (text !== undefined) node.textContent = visibleText(text);
  if (className) node.className = className;
  return node;
}

function row(cells: readonly string[], header = false): HTMLTableRowElement {
  const tr = el("tr");
  cells.forEach((text, i) => {
    const cell = el(header ? "th" : i === 0 ? "th" : "td", text);
    if (header) cell.setAttribute("scope", "col");
    else if (i === 0) cell.setAttribute("scope", "row");
    tr.append(cell);
  });
  return tr;
}

function table(caption: string, head: readonly string[], body: readonly (readonly string[])[], className: string): HTMLElement {
  const wrap = el("div", undefined, "validation-scroll");
  wrap.tabIndex = 0;
  wrap.setAttribute("role", "region");
  wrap.setAttribute("aria-label", caption);
  const t = el("table", undefined, className);
  t.append(el("caption", caption));
  const thead = el("thead");
  thead.append(row(head, true));
  const tbody = el("tbody");
  for (const cells of body) tbody.append(row(cells));
  t.append(thead, tbody);
  wrap.append(t);
  return wrap;
}

export function validationSection(report: DataMethodsPage["validation"]): HTMLElement {
  const root = el("div", undefined, "validation-report");
  root.dataset.validation = "";
  root.append(table("Rows per table", ["Table", "File", "Read", "Loaded", "Set aside"], report.tables.map((t) => t.cells), "validation-tables"));
  const invariant = el("ul", undefined, "validation-invariant");
  for (const t of report.tables) {
    const li = el("li", t.invariant);
    li.dataset.table = t.table;
    li.dataset.read = String(t.read);
    li.dataset.loaded = String(t.loaded);
    li.dataset.setAside = String(t.set_aside);
    invariant.append(li);
  }
  root.append(invariant);
  if (report.warnings.length > 0) {
    const list = el("ul", undefined, "validation-warnings");
    list.setAttribute("aria-label", "Warnings about the data");
    for (const w of report.warnings) {
      const li = el("li", w.text);
      li.dataset.code = w.code;
      list.append(li);
    }
    root.append(list);
  }
  if (report.none !== null) {
    root.append(el("p", report.none, "validation-none"));
    return root;
  }
  root.append(table("Rows set aside, by reason", ["Reason", "Table", "Rows"], report.reasons, "validation-reasons"));
  if (report.examples.length > 0) {
    root.append(
      table("Examples (up to three per reason, earliest rows first)", ["Reason", "Table", "Row", "Column", "Value", "Detail"], report.examples, "validation-examples"),
    );
  }
  return root;
}

// The Data page's validation section: rows read, loaded and set aside per table, counts per reason,
// a few examples. Every value from the data goes in as text (textContent), never as markup: a brought
// file's values may hold HTML or script.
import { formatInteger } from "./format.js";
import { visibleText } from "./visibleText.js";

export interface ValidationExample {
  row: number;
  column: string | null;
  value: string | null;
  detail?: string;
}
export interface ValidationReason {
  reason: string;
  label: string;
  count: number;
  examples: ValidationExample[];
}
export interface ValidationTable {
  table: string;
  file: string;
  format: string;
  read: number;
  loaded: number;
  set_aside: number;
  reasons: ValidationReason[];
  ignored_columns: string[];
}
export interface ValidationWarning {
  code: string;
  table: string | null;
  count: number;
  message: string;
}
export interface ValidationSummary {
  tables: ValidationTable[];
  /** Absent in reports written before warnings existed. */
  warnings?: ValidationWarning[];
  totals: { read: number; loaded: number; set_aside: number };
}

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

/** One sentence per table: read = loaded + set aside, with the numbers. */
export function invariantText(t: ValidationTable): string {
  const holds = t.read === t.loaded + t.set_aside;
  return `${t.table} (${t.file}): ${formatInteger(t.read)} rows read = ${formatInteger(t.loaded)} loaded + ${formatInteger(t.set_aside)} set aside${holds ? "" : " (does NOT add up)"}.`;
}

export function validationSection(report: ValidationSummary): HTMLElement {
  const root = el("div", undefined, "validation-report");
  root.dataset.validation = "";
  root.append(
    table(
      "Rows per table",
      ["Table", "File", "Read", "Loaded", "Set aside"],
      report.tables.map((t) => [t.table, t.file, formatInteger(t.read), formatInteger(t.loaded), formatInteger(t.set_aside)]),
      "validation-tables",
    ),
  );
  const invariant = el("ul", undefined, "validation-invariant");
  for (const t of report.tables) {
    const li = el("li", invariantText(t));
    li.dataset.table = t.table;
    li.dataset.read = String(t.read);
    li.dataset.loaded = String(t.loaded);
    li.dataset.setAside = String(t.set_aside);
    invariant.append(li);
  }
  root.append(invariant);
  const warnings = report.warnings ?? [];
  if (warnings.length > 0) {
    const list = el("ul", undefined, "validation-warnings");
    list.setAttribute("aria-label", "Warnings about the data");
    for (const w of warnings) {
      const li = el("li", `Warning: ${w.message}`);
      li.dataset.code = w.code;
      list.append(li);
    }
    root.append(list);
  }
  const reasons = report.tables.flatMap((t) => t.reasons.map((r) => ({ table: t.table, ...r })));
  if (reasons.length === 0) {
    root.append(el("p", "No row was set aside: every row read was loaded.", "validation-none"));
    return root;
  }
  root.append(
    table(
      "Rows set aside, by reason",
      ["Reason", "Table", "Rows"],
      reasons.map((r) => [r.label, r.table, formatInteger(r.count)]),
      "validation-reasons",
    ),
  );
  const examples = reasons.flatMap((r) =>
    r.examples.map((e) => [r.label, r.table, formatInteger(e.row), e.column ?? "(whole row)", e.value ?? (e.detail ? "" : "(empty)"), e.detail ?? ""]),
  );
  if (examples.length > 0) {
    root.append(
      table(
        "Examples (up to three per reason, earliest rows first)",
        ["Reason", "Table", "Row", "Column", "Value", "Detail"],
        examples,
        "validation-examples",
      ),
    );
  }
  return root;
}

// The report's unit: one chart in a card with its title, its definition, the SQL that produced its
// data, and a download of that data. Every chart on every page goes through here, so every chart gets
// the same affordances and a text alternative.
import { describeChart, uniqueId } from "./a11y.js";
import type { CsvRow } from "./csv.js";
import { downloadButton } from "./download.js";

export interface ChartCardOptions {
  /** The question or claim the chart answers; rendered as the card's h2. */
  title: string;
  /** The definition: what is counted, over which population and window. Text or a node. */
  caption: string | Node;
  /**
   * The chart: a Plot SVG or figure, a resize() container, or any element. It is aria-hidden behind
   * the text alternative, so a legend's meaning belongs in `summary` too.
   */
  chart: Node;
  /** The rows behind the chart, offered as CSV exactly as given. */
  data: readonly CsvRow[];
  /** The SQL that computed the rows, shown in a disclosure. */
  sql: string;
  /** Download name; ".csv" is added and unsafe characters are replaced. */
  filename: string;
  /** Short text alternative for the chart; defaults to the title. */
  alt?: string;
  /** Longer text alternative: what the chart shows, in a sentence or two. */
  summary?: string;
  /**
   * The row count as the page's builder worded it (lib/format's countOf, e.g. "1 234 rows"). Without it
   * the card shows the bare count of `data` ("12 rows"), ungrouped: the browser formats no number.
   */
  rowsText?: string;
  /** CSV columns, in order; defaults to the rows' keys. */
  columns?: readonly string[];
  /** Inputs that control this chart, shown between the title and the chart. */
  controls?: Node | readonly Node[];
  /** Extra class names for the card (e.g. "grid-colspan-2"). */
  className?: string;
  /**
   * Identifies the card across re-renders (an input re-runs the cell and rebuilds the card), so an
   * opened SQL disclosure stays open. Defaults to the title; set it when the title changes with inputs.
   */
  key?: string;
}

/** Which cards' SQL disclosures the reader has opened, by key, for as long as the page is open. */
const openDisclosures = new Set<string>();

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, ...children: (Node | string)[]) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  node.append(...children);
  return node;
}

/** Builds the card. Returns a <section class="card chart-card"> ready to display. */
export function chartCard(options: ChartCardOptions): HTMLElement {
  const { title, caption, chart, data, sql, filename, alt, summary, rowsText, columns, controls, className, key = title } = options;
  const headingId = uniqueId("chart-title");
  const captionId = uniqueId("chart-caption");

  const card = element("section", ["card", "chart-card", className].filter(Boolean).join(" "));
  card.setAttribute("aria-labelledby", headingId);
  card.dataset.chartCard = "";

  const heading = element("h2", "chart-card-title", title);
  heading.id = headingId;
  card.append(heading);

  if (controls) {
    const list = Array.isArray(controls) ? (controls as readonly Node[]) : [controls as Node];
    card.append(element("div", "chart-controls", ...list));
  }

  const frame = describeChart(chart, { label: alt ?? title, ...(summary ? { summary } : {}) });
  const figcaption = element("figcaption", "chart-caption", caption);
  figcaption.id = captionId;
  // The caption is the chart's definition: screen readers hear it with the chart.
  const img = frame.querySelector("[role=img]");
  img?.setAttribute("aria-describedby", [img.getAttribute("aria-describedby"), captionId].filter(Boolean).join(" "));
  card.append(element("figure", "chart-figure", frame, figcaption));

  const code = element("code", "language-sql", sql.trim());
  const details = element("details", "chart-sql", element("summary", undefined, "SQL behind this chart"), element("pre", undefined, code));
  details.open = openDisclosures.has(key);
  details.addEventListener("toggle", () => (details.open ? openDisclosures.add(key) : openDisclosures.delete(key)));
  const rowCount = element("span", "chart-rowcount muted", rowsText ?? `${data.length} ${data.length === 1 ? "row" : "rows"}`);
  const download = downloadButton(data, filename, { context: title, ...(columns ? { columns } : {}) });
  // The download comes first in the DOM so that it floats beside the summary (see style.css).
  card.append(element("div", "chart-tools", element("div", "chart-download", download, rowCount), details));
  return card;
}

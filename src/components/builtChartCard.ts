// A chart card whose words were built at build time (a page module's ChartText): the caption as rich
// text, and, when the data cannot support the chart (`missing`), a card saying why in its place.
import type { ChartText } from "../../lib/pages/segments";
import { chartCard, type ChartCardOptions } from "./chartCard.js";
import { missingCard } from "./missingData.js";
import { richText } from "./richText.js";

export interface BuiltChartCardOptions {
  /** A stable name for tests and styling (the card's data-missing key when it is left out). */
  key: string;
  chart: Node;
  data: ChartCardOptions["data"];
  controls?: ChartCardOptions["controls"];
}

export function builtChartCard(text: ChartText & { missing?: string | null }, { key, chart, data, controls }: BuiltChartCardOptions): HTMLElement {
  if (text.missing) return missingCard({ key, title: text.title, reason: text.missing });
  return chartCard({
    key,
    title: text.title,
    caption: richText(text.caption),
    chart,
    data,
    sql: text.sql,
    filename: text.filename,
    alt: text.alt,
    summary: text.summary,
    ...(text.columns ? { columns: text.columns } : {}),
    ...(controls ? { controls } : {}),
  });
}

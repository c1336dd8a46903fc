// What stands in for a chart that this data cannot support (brought data without product views,
// registrations, or a window long enough for a second period): a card with the chart's question as
// its title and one or two sentences saying what is missing and why. Never an empty chart.
import { uniqueId } from "./a11y.js";

export interface MissingCardOptions {
  /** The question the chart would have answered; the card's h2. */
  title: string;
  /** What the data lacks and why the chart cannot be computed from it. Plain text (never HTML). */
  reason: string;
  /** A stable name for tests and styling, e.g. "funnel-steps". */
  key: string;
  className?: string;
}

export function missingCard({ title, reason, key, className }: MissingCardOptions): HTMLElement {
  const card = document.createElement("section");
  card.className = ["card", "missing-card", className].filter(Boolean).join(" ");
  card.dataset.missing = key;
  const headingId = uniqueId("missing-title");
  card.setAttribute("aria-labelledby", headingId);
  const heading = document.createElement("h2");
  heading.id = headingId;
  heading.textContent = title;
  const badge = document.createElement("p");
  badge.className = "missing-card-label";
  badge.textContent = "Not computed on this data";
  const text = document.createElement("p");
  text.className = "missing-card-reason";
  text.textContent = reason;
  card.append(heading, badge, text);
  return card;
}


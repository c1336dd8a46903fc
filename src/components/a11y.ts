// Text alternatives for charts. A chart is a picture to a screen reader unless it is given words:
// the chart's frame becomes role="img" with a short aria-label (what the chart shows), and an optional
// longer summary (what it says: the numbers a sighted reader takes away) is kept in the page as
// visually hidden text that the frame points to with aria-describedby.
//
// The frame, not the SVG, carries the role, so a chart that re-renders inside it (resize, inputs)
// keeps its text alternative. The drawing itself is aria-hidden: the frame's words replace it, and
// Plot's aria-label on plain <g> elements is prohibited ARIA that axe reports as serious.
// Elements marked data-chart are what the end-to-end tests inspect.

export interface TextAlternative {
  /** Short name of the chart, e.g. "Weekly retention by signup cohort". */
  label: string;
  /** Optional sentence or two stating what the chart shows, read after the label. */
  summary?: string;
}

let nextId = 0;

/** A unique id for this page, with a readable prefix. */
export function uniqueId(prefix: string): string {
  return `${prefix}-${++nextId}`;
}

/** A paragraph that screen readers read and that takes no space on screen. */
export function visuallyHidden(text: string, id?: string): HTMLElement {
  const element = document.createElement("p");
  element.className = "sr-only";
  if (id) element.id = id;
  element.textContent = text;
  return element;
}

/**
 * Wraps a chart (an SVG, a Plot figure, or a resize() container) in a frame with a text alternative.
 * Returns a div holding the frame and, when given, the hidden summary right after it.
 */
export function describeChart(chart: Node, { label, summary }: TextAlternative): HTMLElement {
  if (!label.trim()) throw new Error("describeChart: a chart needs a non-empty label");
  const wrapper = document.createElement("div");
  wrapper.className = "chart-frame-wrapper";
  const frame = document.createElement("div");
  frame.className = "chart-frame";
  frame.dataset.chart = "";
  frame.setAttribute("role", "img");
  frame.setAttribute("aria-label", label);
  const drawing = document.createElement("div");
  drawing.className = "chart-drawing";
  drawing.setAttribute("aria-hidden", "true");
  drawing.append(chart);
  frame.append(drawing);
  wrapper.append(frame);
  if (summary?.trim()) {
    const id = uniqueId("chart-summary");
    frame.setAttribute("aria-describedby", id);
    wrapper.append(visuallyHidden(summary, id));
  }
  return wrapper;
}

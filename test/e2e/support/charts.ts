// Inspections that run inside the page. Each function passed to page.evaluate is self-contained
// (Playwright serialises its source), so helpers are defined inside it.
import type { Locator, Page } from "playwright-core";

export interface ChartReport {
  /** The chart's accessible name or, failing that, its card's title. */
  name: string;
  svgs: number;
  /** Mark elements (shapes or text) inside the chart's mark groups, excluding axes and grids. */
  marks: number;
  /** Marks with a non-empty bounding box. */
  drawnMarks: number;
  /** The accessible name the chart gets from role="img" + aria-label, or its SVG's own label. */
  textAlternative: string;
}

/**
 * The page's charts: every element marked data-chart (what chartCard/describeChart make), plus any
 * Plot SVG or figure SVG in the main column that is not inside one (a chart drawn without the
 * components still gets checked). Legends are part of a chart, not charts.
 */
export function inspectCharts(page: Page): Promise<ChartReport[]> {
  return page.evaluate(() => {
    const main = document.querySelector("#observablehq-main") ?? document.body;
    const isLegend = (svg: Element) => /-ramp\b|-swatch/.test(svg.getAttribute("class") ?? "");
    const marked = Array.from(main.querySelectorAll("[data-chart]"));
    const bare = Array.from(main.querySelectorAll("svg")).filter(
      (svg) =>
        !svg.closest("[data-chart]") &&
        !isLegend(svg) &&
        (/^plot-[0-9a-f]+$/.test(svg.getAttribute("class") ?? "") || svg.parentElement?.tagName === "FIGURE"),
    );
    const SHAPES = "path, rect, circle, ellipse, line, polyline, polygon, text, image, use";
    const NOT_MARKS = /axis|grid|tick|frame/i;
    const label = (element: Element | null) => element?.getAttribute("aria-label")?.trim() ?? "";
    return [...marked, ...bare].map((chart) => {
      const svgs = chart.tagName.toLowerCase() === "svg" ? [chart] : Array.from(chart.querySelectorAll("svg")).filter((svg) => !isLegend(svg));
      const marks = svgs.flatMap((svg) => {
        const groups = Array.from(svg.querySelectorAll("g[aria-label]")).filter((g) => !NOT_MARKS.test(label(g)));
        // An SVG drawn without Plot has no labelled groups: any shape counts.
        const scopes: Element[] = svg.querySelector("g[aria-label]") ? groups : [svg];
        return scopes.flatMap((scope) => Array.from(scope.querySelectorAll(SHAPES)));
      });
      const drawn = marks.filter((mark) => {
        const box = mark.getBoundingClientRect();
        return box.width > 0 || box.height > 0;
      });
      const labelled = chart.closest("[role=img][aria-label]");
      const svgLabel = svgs
        .map((svg) => label(svg) || svg.querySelector(":scope > title")?.textContent?.trim() || "")
        .find(Boolean);
      const textAlternative = label(labelled) || svgLabel || "";
      const title = chart.closest("[data-chart-card], .card")?.querySelector("h2, h3")?.textContent?.trim();
      return {
        name: textAlternative || title || chart.outerHTML.slice(0, 80),
        svgs: svgs.length,
        marks: marks.length,
        drawnMarks: drawn.length,
        textAlternative,
      };
    });
  });
}

/** A hash of what every chart on the page shows, to tell whether an input changed any of them. */
export function chartsSignature(page: Page): Promise<string> {
  return page.evaluate(() => {
    const main = document.querySelector("#observablehq-main") ?? document.body;
    const charts = Array.from(main.querySelectorAll("[data-chart], svg")).filter(
      (element) => element.matches("[data-chart]") || !element.closest("[data-chart]"),
    );
    const text = charts.map((chart) => chart.innerHTML).join("\u0000");
    let hash = 0;
    for (let i = 0; i < text.length; ++i) hash = (Math.imul(hash, 31) + text.charCodeAt(i)) | 0;
    return `${text.length}:${hash}`;
  });
}

export interface InputReport {
  index: number;
  kind: "select" | "radio" | "checkbox" | "range" | "toggle";
  label: string;
}

/**
 * The page's Observable Inputs that choose a value (select, radio, checkbox, toggle, range), in
 * document order. Tables, searches, buttons and text fields are not chart controls and are skipped.
 */
export function listInputs(page: Page): Promise<InputReport[]> {
  return page.evaluate(() => {
    const main = document.querySelector("#observablehq-main") ?? document.body;
    const forms = Array.from(main.querySelectorAll("form")).filter((form) => /(^|\s)inputs-[0-9a-f]+(\s|$)/.test(form.className));
    const reports: { index: number; kind: "select" | "radio" | "checkbox" | "range" | "toggle"; label: string }[] = [];
    forms.forEach((form, index) => {
      form.setAttribute("data-e2e-input", String(index));
      const label = form.querySelector("label")?.textContent?.trim() ?? "";
      if (/-table\b|-search\b|-button\b/.test(form.className)) return;
      if (form.querySelector("select")) reports.push({ index, kind: "select", label });
      else if (/-toggle\b/.test(form.className)) reports.push({ index, kind: "toggle", label });
      else if (form.querySelector("input[type=radio]")) reports.push({ index, kind: "radio", label });
      else if (form.querySelector("input[type=checkbox]")) reports.push({ index, kind: "checkbox", label });
      else if (form.querySelector("input[type=range]")) reports.push({ index, kind: "range", label });
    });
    return reports;
  });
}

/** Sets an input (found by listInputs) to another value the way a reader would. */
export async function changeInput(page: Page, input: InputReport): Promise<void> {
  const form = page.locator(`form[data-e2e-input="${input.index}"]`);
  switch (input.kind) {
    case "select": {
      const select = form.locator("select");
      const { count, selected } = await select.evaluate((element: HTMLSelectElement) => ({
        count: element.options.length,
        selected: element.selectedIndex,
      }));
      if (count < 2) throw new Error(`select "${input.label}" has fewer than two options`);
      await select.selectOption({ index: (selected + 1) % count });
      break;
    }
    case "radio": {
      const unchecked = form.locator("input[type=radio]:not(:checked)").first();
      await unchecked.check();
      break;
    }
    case "checkbox":
    case "toggle":
      await form.locator("input[type=checkbox]").first().click();
      break;
    case "range":
      await form.locator("input[type=range]").evaluate((element: HTMLInputElement) => {
        const min = Number(element.min || 0);
        const max = Number(element.max || 100);
        element.value = String(Number(element.value) === min ? max : min);
        element.dispatchEvent(new Event("input", { bubbles: true }));
      });
      break;
  }
}

/** Relative luminance (WCAG) of a CSS colour, resolved by the browser (handles color-mix, oklch…). */
export function colourProbe(page: Page, selector: string, property: "backgroundColor" | "color"): Promise<number[]> {
  return page.evaluate(
    ({ selector, property }) => {
      const canvas = document.createElement("canvas");
      canvas.width = canvas.height = 1;
      const context = canvas.getContext("2d", { willReadFrequently: true });
      if (!context) throw new Error("no 2D canvas");
      const luminance = (css: string) => {
        context.clearRect(0, 0, 1, 1);
        context.fillStyle = "#808080";
        context.fillStyle = css;
        context.fillRect(0, 0, 1, 1);
        const [r = 0, g = 0, b = 0] = context.getImageData(0, 0, 1, 1).data;
        const linear = (c: number) => (c / 255 <= 0.04045 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
        return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
      };
      return Array.from(document.querySelectorAll(selector)).map((element) => luminance(getComputedStyle(element)[property]));
    },
    { selector, property },
  );
}

/** Layout facts for narrow screens: horizontal overflow, and KPI grids' column counts. */
export function inspectLayout(page: Page): Promise<{ scrollWidth: number; viewportWidth: number; kpiColumns: number[] }> {
  return page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    viewportWidth: document.documentElement.clientWidth,
    kpiColumns: Array.from(document.querySelectorAll(".kpi-grid")).map(
      (grid) => getComputedStyle(grid).gridTemplateColumns.split(" ").filter(Boolean).length,
    ),
  }));
}

/** For each KPI grid, how many cards sit on each of its rows (cards grouped by their top edge). */
export function kpiRows(page: Page): Promise<number[][]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll(".kpi-grid")).map((grid) => {
      const rows = new Map<number, number>();
      for (const card of Array.from(grid.children)) {
        const top = Math.round(card.getBoundingClientRect().top);
        rows.set(top, (rows.get(top) ?? 0) + 1);
      }
      return [...rows.entries()].sort((a, b) => a[0] - b[0]).map(([, n]) => n);
    }),
  );
}

/** The chart card whose title starts with `prefix` (a regular expression source). */
export function cardTitled(page: Page, prefix: string): Locator {
  return page.locator("[data-chart-card]").filter({ has: page.locator(`h2:text-matches("^${prefix}")`) });
}

/**
 * `npm run scale-chart`: draws docs/scale/scale.json (written by `npm run bench -- scale`) as one SVG,
 * time and peak memory against events on log axes, with the date and machine, rendered offline (Plot in
 * jsdom). Written to docs/scale/scale.svg for the README and src/assets/scale.svg for the Data & methods page.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import * as Plot from "@observablehq/plot";
import { JSDOM } from "jsdom";
import { PROJECT_ROOT } from "../lib/warehouse/projectRoot";
import type { ScaleReport, ScaleRow } from "./scale";

const STEPS = ["generate", "analyze", "build"] as const;
const WIDTH = 420;
const HEIGHT = 300;
const TITLE = 44;

function panel(document: Document, rows: ScaleRow[], y: "seconds" | "peak_rss_mib", label: string, limitMiB?: number): string {
  const marks: Plot.Markish[] = [
    Plot.line(rows, { x: "events", y, stroke: "step", z: "step", marker: "circle" }),
    Plot.text(rows.filter((r) => r.events === Math.max(...rows.filter((s) => s.step === r.step).map((s) => s.events))), {
      x: "events",
      y,
      text: "step",
      fill: "step",
      dx: 6,
      textAnchor: "start",
    }),
  ];
  if (limitMiB) marks.push(Plot.ruleY([limitMiB], { stroke: "currentColor", strokeDasharray: "4,3" }), Plot.text([limitMiB], { y: (d: number) => d, x: Math.max(...rows.map((r) => r.events)), text: () => "4 GiB target", dy: -7, textAnchor: "end" }));
  const chart = Plot.plot({
    document,
    width: WIDTH,
    height: HEIGHT,
    marginRight: 70,
    x: { type: "log", label: "events →", tickFormat: "~s" },
    y: { type: "log", label, grid: true, tickFormat: "~s" },
    color: { domain: [...STEPS], range: ["#4269d0", "#ff725c", "#3ca951"] },
    style: { fontFamily: "DejaVu Sans, sans-serif", fontSize: "11px", background: "white", color: "#222" },
    marks,
  }) as unknown as Element;
  chart.setAttribute("xmlns", "http://www.w3.org/2000/svg");
  return chart.outerHTML;
}

export function scaleChartSvg(report: ScaleReport): string {
  const { document } = new JSDOM("<!DOCTYPE html><body></body>").window;
  const rows = report.rows.filter((r) => (STEPS as readonly string[]).includes(r.step) && r.events > 0);
  const time = panel(document, rows, "seconds", "↑ seconds (wall)");
  const memory = panel(document, rows, "peak_rss_mib", "↑ peak RSS of the process tree (MiB)", 4096);
  const { machine } = report;
  const caption = `Measured ${report.date} on ${machine.cpus} cores (${machine.cpu}), ${machine.memory_gib} GiB, ${machine.os}; DuckDB memory limit ${report.memory_limit}. Shared machine: times are inflated by other work.`;
  const escape = (text: string) => text.replaceAll("&", "&amp;").replaceAll("<", "&lt;");
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${2 * WIDTH}" height="${HEIGHT + TITLE}" viewBox="0 0 ${2 * WIDTH} ${HEIGHT + TITLE}" font-family="DejaVu Sans, sans-serif">
<rect width="100%" height="100%" fill="white"/>
<text x="10" y="18" font-size="14" font-weight="bold" fill="#222">Time and peak memory against events (log axes)</text>
<text x="10" y="34" font-size="10" fill="#444">${escape(caption)}</text>
<g transform="translate(0, ${TITLE})">${time}</g>
<g transform="translate(${WIDTH}, ${TITLE})">${memory}</g>
</svg>
`;
}

/** The measurements as a markdown table (docs/scaling.md quotes it). */
export function scaleMarkdown(report: ScaleReport): string {
  const lines = ["| events | step | time (s) | peak RSS (MiB) | peak scratch (MiB) |", "| ---: | --- | ---: | ---: | ---: |"];
  for (const r of report.rows) lines.push(`| ${r.events.toLocaleString("en-US")} | ${r.step} | ${r.seconds.toFixed(1)} | ${r.peak_rss_mib} | ${r.peak_scratch_mib} |`);
  for (const d of report.disk) lines.push(`\n${d.size}: dataset ${d.dataset_mib} MiB of Parquet, validated warehouse ${d.warehouse_mib} MiB.`);
  return lines.join("\n");
}

if (process.argv[1]?.endsWith("scaleChart.ts")) {
  const input = process.argv[2] ?? join(PROJECT_ROOT, "docs", "scale", "scale.json");
  const svg = scaleChartSvg(JSON.parse(readFileSync(input, "utf8")) as ScaleReport);
  for (const file of [join(PROJECT_ROOT, "docs", "scale", "scale.svg"), join(PROJECT_ROOT, "src", "assets", "scale.svg")]) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, svg);
    process.stdout.write(`wrote ${file}\n`);
  }
  process.stdout.write(scaleMarkdown(JSON.parse(readFileSync(input, "utf8")) as ScaleReport) + "\n");
}

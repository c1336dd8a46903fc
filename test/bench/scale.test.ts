import { describe, expect, it } from "vitest";
import { runTree } from "../../bench/processTree";
import { type ScaleReport, analyzePhases, scaleOptions, scaleTable } from "../../bench/scale";
import { scaleChartSvg } from "../../bench/scaleChart";

describe("analyzePhases", () => {
  it("reads analyze's progress lines into seconds per phase", () => {
    const stderr = [
      "analyze: DuckDB memory limit 2GiB, scratch folder /tmp/x",
      "analyze: reading and validating the dataset…",
      "analyze: reading and validating the dataset done in 12.5 s",
      "analyze: 10 rows read, 10 loaded, 0 set aside (validation.json)",
      "analyze: segments done in 3.0 s",
    ].join("\n");
    expect(analyzePhases(stderr)).toEqual({ "reading and validating the dataset": 12.5, segments: 3 });
  });
});

describe("scaleOptions", () => {
  it("picks sizes and the JSON path, refusing unknown sizes", () => {
    expect(scaleOptions(["scale", "--sizes", "1M,100M", "--json", "/tmp/s.json"], false)).toEqual({ quick: false, sizes: ["1M", "100M"], json: "/tmp/s.json" });
    expect(scaleOptions(["scale", "--quick"], true)).toEqual({ quick: true });
    expect(() => scaleOptions(["--sizes", "5M"], false)).toThrow("--sizes: unknown size 5M; known: 1M, 10M, 40M, 100M");
  });
});

const report: ScaleReport = {
  date: "2026-01-02",
  machine: { cpus: 2, cpu: "Test CPU", memory_gib: 24, os: "Linux", node: "v20" },
  memory_limit: "2GiB",
  disk: [],
  python: { skipped: "not here" },
  rows: [
    { size: "10M", users: 1, events: 10_000_000, step: "analyze", seconds: 20, peak_rss_mib: 1000, peak_scratch_mib: 400, phases: { segments: 4 } },
    { size: "10M", users: 1, events: 10_000_000, step: "pandas-sklearn", seconds: 80, peak_rss_mib: 5000, peak_scratch_mib: 0 },
    { size: "100M", users: 1, events: 100_000_000, step: "analyze", seconds: 260, peak_rss_mib: 3000, peak_scratch_mib: 4000, phases: { segments: 10 } },
  ],
};

describe("scaleTable", () => {
  it("states time per event at 100M against 10M, per phase too, and the pandas ratio", () => {
    const text = scaleTable(report);
    // 260 s / 100M against 20 s / 10M: 2.6e-6 / 2e-6 = 1.3.
    expect(text).toContain("analyze: time per event at 100M ÷ at 10M = 1.30 (target ≤ 1.5)");
    // segments: 10 / 100M against 4 / 10M = 0.25.
    expect(text).toContain("analyze segments: per event at 100M ÷ at 10M = 0.25");
    expect(text).toContain("pandas + scikit-learn ÷ analyze = 4.00 (target ≥ 3)");
    expect(text).toContain("pandas + scikit-learn: skipped (not here)");
  });
});

describe("scaleChartSvg", () => {
  it("draws one standalone SVG with both panels, the 4 GiB line, and the date and machine", () => {
    const svg = scaleChartSvg(report);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toContain("Measured 2026-01-02 on 2 cores (Test CPU), 24 GiB");
    expect(svg).toContain("4 GiB target");
    // Two Plot charts, and only the three pipeline steps drawn (pandas is not a step of the kit).
    expect(svg.match(/<svg class="plot/g)?.length).toBe(2);
    expect(svg).not.toContain("pandas");
  });
});

describe("runTree", () => {
  it("counts the children's memory: a child holding ~200 MiB raises the tree's peak past it", async () => {
    const hold = "const b = Buffer.alloc(200 * 2 ** 20, 1); setTimeout(() => console.log(b[0]), 1500)";
    const run = await runTree("sh", ["-c", `${process.execPath} -e "${hold}"`], { intervalMs: 100 });
    expect(run.stdout.trim()).toBe("1");
    expect(run.peakRssMiB).toBeGreaterThan(200);
    expect(run.peakRssMiB).toBeLessThan(600);
  });
});

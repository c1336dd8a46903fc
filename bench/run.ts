/** `npm run bench -- NAME [--quick]`: runs one benchmark (or all) and prints ratios against baselines measured in the same run. */
import { benchAnalyze } from "./analyze";
import { benchGenerate } from "./generate";
import { benchPageWeight } from "./pageWeight";
import { benchPredict } from "./predict";
import { benchScale, scaleOptions } from "./scale";
import { benchSegments } from "./segments";

const HELP = `Usage: npm run bench -- [generate|analyze|segments|predict|pageweight|scale|all] [--quick]

  generate   generator events/s and peak RSS, default and ~10M-event datasets, beside a DuckDB write floor
  analyze    reading + retention + funnels on the default and ~10M-event datasets, beside one DuckDB scan
             by user and the three groupings the analysis cannot do without
  segments   K-means path on 1M users (k selection, fit, assignment), beside a one-pass floor
  predict    BG/NBD fit on 1M simulated customers (grouping + multi-start fit + standard errors),
             against 10 s, beside one evaluation of the log-likelihood
  pageweight each built page: data shipped (KB gzipped) and time until its charts are drawn in headless
             Chromium, against 300 KB and 1.5 s, beside a trivial static page's load time
  scale      generate, analyze and npm run build at ~1M, 10M, 40M and 100M events as whole process trees
             (time, peak RSS of the tree, scratch space), the DuckDB write floor and pandas + scikit-learn
             at 10M; writes docs/scale/scale.json (then: npm run scale-chart). The full run takes hours
             here; --quick stops at 10M; --sizes 1M,100M picks sizes; --json FILE writes elsewhere
  all        every benchmark above but scale
  --quick    skip the large datasets
  -h, --help show this help`;

const benches: Record<string, (quick: boolean) => Promise<void>> = {
  generate: (quick) => benchGenerate({ large: !quick }),
  analyze: (quick) => benchAnalyze({ large: !quick }),
  segments: (quick) => benchSegments({ quick }),
  predict: (quick) => benchPredict({ quick }),
  pageweight: () => benchPageWeight(),
  scale: (quick) => benchScale(scaleOptions(process.argv.slice(2), quick)),
};

const args = process.argv.slice(2);
if (args.includes("--help") || args.includes("-h")) {
  process.stdout.write(HELP + "\n");
} else {
  const quick = args.includes("--quick");
  // Values of --sizes and --json are not benchmark names.
  const names = args.filter((a, i) => !a.startsWith("-") && !["--sizes", "--json"].includes(args[i - 1] ?? ""));
  const selected = names.length === 0 || names.includes("all") ? Object.keys(benches).filter((name) => name !== "scale") : names;
  for (const name of selected) {
    const bench = benches[name];
    if (!bench) {
      process.stderr.write(`bench: unknown benchmark "${name}"; known: ${Object.keys(benches).join(", ")}\n`);
      process.exit(2);
    }
    process.stdout.write(`\n== ${name} ==\n`);
    await bench(quick);
  }
}

/**
 * Benchmark (not a test): the BG/NBD fit on 1,000,000 customers. Customers are simulated from the CDNOW
 * parameters with first purchases spread over 243 days and purchase times on a day grid (as purchase
 * days make them), measured in weeks, then grouped into distinct (x, t_x, T) and fitted from the three
 * fixed starts with standard errors. Baseline, in the same process: one evaluation of the log-likelihood
 * over the same groups. Target: ≤ 10 s for grouping + fit.
 */
import { bgnbdLogLikelihood, prepareGroups } from "../lib/predict/bgnbdLikelihood";
import { fitBgnbd } from "../lib/predict/fitBgnbd";
import { groupCustomers } from "../lib/predict/groups";
import { simulateBgnbd } from "../lib/predict/simulate";
import { Rng } from "../lib/random/rng";

const CDNOW = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const TARGET_SECONDS = 10;

export async function benchPredict(options: { quick?: boolean } = {}): Promise<void> {
  const customers = options.quick ? 100_000 : 1_000_000;
  const rng = new Rng(20250101, 3);
  const T = Float64Array.from({ length: customers }, () => rng.int(243) / 7);
  let t = performance.now();
  const sim = simulateBgnbd(CDNOW, customers, T, 20250101, 1 / 7);
  console.log(`simulated ${customers.toLocaleString("en-US")} customers in ${((performance.now() - t) / 1000).toFixed(1)} s`);

  t = performance.now();
  const groups = groupCustomers(sim.x, sim.tx, sim.T);
  const groupSeconds = (performance.now() - t) / 1000;
  const prepared = prepareGroups(groups);
  const repeats = 20;
  t = performance.now();
  for (let i = 0; i < repeats; i++) bgnbdLogLikelihood({ ...CDNOW, r: CDNOW.r * (1 + i * 1e-6) }, prepared);
  const evaluation = (performance.now() - t) / repeats / 1000;

  t = performance.now();
  const fit = fitBgnbd(groups);
  const fitSeconds = (performance.now() - t) / 1000;
  console.log(`distinct (x, t_x, T): ${groups.x.length.toLocaleString("en-US")} (grouping ${groupSeconds.toFixed(2)} s)`);
  console.log(`baseline: one log-likelihood evaluation ${(evaluation * 1000).toFixed(2)} ms`);
  console.log(
    `fit: ${fitSeconds.toFixed(2)} s = ${(fitSeconds / evaluation).toFixed(0)} evaluations' time (${fit.evaluations} evaluations + Hessian), ` +
      `grouping + fit ${(groupSeconds + fitSeconds).toFixed(2)} s, target ≤ ${TARGET_SECONDS} s: ${groupSeconds + fitSeconds <= TARGET_SECONDS ? "met" : "NOT met"}`,
  );
  const p = fit.params;
  const se = fit.standardErrors;
  console.log(`estimates: r ${p.r.toFixed(4)} ± ${se.r.toFixed(4)}, α ${p.alpha.toFixed(3)} ± ${se.alpha.toFixed(3)}, a ${p.a.toFixed(3)} ± ${se.a.toFixed(3)}, b ${p.b.toFixed(3)} ± ${se.b.toFixed(3)} (converged: ${fit.converged})`);
  console.log(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
}

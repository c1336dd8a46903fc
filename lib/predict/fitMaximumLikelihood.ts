/**
 * Maximum likelihood over positive parameters: the search runs on their logarithms (so every point
 * is valid and the scales even out), from several fixed starting points (so the answer does not hinge
 * on one, and stays the same run after run), keeping the best. Standard errors come from the observed
 * information, the Hessian of −log L in the log-parameters inverted, carried to the natural scale by
 * the delta method (se(θ) = θ · se(ln θ)).
 */
import { Matrix, inverse } from "ml-matrix";
import { numericalHessian } from "./hessian";
import { nelderMead } from "./nelderMead";

export interface MaximumLikelihoodFit {
  /** Estimates on the natural scale, in the order of the starts' coordinates. */
  estimates: number[];
  /** Standard errors on the natural scale; NaN where the information matrix is not positive definite. */
  standardErrors: number[];
  logLikelihood: number;
  /** The best search converged and at least two starts reached the same maximum. */
  converged: boolean;
  /** How many starts reached the best log-likelihood (within 1e-6). */
  startsAtBest: number;
  evaluations: number;
}

export function fitMaximumLikelihood(logLikelihood: (theta: number[]) => number, starts: readonly (readonly number[])[]): MaximumLikelihoodFit {
  const negative = (logTheta: number[]): number => {
    const value = -logLikelihood(logTheta.map(Math.exp));
    return Number.isFinite(value) ? value : Infinity;
  };
  const runs = starts.map((start) => nelderMead(negative, start.map(Math.log)));
  const best = runs.reduce((a, b) => (b.fx < a.fx ? b : a));
  const startsAtBest = runs.filter((run) => run.fx - best.fx <= 1e-6 * Math.max(1, Math.abs(best.fx))).length;
  const estimates = best.x.map(Math.exp);
  const H = numericalHessian(negative, best.x);
  let standardErrors = estimates.map(() => Number.NaN);
  try {
    const covariance = inverse(new Matrix(H));
    standardErrors = estimates.map((theta, i) => {
      const variance = covariance.get(i, i);
      return variance > 0 ? theta * Math.sqrt(variance) : Number.NaN;
    });
  } catch {
    // A singular information matrix: the standard errors stay NaN and the fit reports it.
  }
  return {
    estimates,
    standardErrors,
    logLikelihood: -best.fx,
    converged: best.converged && startsAtBest >= 2,
    startsAtBest,
    evaluations: runs.reduce((n, run) => n + run.evaluations, 0),
  };
}

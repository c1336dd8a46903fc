/** Fits BG/NBD (r, α, a, b) by maximum likelihood over distinct (x, t_x, T) rows. */
import { type BgnbdParams, bgnbdLogLikelihood, prepareGroups } from "./bgnbdLikelihood";
import { fitMaximumLikelihood } from "./fitMaximumLikelihood";
import { customerCount, type RfGroups } from "./groups";

export interface BgnbdFit {
  params: BgnbdParams;
  standardErrors: BgnbdParams;
  logLikelihood: number;
  /** Customers the fit saw. */
  n: number;
  converged: boolean;
  evaluations: number;
}

/**
 * Fixed starting points. α is a rate's scale, so it starts relative to the data's own time scale (the
 * mean T), which keeps the starts sensible in days and in weeks alike; r, a, b are unitless.
 */
export function bgnbdStarts(groups: RfGroups): number[][] {
  let weighted = 0;
  let n = 0;
  for (let i = 0; i < groups.T.length; i++) {
    weighted += groups.count[i]! * groups.T[i]!;
    n += groups.count[i]!;
  }
  const scale = Math.max(1e-3, n > 0 ? weighted / n : 1);
  return [
    [1, scale, 1, 1],
    [0.25, scale / 10, 0.8, 2.5],
    [2, scale * 2, 2, 8],
  ];
}

export function fitBgnbd(groups: RfGroups): BgnbdFit {
  const data = prepareGroups(groups);
  const fit = fitMaximumLikelihood(([r, alpha, a, b]) => bgnbdLogLikelihood({ r: r!, alpha: alpha!, a: a!, b: b! }, data), bgnbdStarts(groups));
  const [r, alpha, a, b] = fit.estimates as [number, number, number, number];
  const [sr, salpha, sa, sb] = fit.standardErrors as [number, number, number, number];
  return {
    params: { r, alpha, a, b },
    standardErrors: { r: sr, alpha: salpha, a: sa, b: sb },
    logLikelihood: fit.logLikelihood,
    n: customerCount(groups),
    converged: fit.converged,
    evaluations: fit.evaluations,
  };
}

/** Fits Gamma–Gamma (p, q, γ) by maximum likelihood over repeat buyers' (x, mean spend). */
import { fitMaximumLikelihood } from "./fitMaximumLikelihood";
import { type GammaGammaParams, gammaGammaLogLikelihood, type SpendData } from "./gammaGammaLikelihood";

export interface GammaGammaFit {
  params: GammaGammaParams;
  standardErrors: GammaGammaParams;
  logLikelihood: number;
  n: number;
  converged: boolean;
  evaluations: number;
}

/** Fixed starts; γ is in money and starts relative to the mean spend, since E[spend] = γp/(q−1). */
export function gammaGammaStarts(data: SpendData): number[][] {
  let sum = 0;
  for (let i = 0; i < data.mean.length; i++) sum += data.mean[i]!;
  const scale = Math.max(1e-6, data.mean.length > 0 ? sum / data.mean.length : 1);
  return [
    [1, 2, scale],
    [5, 4, scale * 3],
    [0.5, 6, scale * 10],
  ];
}

export function fitGammaGamma(data: SpendData): GammaGammaFit {
  const fit = fitMaximumLikelihood(([p, q, gamma]) => gammaGammaLogLikelihood({ p: p!, q: q!, gamma: gamma! }, data), gammaGammaStarts(data));
  const [p, q, gamma] = fit.estimates as [number, number, number];
  const [sp, sq, sg] = fit.standardErrors as [number, number, number];
  return {
    params: { p, q, gamma },
    standardErrors: { p: sp, q: sq, gamma: sg },
    logLikelihood: fit.logLikelihood,
    n: data.x.length,
    converged: fit.converged,
    evaluations: fit.evaluations,
  };
}

/**
 * The Gamma–Gamma spend model (Fader & Hardie, "The Gamma-Gamma Model of Monetary Value", 2013; Fader,
 * Hardie & Lee 2005, "RFM and CLV"): each transaction's value z ~ Gamma(p, ν) (shape p, rate ν), and ν
 * varies across customers as Gamma(q, γ). For a customer with x transactions of mean value m̄,
 *
 *   f(m̄ | p, q, γ, x) = Γ(px+q) / (Γ(px) Γ(q)) · γ^q · m̄^(px−1) · x^(px) / (γ + m̄x)^(px+q)
 *
 * (the density of the mean, so the likelihood of different x is comparable).
 */
import { logGamma } from "../stats/logGamma";

export interface GammaGammaParams {
  p: number;
  q: number;
  gamma: number;
}

/** Repeat buyers for the spend model: transactions and mean value per transaction. */
export interface SpendData {
  x: Float64Array;
  mean: Float64Array;
}

export function gammaGammaLogLikelihoodOne({ p, q, gamma }: GammaGammaParams, x: number, mean: number): number {
  const px = p * x;
  return (
    logGamma(px + q) - logGamma(px) - logGamma(q) + q * Math.log(gamma) + (px - 1) * Math.log(mean) + px * Math.log(x) - (px + q) * Math.log(gamma + mean * x)
  );
}

export function gammaGammaLogLikelihood(params: GammaGammaParams, data: SpendData): number {
  // Terms in x alone repeat across customers: cache them per distinct x.
  const byX = new Map<number, number>();
  const { p, q, gamma } = params;
  const shared = -logGamma(q) + q * Math.log(gamma);
  let total = 0;
  for (let i = 0; i < data.x.length; i++) {
    const x = data.x[i]!;
    const px = p * x;
    let termX = byX.get(x);
    if (termX === undefined) {
      termX = logGamma(px + q) - logGamma(px) + px * Math.log(x);
      byX.set(x, termX);
    }
    const m = data.mean[i]!;
    total += shared + termX + (px - 1) * Math.log(m) - (px + q) * Math.log(gamma + m * x);
  }
  return total;
}

/** E[M | p, q, γ, x, m̄]: the expected value of a customer's future transaction, (q−1)/(px+q−1)·γp/(q−1) + px/(px+q−1)·m̄. */
export function conditionalExpectedSpend({ p, q, gamma }: GammaGammaParams, x: number, mean: number): number {
  return (p * (gamma + x * mean)) / (p * x + q - 1);
}

/** The population mean spend per transaction, γp/(q−1) (finite only when q > 1). */
export function populationMeanSpend({ p, q, gamma }: GammaGammaParams): number {
  return q > 1 ? (gamma * p) / (q - 1) : Number.NaN;
}

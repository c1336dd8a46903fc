import type { Rng } from "./rng";

/**
 * A Gamma(shape, rate) draw by Marsaglia & Tsang (2000): a squeeze-accepted transformed normal, with
 * the usual boost U^(1/shape) for shapes below one.
 */
export function gammaVariate(rng: Rng, shape: number, rate: number): number {
  if (!(shape > 0 && rate > 0)) throw new RangeError(`gammaVariate needs shape, rate > 0, got ${shape}, ${rate}`);
  if (shape < 1) {
    let u = rng.next();
    while (u === 0) u = rng.next();
    return gammaVariate(rng, shape + 1, rate) * Math.pow(u, 1 / shape);
  }
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let z: number;
    let v: number;
    do {
      z = rng.normal();
      v = 1 + c * z;
    } while (v <= 0);
    v = v * v * v;
    const u = rng.next();
    if (u < 1 - 0.0331 * z ** 4 || Math.log(u) < 0.5 * z * z + d * (1 - v + Math.log(v))) return (d * v) / rate;
  }
}

/** A Beta(a, b) draw as X/(X+Y) with X ~ Gamma(a), Y ~ Gamma(b). */
export function betaVariate(rng: Rng, a: number, b: number): number {
  const x = gammaVariate(rng, a, 1);
  const y = gammaVariate(rng, b, 1);
  return x / (x + y);
}

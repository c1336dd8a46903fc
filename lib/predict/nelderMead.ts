/**
 * Nelder–Mead minimisation (Lagarias et al. 1998 conventions: reflection 1, expansion 2, contraction ½,
 * shrink ½), with one restart from the best point, which guards against the simplex collapsing early.
 *
 * Why our own: the npm registry's minimisers here are unmaintained (`fmin` 0.0.4 and `numeric` 1.2.6
 * were last published years ago, untyped), and the likelihoods need only a derivative-free search over
 * 3 or 4 log-parameters. It is deterministic: the same start gives the same path, bit for bit.
 */
export interface MinimizeOptions {
  /** Initial simplex edge along each coordinate. */
  step?: number;
  maxIterations?: number;
  /** Stop when the simplex's values differ by less than this (relative to |f| + 1e-8)… */
  fTolerance?: number;
  /** …and its vertices by less than this in every coordinate. */
  xTolerance?: number;
}

export interface MinimizeResult {
  x: number[];
  fx: number;
  iterations: number;
  evaluations: number;
  converged: boolean;
}

const DEFAULTS: Required<MinimizeOptions> = { step: 0.5, maxIterations: 5000, fTolerance: 1e-10, xTolerance: 1e-6 };

export function nelderMead(f: (x: number[]) => number, start: readonly number[], options: MinimizeOptions = {}): MinimizeResult {
  const settings = { ...DEFAULTS, ...options };
  const result = search(f, start, settings, settings.maxIterations);
  // A restart rebuilds a full-size simplex around the best point: if the first search stopped on a
  // degenerate simplex, this one moves on; if it had truly converged, this one ends at once.
  const again = search(f, result.x, settings, settings.maxIterations);
  return {
    x: again.x,
    fx: again.fx,
    iterations: result.iterations + again.iterations,
    evaluations: result.evaluations + again.evaluations,
    converged: result.converged && again.converged,
  };
}

function search(f: (x: number[]) => number, start: readonly number[], settings: Required<MinimizeOptions>, maxIterations: number): MinimizeResult {
  const n = start.length;
  let evaluations = 0;
  const value = (x: number[]): number => {
    evaluations++;
    const fx = f(x);
    return Number.isNaN(fx) ? Infinity : fx;
  };
  const points: number[][] = [start.slice()];
  for (let i = 0; i < n; i++) {
    const p = start.slice();
    p[i] = p[i]! + settings.step;
    points.push(p);
  }
  const values = points.map(value);
  let iterations = 0;
  let converged = false;
  const order = Array.from({ length: n + 1 }, (_, i) => i);
  while (iterations < maxIterations) {
    order.sort((i, j) => values[i]! - values[j]! || i - j);
    const best = order[0]!;
    const worst = order[n]!;
    const second = order[n - 1]!;
    const fSpread = Math.abs(values[worst]! - values[best]!);
    let xSpread = 0;
    for (const i of order) for (let d = 0; d < n; d++) xSpread = Math.max(xSpread, Math.abs(points[i]![d]! - points[best]![d]!));
    if (fSpread <= settings.fTolerance * (Math.abs(values[best]!) + 1e-8) && xSpread <= settings.xTolerance) {
      converged = true;
      break;
    }
    iterations++;
    const centroid = new Array<number>(n).fill(0);
    for (const i of order.slice(0, n)) for (let d = 0; d < n; d++) centroid[d]! += points[i]![d]! / n;
    const along = (t: number): number[] => centroid.map((c, d) => c + t * (points[worst]![d]! - c));
    const reflected = along(-1);
    const fr = value(reflected);
    if (fr < values[best]!) {
      const expanded = along(-2);
      const fe = value(expanded);
      if (fe < fr) replace(worst, expanded, fe);
      else replace(worst, reflected, fr);
    } else if (fr < values[second]!) {
      replace(worst, reflected, fr);
    } else {
      const outside = fr < values[worst]!;
      const contracted = along(outside ? -0.5 : 0.5);
      const fc = value(contracted);
      if (fc < (outside ? fr : values[worst]!)) replace(worst, contracted, fc);
      else {
        for (const i of order.slice(1)) {
          points[i] = points[i]!.map((x, d) => points[best]![d]! + 0.5 * (x - points[best]![d]!));
          values[i] = value(points[i]!);
        }
      }
    }
  }
  order.sort((i, j) => values[i]! - values[j]! || i - j);
  return { x: points[order[0]!]!, fx: values[order[0]!]!, iterations, evaluations, converged };

  function replace(i: number, x: number[], fx: number): void {
    points[i] = x;
    values[i] = fx;
  }
}

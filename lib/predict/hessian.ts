/**
 * The Hessian of f at x by central differences (step h·max(1, |x_i|) per coordinate): the observed
 * information when f is a negative log-likelihood at its maximum.
 */
export function numericalHessian(f: (x: number[]) => number, x: readonly number[], h = 1e-4): number[][] {
  const n = x.length;
  const steps = x.map((v) => h * Math.max(1, Math.abs(v)));
  const at = (di: number, si: number, dj: number, sj: number): number => {
    const p = x.slice();
    p[di] = p[di]! + si * steps[di]!;
    p[dj] = p[dj]! + sj * steps[dj]!;
    return f(p);
  };
  const f0 = f(x.slice());
  const H = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    const p = x.slice();
    p[i] = p[i]! + steps[i]!;
    const up = f(p);
    p[i] = x[i]! - steps[i]!;
    const down = f(p);
    H[i]![i] = (up - 2 * f0 + down) / (steps[i]! * steps[i]!);
    for (let j = 0; j < i; j++) {
      const value = (at(i, 1, j, 1) - at(i, 1, j, -1) - at(i, -1, j, 1) + at(i, -1, j, -1)) / (4 * steps[i]! * steps[j]!);
      H[i]![j] = value;
      H[j]![i] = value;
    }
  }
  return H;
}

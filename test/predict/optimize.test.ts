import { describe, expect, it } from "vitest";
import { numericalHessian } from "../../lib/predict/hessian";
import { nelderMead } from "../../lib/predict/nelderMead";
import { hyp2f1 } from "../../lib/predict/hyp2f1";

describe("nelderMead", () => {
  it("finds the minimum of the Rosenbrock valley at (1, 1)", () => {
    const result = nelderMead(([x, y]) => 100 * (y! - x! ** 2) ** 2 + (1 - x!) ** 2, [-1.2, 1]);
    expect(result.converged).toBe(true);
    expect(result.x[0]).toBeCloseTo(1, 5);
    expect(result.x[1]).toBeCloseTo(1, 5);
  });

  it("finds the centre of a tilted 4-d quadratic bowl", () => {
    const centre = [0.3, -2, 5, 1.5];
    const result = nelderMead((x) => x.reduce((s, v, i) => s + (i + 1) * (v - centre[i]!) ** 2, 0) + 0.5 * (x[0]! - centre[0]!) * (x[1]! - centre[1]!), [0, 0, 0, 0]);
    result.x.forEach((v, i) => expect(v).toBeCloseTo(centre[i]!, 5));
  });

  it("gives the same path for the same start (deterministic)", () => {
    const f = ([x, y]: number[]) => (x! - 3) ** 4 + (y! + 1) ** 2;
    expect(nelderMead(f, [0, 0])).toEqual(nelderMead(f, [0, 0]));
  });
});

describe("numericalHessian", () => {
  it("recovers a quadratic form's matrix", () => {
    // f = ½ xᵀ A x with A = [[4, 1], [1, 3]] has Hessian A everywhere.
    const H = numericalHessian(([x, y]) => 0.5 * (4 * x! * x! + 2 * x! * y! + 3 * y! * y!), [0.7, -1.3]);
    expect(H[0]![0]).toBeCloseTo(4, 5);
    expect(H[0]![1]).toBeCloseTo(1, 5);
    expect(H[1]![1]).toBeCloseTo(3, 5);
  });
});

describe("hyp2f1", () => {
  it("₂F₁(1, 1; 2; z) = −ln(1−z)/z, including near z = 1", () => {
    for (const z of [0.1, 0.5, 0.9, 0.99]) expect(hyp2f1(1, 1, 2, z)).toBeCloseTo(-Math.log(1 - z) / z, 10);
  });
  it("₂F₁(a, b; b; z) = (1−z)^(−a)", () => {
    expect(hyp2f1(0.7, 2.5, 2.5, 0.6)).toBeCloseTo(Math.pow(0.4, -0.7), 10);
  });
  it("refuses z outside [0, 1)", () => {
    expect(() => hyp2f1(1, 1, 2, 1)).toThrow(RangeError);
  });
});

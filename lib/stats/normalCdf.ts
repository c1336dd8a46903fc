/** The standard normal cumulative distribution function Φ(x) = erfc(−x/√2) / 2. */
import { erfc } from "./erfc.js";

export function normalCdf(x: number): number {
  return 0.5 * erfc(-x / Math.SQRT2);
}

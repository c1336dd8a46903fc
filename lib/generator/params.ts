/** The generator's parameters, their defaults (docs/metrics.md §2 / §7), and their validation. */
export interface GeneratorParams {
  users: number;
  days: number;
  seed: number;
  /** Window start, UTC. */
  start: Date;
  products: number;
}

export const DEFAULT_PARAMS: Readonly<GeneratorParams> = Object.freeze({
  users: 5000,
  days: 365,
  seed: 42,
  start: new Date("2025-01-01T00:00:00Z"),
  products: 800,
});

/** Throws a RangeError with one clear sentence for any parameter out of range. */
export function validateParams(params: GeneratorParams): GeneratorParams {
  const intIn = (name: string, value: number, min: number, max: number) => {
    if (!Number.isInteger(value) || value < min || value > max) {
      throw new RangeError(`--${name} must be an integer from ${min} to ${max}, got ${value}`);
    }
  };
  intIn("users", params.users, 1, 50_000_000);
  intIn("days", params.days, 1, 3660);
  intIn("seed", params.seed, -2147483648, 2147483647);
  intIn("products", params.products, 10, 100_000);
  if (Number.isNaN(params.start.getTime())) throw new RangeError("--start is not a valid date");
  if (params.start.getTime() % 86_400_000 !== 0) {
    throw new RangeError("--start must be a UTC midnight (YYYY-MM-DD)");
  }
  return params;
}

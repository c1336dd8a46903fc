/** Small, strict parsers for command-line values: each throws one clear line naming the flag. */
import { type ParseArgsConfig, parseArgs } from "node:util";
export class UsageError extends Error {
  override name = "UsageError";
}

/**
 * Joins "--flag -5" into "--flag=-5": node's parseArgs would otherwise read "-5" as an option and
 * report an ambiguity instead of the real problem (a negative value), which the range check names.
 */
export function joinNegativeValues(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const next = argv[i + 1];
    if (arg.startsWith("--") && !arg.includes("=") && next !== undefined && /^-\d/.test(next)) {
      out.push(`${arg}=${next}`);
      i++;
    } else out.push(arg);
  }
  return out;
}

export function parseInteger(flag: string, text: string | undefined, min: number, max: number): number | undefined {
  if (text === undefined) return undefined;
  if (!/^-?\d+$/.test(text.trim())) throw new UsageError(`--${flag} must be an integer, got "${text}"`);
  const value = Number(text);
  if (value < min || value > max) throw new UsageError(`--${flag} must be from ${min} to ${max}, got ${value}`);
  return value;
}

/** A calendar date YYYY-MM-DD, as UTC midnight. */
export function parseDate(flag: string, text: string | undefined): Date | undefined {
  if (text === undefined) return undefined;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : undefined;
  if (!date || date.toISOString().slice(0, 10) !== text.trim()) {
    throw new UsageError(`--${flag} must be a date YYYY-MM-DD, got "${text}"`);
  }
  return date;
}

export function parseChoice<T extends string>(flag: string, text: string | undefined, choices: readonly T[]): T | undefined {
  if (text === undefined) return undefined;
  if (!(choices as readonly string[]).includes(text)) throw new UsageError(`--${flag} must be one of ${choices.join(", ")}, got "${text}"`);
  return text as T;
}

/**
 * Parses long flags strictly (no positionals, unknown flags refused), with negative numbers joined to
 * their flag; parseArgs' own multi-line error becomes one UsageError line.
 */
export function parseFlags<T extends NonNullable<ParseArgsConfig["options"]>>(argv: readonly string[], options: T) {
  try {
    return parseArgs({ args: joinNegativeValues(argv), strict: true, allowPositionals: false, options }).values;
  } catch (error) {
    throw new UsageError((error as Error).message.split("\n")[0]!);
  }
}

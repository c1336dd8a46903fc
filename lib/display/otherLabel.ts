import { formatInteger } from "../format";

/**
 * The label of an "Other" bucket, saying how many items it holds: "Other (4 980 categories)", the count
 * written as the site's numbers are (lib/format.ts).
 */
export function otherLabel(count: number, noun: string): string {
  return `Other (${formatInteger(Math.trunc(count))} ${noun})`;
}

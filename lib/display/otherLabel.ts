/**
 * The label of an "Other" bucket, saying how many items it holds: "Other (4 980 categories)", digits
 * grouped with a narrow no-break space (U+202F) as the site's numbers are (lib/format.ts).
 */
export function otherLabel(count: number, noun: string): string {
  return `Other (${String(Math.trunc(count)).replace(/\B(?=(\d{3})+(?!\d))/g, "\u202f")} ${noun})`;
}

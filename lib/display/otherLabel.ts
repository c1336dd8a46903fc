/** The label of an "Other" bucket, saying how many items it holds: "Other (4,980 categories)". */
export function otherLabel(count: number, noun: string): string {
  return `Other (${count.toLocaleString("en-US")} ${noun})`;
}

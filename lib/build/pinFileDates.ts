/**
 * Framework writes into each page the modification time of every data file it registers
 * (`registerFile(…, {"lastModified": …})`): the moment the data loader ran. Two builds of the same
 * data therefore differed in those numbers only. Pinning them to one instant (the reproducible-builds
 * SOURCE_DATE_EPOCH, or the epoch) makes the same seed give the same site, byte for byte. No page
 * reads a data file's lastModified.
 */
export function pinFileDates(html: string, epochMs: number): string {
  return html.replace(/"lastModified":-?\d+(?:\.\d+)?(?:e[+-]?\d+)?/g, `"lastModified":${epochMs}`);
}

/** SOURCE_DATE_EPOCH (seconds, as reproducible builds set it) in milliseconds, else 0. */
export function sourceDateEpochMs(env: Record<string, string | undefined>): number {
  const text = env.SOURCE_DATE_EPOCH?.trim();
  if (!text) return 0;
  if (!/^\d+$/.test(text)) throw new RangeError(`SOURCE_DATE_EPOCH must be whole seconds since 1970, got "${text}"`);
  return Number(text) * 1000;
}

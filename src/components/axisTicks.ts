// Axis ticks for the segment charts: the one formatting the browser does (Plot draws ticks at widths
// only it knows). Every other text on the page is built at build time.

/** An axis tick: 0, 5, 0.5, 2k, 1.5k, 30k, 2M. */
export function compactNumber(value: number): string {
  const magnitude = Math.abs(value);
  const [divisor, suffix] = magnitude >= 1e6 ? [1e6, "M"] : magnitude >= 1e3 ? [1e3, "k"] : [1, ""];
  const scaled = Math.round((magnitude / divisor) * 10) / 10;
  const text = scaled.toFixed(Number.isInteger(scaled) ? 0 : 1);
  return `${value < 0 && scaled !== 0 ? "\u2212" : ""}${text}${suffix}`;
}

/**
 * Ticks for a log1p axis of `pixels` length from 0 to `max`: 0 then 1-2-5 steps per decade, dropping
 * any that would sit closer than `gap` pixels to the previous one.
 */
export function spacedLog1pTicks(max: number, pixels: number, gap = 36): number[] {
  const position = (t: number) => (Math.log1p(t) / Math.log1p(Math.max(max, 1e-9))) * pixels;
  const ticks: number[] = [0];
  for (let decade = 1; decade <= Math.max(1, max); decade *= 10) {
    for (const step of [1, 2, 5]) {
      const t = step * decade;
      if (t <= max && position(t) - position(ticks.at(-1)!) >= gap) ticks.push(t);
    }
  }
  return ticks;
}

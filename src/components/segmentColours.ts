// The segments' colours: one per cluster, the same on every page (Segments, Overview, Predictions), and
// the text colour that reads on a heatmap cell. Presentation only; the words come from the page's data.

/**
 * Plot's observable10 palette, one colour per cluster in cluster order. Mid-lightness hues, so each
 * stands out from both the light and the dark background.
 */
export const CLUSTER_COLOURS = ["#4269d0", "#efb118", "#ff725c", "#6cc5b0", "#3ca951", "#ff8ab7", "#a463f2", "#97bbf5", "#9c6b4e", "#9498a0"];

export function clusterColour(cluster: number): string {
  return CLUSTER_COLOURS[cluster % CLUSTER_COLOURS.length]!;
}

/** Segment names in cluster order and their colours: the page's shared colour scale. */
export function clusterScale(names: readonly string[]): { domain: string[]; range: string[] } {
  return { domain: [...names], range: names.map((_, cluster) => clusterColour(cluster)) };
}

/** WCAG relative luminance of "#rrggbb" or "rgb(r, g, b)"; mid-grey for anything else. */
export function luminance(colour: string): number {
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(colour);
  const rgb = /rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(colour);
  const parts = hex ? hex.slice(1).map((h) => parseInt(h, 16)) : rgb ? rgb.slice(1).map(Number) : [128, 128, 128];
  const [r = 0, g = 0, b = 0] = parts.map((c) => (c / 255 <= 0.04045 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Black or white, whichever contrasts more with the colour behind the text. */
export function textColourOn(background: string): "black" | "white" {
  // The luminance at which black and white text have equal contrast: (L + 0.05)² = 1.05 × 0.05.
  return luminance(background) > 0.179 ? "black" : "white";
}

// Keeps text labels beside points from overlapping. Pure (no DOM), so Node tests import it.

export interface LabelBox {
  /** Horizontal extent of the label, in pixels. */
  left: number;
  right: number;
  /** Wanted vertical centre of the label (its point's y), in pixels. */
  y: number;
}

/**
 * Vertical centres for the labels such that no two whose horizontal extents overlap are closer than
 * `lineHeight`: labels are placed top to bottom, each moved down just enough to clear the ones above it
 * that it would collide with. A label never moves up, so the topmost stays beside its point. Returns the
 * centres in the order the boxes were given.
 */
export function separateLabels(boxes: readonly LabelBox[], lineHeight: number): number[] {
  const order = boxes.map((box, i) => ({ ...box, i })).sort((a, b) => a.y - b.y || a.i - b.i);
  const placed: (LabelBox & { i: number })[] = [];
  const result = new Array<number>(boxes.length);
  for (const box of order) {
    let y = box.y;
    let moved = true;
    while (moved) {
      moved = false;
      for (const other of placed) {
        const horizontal = box.left < other.right && other.left < box.right;
        if (horizontal && Math.abs(y - other.y) < lineHeight) {
          y = other.y + lineHeight;
          moved = true;
        }
      }
    }
    placed.push({ ...box, y });
    result[box.i] = y;
  }
  return result;
}

/** A rough width of text in a sans-serif font, for layout before anything is drawn. */
export function estimateTextWidth(text: string, fontSize: number): number {
  return Array.from(text).length * fontSize * 0.56;
}

/**
 * The cards' font: DejaVu Sans from the npm package dejavu-fonts-ttf, passed to resvg with system fonts
 * off, so a card's pixels depend on the data alone and not on the fonts of the machine that builds it.
 * fontkit reads the same files to measure text (for wrapping) and to tell which characters the font
 * can draw: a name it cannot draw (Chinese, Japanese, Korean…) is left off the card, not shown as boxes.
 */
import { createRequire } from "node:module";
import * as fontkit from "fontkit";

const require = createRequire(import.meta.url);

export const CARD_FONT_FAMILY = "DejaVu Sans";
export const CARD_FONT_FILES = [require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans.ttf"), require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf")];

let regular: fontkit.Font | undefined;
function font(): fontkit.Font {
  regular ??= fontkit.openSync(CARD_FONT_FILES[0]!) as fontkit.Font;
  return regular;
}

/** True when the bundled font has a glyph for every character of text (spaces and marks included). */
export function drawable(text: string): boolean {
  const f = font();
  for (const char of text) if (!f.hasGlyphForCodePoint(char.codePointAt(0)!)) return false;
  return true;
}

/** A name as the card may show it: itself when the font draws it whole, else nothing. */
export function drawableOrEmpty(text: string): string {
  return drawable(text) ? text : "";
}

/** The width of text set in the regular face at size px (bold is about 10% wider). */
export function textWidth(text: string, size: number): number {
  const f = font();
  return (f.layout(text).advanceWidth * size) / f.unitsPerEm;
}

/** Greedy word wrap to lines no wider than width; a word wider than a line stands alone. */
export function wrapText(text: string, size: number, width: number, widthFactor = 1): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && textWidth(candidate, size) * widthFactor > width) {
      lines.push(line);
      line = word;
    } else line = candidate;
  }
  if (line) lines.push(line);
  return lines;
}

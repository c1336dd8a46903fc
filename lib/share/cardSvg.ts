/**
 * A social card (1200×630, the size feeds show for summary_large_image) as SVG: the page's title, its
 * headline number with what it counts, and its key chart, drawn in the bundled font.
 */
import { CARD_FONT_FAMILY, drawable, textWidth, wrapText } from "./cardFont";
import { CARD_ACCENT, CARD_INK, CARD_MUTED } from "./plotSvg";

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;
/** Where the chart goes: the right of the card, below the title. */
export const CARD_CHART = { x: 560, y: 200, width: 600, height: 390 };
/** How much wider the bold face sets than the regular one that textWidth measures (DejaVu Sans, with margin). */
const BOLD_WIDTH = 1.18;
const NUMBER_SIZE = 104;

export interface CardContent {
  /** The site's name and the page's, above the title. */
  kicker: string;
  title: string;
  /** The headline number, already formatted ("42.6%"); empty for a page without one. */
  number: string;
  /** What the number counts, in a few words. */
  numberLabel: string;
  /** The chart's SVG markup, drawn at CARD_CHART's size; empty for none. */
  chart: string;
  /** Small print at the bottom left (the site's address, or the method). */
  footer: string;
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[c]!);
}

/** Characters the bundled font cannot draw are dropped from authored text (names are dropped whole, earlier). */
function drawableChars(text: string): string {
  return [...text].filter((c) => drawable(c)).join("");
}

function textLines(lines: readonly string[], x: number, y: number, size: number, lineHeight: number, attributes: string): string {
  return lines.map((line, i) => `<text x="${x}" y="${y + i * lineHeight}" font-size="${size}" ${attributes}>${escapeXml(line)}</text>`).join("");
}

export function cardSvg(content: CardContent): string {
  const title = drawableChars(content.title);
  let titleSize = 44;
  let titleLines = wrapText(title, titleSize, CARD_WIDTH - 120, BOLD_WIDTH);
  if (titleLines.length > 2) {
    titleSize = 34;
    titleLines = wrapText(title, titleSize, CARD_WIDTH - 120, BOLD_WIDTH).slice(0, 3);
  }
  const titleTop = 130;
  const bodyTop = titleTop + titleLines.length * titleSize * 1.2 + 20;
  const hasChart = content.chart !== "";
  const numberWidth = hasChart ? CARD_CHART.x - 90 : CARD_WIDTH - 120;
  const labelLines = wrapText(drawableChars(content.numberLabel), 26, numberWidth).slice(0, 5);
  const chartY = Math.max(CARD_CHART.y, bodyTop - 20);
  const chartHeight = CARD_HEIGHT - 40 - chartY;
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${CARD_WIDTH}" height="${CARD_HEIGHT}" viewBox="0 0 ${CARD_WIDTH} ${CARD_HEIGHT}" font-family="${CARD_FONT_FAMILY}">`,
    `<rect width="${CARD_WIDTH}" height="${CARD_HEIGHT}" fill="white"/>`,
    `<rect width="14" height="${CARD_HEIGHT}" fill="${CARD_ACCENT}"/>`,
    textLines([drawableChars(content.kicker).toUpperCase()], 60, 70, 22, 0, `fill="${CARD_MUTED}" letter-spacing="2"`),
    textLines(titleLines, 60, titleTop, titleSize, titleSize * 1.2, `font-weight="bold" fill="${CARD_INK}"`),
  ];
  if (content.number) {
    // A long number ("2 258 622") is set smaller rather than run into the chart.
    const numberSize = Math.min(NUMBER_SIZE, Math.floor(numberWidth / (textWidth(content.number, 1) * BOLD_WIDTH)));
    parts.push(textLines([content.number], 60, bodyTop + 100, numberSize, 0, `font-weight="bold" fill="${CARD_ACCENT}"`));
    parts.push(textLines(labelLines, 60, bodyTop + 150, 26, 34, `fill="${CARD_INK}"`));
  }
  if (hasChart) {
    // The chart was drawn at CARD_CHART's size; a taller title leaves it less room, so it is scaled to fit.
    parts.push(`<svg x="${CARD_CHART.x}" y="${chartY}" width="${CARD_CHART.width}" height="${chartHeight}" viewBox="0 0 ${CARD_CHART.width} ${CARD_CHART.height}">${content.chart}</svg>`);
  }
  parts.push(textLines([drawableChars(content.footer)], 60, CARD_HEIGHT - 36, 20, 0, `fill="${CARD_MUTED}"`));
  parts.push("</svg>");
  return parts.join("");
}

/**
 * Observable Plot in Node: Plot draws into whatever `document` it is given, here linkedom's, and the
 * card takes the SVG's markup. The same options give the same markup (Plot's ids are counters, not
 * random), so the same data gives the same card.
 */
import * as Plot from "@observablehq/plot";
import { parseHTML } from "linkedom";
import { CARD_FONT_FAMILY } from "./cardFont";

export const CARD_INK = "#1b1e23";
export const CARD_MUTED = "#5f6670";
export const CARD_ACCENT = "#4269d0";
export const CARD_ACCENT_2 = "#efb118";

export function plotSvg(options: Plot.PlotOptions): string {
  const { document } = parseHTML("<!doctype html><html><body></body></html>");
  const figure = Plot.plot({
    ...options,
    document: document as unknown as Document,
    style: { fontFamily: CARD_FONT_FAMILY, fontSize: "18px", color: CARD_INK, background: "white", overflow: "visible" },
  });
  // resvg needs the SVG namespace; linkedom leaves it to the serializer.
  return figure.outerHTML.replace(/^<svg(?![^>]*xmlns=)/, '<svg xmlns="http://www.w3.org/2000/svg"');
}

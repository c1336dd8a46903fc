/** A card's SVG to PNG with resvg, offline, with the bundled font only (see cardFont.ts). */
import { Resvg } from "@resvg/resvg-js";
import { CARD_FONT_FAMILY, CARD_FONT_FILES } from "./cardFont";

export function renderCardPng(svg: string): Buffer {
  const resvg = new Resvg(svg, {
    font: { loadSystemFonts: false, fontFiles: CARD_FONT_FILES, defaultFontFamily: CARD_FONT_FAMILY, sansSerifFamily: CARD_FONT_FAMILY },
    background: "white",
  });
  return resvg.render().asPng();
}

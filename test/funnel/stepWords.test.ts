import { describe, expect, test } from "vitest";
import { attributeLabel, stepEventNoun, stepLabel, stepVerb, transitionLabel, truncate, valueLabel } from "../../lib/funnel/stepWords";

describe("step words", () => {
  test("stepLabel(step) names the default steps and keeps unknown event types as they are", () => {
    expect(stepLabel("add_to_cart")).toBe("Added to cart");
    expect(stepLabel("signup")).toBe("signup");
    expect(stepVerb("purchase")).toBe("bought");
    expect(stepVerb("favorite")).toBe("reached favorite");
  });

  test("stepEventNoun(step) names events as a noun, never as a verb ('no viewed a product events')", () => {
    expect(stepEventNoun("product_view")).toBe("product-view");
    expect(stepEventNoun("add_to_cart")).toBe("add-to-cart");
    expect(stepEventNoun("favorite")).toBe("favorite");
  });

  test("attributeLabel and valueLabel spell out codes", () => {
    expect(attributeLabel("age_band")).toBe("Age band");
    expect(valueLabel("gender", "F")).toBe("Female");
    expect(valueLabel("gender", "X")).toBe("X");
    expect(valueLabel("age_band", "18–24")).toBe("Aged 18–24");
    expect(valueLabel("age_band", "Outside 18–65")).toBe("Outside 18–65");
  });

  test("transitionLabel(pair) joins the short step names", () => {
    expect(transitionLabel({ from: "product_view", to: "add_to_cart" })).toBe("Viewed → Carted");
  });

  test("truncate(text, max) shortens with an ellipsis, counting characters not UTF-16 units", () => {
    expect(truncate("Bespoke Silk Pants", 30)).toBe("Bespoke Silk Pants");
    expect(truncate("Bespoke Silk Pants", 10)).toBe("Bespoke S…");
    expect(truncate("😀😀😀😀", 3)).toBe("😀😀…");
  });
});

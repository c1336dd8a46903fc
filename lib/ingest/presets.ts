/**
 * Built-in mappings for public data sets, chosen with `--preset NAME` (or EVENT_KIT_PRESET).
 *
 * rees46: the REES46 "eCommerce behavior data from multi category store" files
 * (event_time,event_type,product_id,category_id,category_code,brand,price,user_id,user_session).
 * - view / cart / purchase → product_view / add_to_cart / purchase. remove_from_cart (in the later
 *   months' files) has no seed event type and no analysis uses it: it is set aside as
 *   "event type the mapping leaves out", so the report counts it.
 * - category: category_code, or category_id where the code is empty (about a third of the rows).
 * - REES46 has no quantity: carts and purchases count 1. No event id: the row number is the id, and a
 *   row identical to an earlier one in every mapped column is set aside as a duplicate.
 * - No users table, no registration date: users are derived, registration = first event. No
 *   session_start/session_end events: the funnels take a session's earliest event as its first step.
 */
import { DatasetError } from "./datasetError";
import { type Mapping, type MappingFile, parseMapping } from "./mapping";

export const PRESETS = {
  rees46: {
    description: "REES46 eCommerce behavior data from multi category store (Kaggle), one month per file",
    columns: {
      timestamp: "event_time",
      event_type: "event_type",
      user_id: "user_id",
      session_id: "user_session",
      product_id: "product_id",
      category: ["category_code", "category_id"],
      price: "price",
    },
    event_types: { view: "product_view", cart: "add_to_cart", purchase: "purchase", remove_from_cart: null },
    timestamp_format: "auto",
    csv: { delimiter: "," },
  },
} as const satisfies Record<string, MappingFile>;

export type PresetName = keyof typeof PRESETS;
export const PRESET_NAMES = Object.keys(PRESETS) as PresetName[];

export function presetMapping(name: string): Mapping {
  if (!(PRESET_NAMES as string[]).includes(name)) {
    throw new DatasetError(`unknown preset "${name}" (known: ${PRESET_NAMES.join(", ")})`);
  }
  return parseMapping(PRESETS[name as PresetName], `preset ${name}`);
}

/**
 * The prediction settings from analyze's flags, falling back to the environment variables the build
 * reads (EVENT_KIT_CALIBRATION_END, EVENT_KIT_TIME_UNIT, EVENT_KIT_HORIZON_DAYS, EVENT_KIT_DISCOUNT_RATE),
 * then to the defaults of docs/predictions.md.
 */
import { UsageError, parseChoice, parseDate, parseInteger } from "../cli/args";
import { DEFAULT_PREDICTION_OPTIONS } from "./computePredictions";
import type { PredictionOptions } from "./types";

export interface PredictionSettings {
  calibrationEnd?: string;
  options: PredictionOptions;
}

export interface PredictionFlags {
  "calibration-end"?: string;
  "time-unit"?: string;
  "horizon-days"?: string;
  "discount-rate"?: string;
}

export function predictionSettings(flags: PredictionFlags, env: NodeJS.ProcessEnv = process.env): PredictionSettings {
  const calibrationEnd = flags["calibration-end"] ?? env.EVENT_KIT_CALIBRATION_END;
  parseDate("calibration-end", calibrationEnd);
  const rateText = flags["discount-rate"] ?? env.EVENT_KIT_DISCOUNT_RATE;
  let discountRate = DEFAULT_PREDICTION_OPTIONS.discount_rate;
  if (rateText !== undefined) {
    discountRate = Number(rateText);
    if (!/^\d*\.?\d+$/.test(rateText.trim()) || !(discountRate < 1)) throw new UsageError(`--discount-rate must be a yearly rate from 0 to below 1 (0.1 is 10%), got "${rateText}"`);
  }
  const settings: PredictionSettings = {
    options: {
      time_unit: parseChoice("time-unit", flags["time-unit"] ?? env.EVENT_KIT_TIME_UNIT, ["day", "week"] as const) ?? DEFAULT_PREDICTION_OPTIONS.time_unit,
      horizon_days: parseInteger("horizon-days", flags["horizon-days"] ?? env.EVENT_KIT_HORIZON_DAYS, 1, 3650) ?? DEFAULT_PREDICTION_OPTIONS.horizon_days,
      discount_rate: discountRate,
    },
  };
  if (calibrationEnd !== undefined) settings.calibrationEnd = calibrationEnd.trim();
  return settings;
}

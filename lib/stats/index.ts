export { WILSON_Z, wilsonInterval, type ProportionInterval } from "./wilsonInterval.js";
export { logGamma } from "./logGamma.js";
export { regularizedGammaQ } from "./regularizedGammaQ.js";
export { erfc } from "./erfc.js";
export { normalCdf } from "./normalCdf.js";
export { chiSquaredSurvival } from "./chiSquaredSurvival.js";
export { twoProportionZTest, type TwoProportionTest } from "./twoProportionZTest.js";
export { chiSquaredIndependence, type ChiSquaredTest } from "./chiSquaredIndependence.js";
export { benjaminiHochberg } from "./benjaminiHochberg.js";

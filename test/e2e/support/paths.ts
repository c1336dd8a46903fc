// Where things are, relative to this checkout rather than the working directory vitest was started in.
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
export const SRC = join(ROOT, "src");
export const DIST = join(ROOT, "dist");
/** Git-ignored; screenshots for people to look at. */
export const OUTPUT = join(ROOT, "test-output");
export const SCREENSHOTS = join(OUTPUT, "screenshots");
/** Git-ignored scratch space (the build lock lives here). */
export const CACHE = join(ROOT, ".cache");

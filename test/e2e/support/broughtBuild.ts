// Builds the site on brought data in a scratch copy of the project (scratchProject.ts), so neither dist/
// nor Framework's loader cache of the checkout is touched.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { CACHE, ROOT } from "./paths.js";
import { runIn, scratchProject } from "./scratchProject.js";

/**
 * Builds into CACHE/e2e-brought/NAME/dist with `env` (EVENT_KIT_DATA and friends) and returns that dist.
 * E2E_BUILD=never reuses an earlier build of the same name when there is one.
 */
export async function buildOnBroughtData(name: string, env: Record<string, string>): Promise<string> {
  const dist = join(CACHE, "e2e-brought", name, "dist");
  if (process.env.E2E_BUILD === "never" && existsSync(join(dist, "index.html"))) return dist;
  const root = scratchProject(name);
  const { code, output } = await runIn(root, join(ROOT, "node_modules", ".bin", "observable"), ["build"], env);
  if (code !== 0) throw new Error(`build on ${name} exited with ${code}:\n${output.slice(-6_000)}`);
  if (!existsSync(join(dist, "index.html"))) throw new Error(`the build on ${name} finished without dist/index.html`);
  return dist;
}

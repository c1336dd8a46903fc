// Builds the site on brought data in a scratch copy of the project, so neither dist/ nor Framework's
// loader cache (src/.observablehq/cache, keyed by loader source and not by EVENT_KIT_* variables) of
// the checkout is touched. The copy holds the sources the build reads; node_modules is a symlink.
import { spawn } from "node:child_process";
import { cpSync, existsSync, mkdirSync, rmSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { CACHE, ROOT } from "./paths.js";

const COPIED = ["src", "lib", "data-loaders", "docs", "observablehq.config.ts", "package.json", "tsconfig.json"];

/**
 * Builds into CACHE/e2e-brought/NAME/dist with `env` (EVENT_KIT_DATA and friends) and returns that dist.
 * E2E_BUILD=never reuses an earlier build of the same name when there is one.
 */
export async function buildOnBroughtData(name: string, env: Record<string, string>): Promise<string> {
  const root = join(CACHE, "e2e-brought", name);
  const dist = join(root, "dist");
  if (process.env.E2E_BUILD === "never" && existsSync(join(dist, "index.html"))) return dist;
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  for (const entry of COPIED) {
    cpSync(join(ROOT, entry), join(root, entry), {
      recursive: true,
      filter: (source) => !source.includes(`${join("src", ".observablehq")}`),
    });
  }
  symlinkSync(join(ROOT, "node_modules"), join(root, "node_modules"), "dir");
  await new Promise<void>((resolve, reject) => {
    const child = spawn(join(ROOT, "node_modules", ".bin", "observable"), ["build"], {
      cwd: root,
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, ...env, PATH: `${join(ROOT, "node_modules", ".bin")}:${process.env.PATH ?? ""}` },
    });
    let output = "";
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-20_000);
    };
    child.stdout.on("data", keep);
    child.stderr.on("data", keep);
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve() : reject(new Error(`build on ${name} exited with ${code}:\n${output.slice(-6_000)}`))));
  });
  if (!existsSync(join(dist, "index.html"))) throw new Error(`the build on ${name} finished without dist/index.html`);
  return dist;
}

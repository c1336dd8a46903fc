// A scratch copy of the project for builds with their own EVENT_KIT_* variables, so neither dist/ nor
// Framework's loader cache (src/.observablehq/cache, keyed by loader source and not by the variables)
// of the checkout is touched. The copy holds the sources the build reads; node_modules is a symlink.
import { spawn } from "node:child_process";
import { cpSync, mkdirSync, rmSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { CACHE, ROOT } from "./paths.js";

const COPIED = ["src", "lib", "data-loaders", "docs", "observablehq.config.ts", "package.json", "tsconfig.json"];

/** A fresh copy of the project at CACHE/e2e-brought/NAME; returns its root. */
export function scratchProject(name: string): string {
  const root = join(CACHE, "e2e-brought", name);
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  for (const entry of COPIED) {
    cpSync(join(ROOT, entry), join(root, entry), {
      recursive: true,
      filter: (source) => !source.includes(`${join("src", ".observablehq")}`),
    });
  }
  symlinkSync(join(ROOT, "node_modules"), join(root, "node_modules"), "dir");
  return root;
}

/** Runs `command args` in `root` with `env` added; resolves with the exit code and the output's last 20,000 characters. */
export function runIn(root: string, command: string, args: string[], env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
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
    child.on("close", (code) => resolve({ code, output }));
  });
}

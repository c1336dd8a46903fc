// Nothing personal ships: no email address and no local user name or home path in any file of dist/.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { homedir, userInfo } from "node:os";
import { relative } from "node:path";
import { describe, expect, test } from "vitest";
import { ensureBuilt } from "./support/build.js";
import { DIST, ROOT } from "./support/paths.js";
import { listFiles } from "./support/site.js";

await ensureBuilt();
const files = listFiles(DIST);

/** Read as Latin-1 so binary files (Parquet, images) are scanned byte for byte. */
function contents(file: string): string {
  return readFileSync(file, "latin1");
}

// Local part, @, then dot-separated labels ending in a letter TLD: "d3-array@3.2.5" is not an address.
const EMAIL = /[A-Za-z0-9._%+-]+@(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,24}\b/g;

/** Strings that identify whoever built the site: git identity, home directory, checkout path. */
function identityStrings(): string[] {
  const git = (key: string) => {
    try {
      return execFileSync("git", ["config", "--get", key], { cwd: ROOT, encoding: "utf8" }).trim();
    } catch {
      return "";
    }
  };
  const user = userInfo().username;
  return [
    git("user.email"),
    git("user.name"),
    // A bare "root" or "runner" would match ordinary words; their paths are what could leak.
    user.length >= 5 && !["runner", "build", "admin"].includes(user) ? user : "",
    `${homedir()}/`,
    ROOT,
  ].filter((text) => text.length >= 4 && text !== "/");
}

describe("dist/", () => {
  test("holds files to scan", () => {
    expect(files.length).toBeGreaterThan(0);
  });

  test("contains no email address", () => {
    const offenders = files.flatMap((file) =>
      [...new Set(contents(file).match(EMAIL) ?? [])].map((match) => `${relative(DIST, file)}: ${match}`),
    );
    expect(offenders).toEqual([]);
  });

  test("contains no user name, home directory or checkout path of the machine that built it", () => {
    const needles = identityStrings();
    const offenders = files.flatMap((file) => {
      const text = contents(file);
      return needles.filter((needle) => text.includes(needle)).map((needle) => `${relative(DIST, file)}: ${needle}`);
    });
    expect(offenders).toEqual([]);
  });
});

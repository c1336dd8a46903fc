/**
 * The body of every src/data loader: writes the page data as JSON on stdout, or, when building it fails
 * (input the build's precheck could not foresee), one line on stderr and a non-zero exit, no stack trace.
 * Every string it writes goes through visibleText (lib/output/visibleStrings.ts).
 */
import { visibleJson } from "../lib/output/visibleStrings";
import { oneLineError } from "./oneLineError";

export async function writeLoaderOutput(name: string, build: () => Promise<unknown>): Promise<void> {
  try {
    // Names from brought files reach the page as they are stored, hidden characters made visible.
    process.stdout.write(visibleJson(await build()));
  } catch (error) {
    process.stderr.write(`${name}: ${oneLineError(error)}\n`);
    process.exitCode = 1;
  }
}

/**
 * The body of every src/data loader: writes the page data as JSON on stdout, or, when building it fails
 * (input the build's precheck could not foresee), one line on stderr and a non-zero exit, no stack trace.
 */
import { oneLineError } from "./oneLineError";

export async function writeLoaderOutput(name: string, build: () => Promise<unknown>): Promise<void> {
  try {
    process.stdout.write(JSON.stringify(await build()));
  } catch (error) {
    process.stderr.write(`${name}: ${oneLineError(error)}\n`);
    process.exitCode = 1;
  }
}

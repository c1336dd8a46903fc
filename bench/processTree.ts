/**
 * Runs a command as a whole process and measures what the issue means by memory: the peak, sampled every
 * 0.5 s, of the sum of VmRSS over the process and all its descendants (Framework runs each data loader in
 * a child process; tsx runs the script in one). Reads /proc, so Linux only.
 */
import { spawn } from "node:child_process";
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

export interface TreeRun {
  seconds: number;
  peakRssMiB: number;
  /** Peak size of the files under `watchDir` (scratch space), when one was given. */
  peakDiskMiB: number;
  stdout: string;
  stderr: string;
}

/** pid → parent pid for every process now running. */
function parents(): Map<number, number> {
  const out = new Map<number, number>();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      // The command name (field 2) is in parentheses and may hold spaces: the ppid is after the last ")".
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      out.set(Number(name), Number(fields[1]));
    } catch {
      // The process ended between readdir and read.
    }
  }
  return out;
}

function rssKiB(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

/** Sum of VmRSS (KiB) of `root` and its descendants now. */
export function treeRssKiB(root: number): number {
  const parentOf = parents();
  const tree = new Set([root]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [pid, ppid] of parentOf) {
      if (!tree.has(pid) && tree.has(ppid)) {
        tree.add(pid);
        grew = true;
      }
    }
  }
  let total = 0;
  for (const pid of tree) total += rssKiB(pid);
  return total;
}

/** Bytes allocated to the files under `dir` (0 when it does not exist). */
export function folderBytes(dir: string): number {
  let total = 0;
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const entry of entries) {
    const path = join(dir, entry.name);
    try {
      if (entry.isDirectory()) total += folderBytes(path);
      else if (entry.isFile()) total += statSync(path).blocks * 512;
    } catch {
      // Removed while we looked.
    }
  }
  return total;
}

export function runTree(
  command: string,
  args: readonly string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; intervalMs?: number; echo?: boolean; watchDir?: string } = {},
): Promise<TreeRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ["ignore", "pipe", "pipe"] });
    let peak = 0;
    let peakDisk = 0;
    let stdout = "";
    let stderr = "";
    const sample = () => {
      if (child.pid !== undefined) peak = Math.max(peak, treeRssKiB(child.pid));
      if (options.watchDir) peakDisk = Math.max(peakDisk, folderBytes(options.watchDir));
    };
    const timer = setInterval(sample, options.intervalMs ?? 500);
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
      if (options.echo) process.stderr.write(chunk);
    });
    child.on("error", (error) => {
      clearInterval(timer);
      reject(error);
    });
    child.on("close", (code) => {
      clearInterval(timer);
      const seconds = (performance.now() - started) / 1000;
      if (code !== 0) reject(new Error(`${command} ${args.join(" ")} exited with ${code}:\n${stderr.slice(-2000)}`));
      else resolve({ seconds, peakRssMiB: peak / 1024, peakDiskMiB: peakDisk / 2 ** 20, stdout, stderr });
    });
  });
}

/** `tsx bench/processTree.ts CMD ARGS…`: runs one command and prints its time and peak tree RSS. */
if (process.argv[1]?.endsWith("processTree.ts")) {
  const [command, ...args] = process.argv.slice(2);
  if (!command) throw new Error("usage: tsx bench/processTree.ts CMD ARGS…");
  const run = await runTree(command, args, { echo: true });
  process.stdout.write(run.stdout);
  process.stdout.write(JSON.stringify({ seconds: run.seconds, peakRssMiB: Math.round(run.peakRssMiB) }) + "\n");
}

/**
 * Whether a process id is running: signal 0 checks without signalling. EPERM means it runs under
 * another user, which is still alive. Used to tell an abandoned lock or staging folder from a live one.
 */
export function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * What a user sees when the build stops: one line with the cause (the file, row and column where the
 * input is at fault), never a stack trace, which says nothing to someone who only brought data.
 */
export function oneLineError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/\s*[\r\n]+\s*/g, " ").trim();
}

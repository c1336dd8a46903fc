/** A SQL identifier in double quotes, inner quotes doubled: safe for any column or table name a file brings. */
export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

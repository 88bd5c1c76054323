/** A table, column or database name as a double-quoted SQL identifier (both dialects). */
export function quoteIdentifier(identifier: string): string {
  return `"${identifier.replaceAll('"', '""')}"`;
}

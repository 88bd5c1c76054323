/** A boolean read by queryDirect: SQLite gives 0/1 (or 0n/1n), PostgreSQL true/false. */
export function readDatabaseBoolean(value: unknown): boolean | null {
  if (value === null || value === undefined) return null;
  return typeof value === "boolean" ? value : Number(value) !== 0;
}

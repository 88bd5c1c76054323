/**
 * A time read by queryDirect, selected as CAST(... AS TEXT): SQLite gives back the text Prisma
 * wrote (ISO 8601 with +00:00), PostgreSQL its timestamp without a zone, which is UTC here.
 */
export function readDatabaseTime(value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value;
  if (typeof value === "number" || typeof value === "bigint") return new Date(Number(value));
  const text = String(value).replace(" ", "T");
  return new Date(/(Z|[+-]\d\d:?\d\d)$/.test(text) ? text : `${text}Z`);
}

import { Prisma, type Db } from "../../db/client.js";
import { dialectOf } from "../../db/dialect.js";

/** Length of a child's code one level below `parentCode` (null: the country, whose children are provinces). */
export function childCodeLength(parentCode: string | null): number {
  if (parentCode === null) return 2;
  // "32" -> "32.73" (5), "32.73" -> "32.73.01" (8), "32.73.01" -> "32.73.01.1001" (13)
  return parentCode.length === 8 ? 13 : parentCode.length + 3;
}

/**
 * Rows of `column` (a region code) in a region or inside it; true for the whole country. SQLite
 * compares codes as bytes, so "32" <= code < "32/" is one index range ("." sorts just before "/",
 * digits after it); PostgreSQL may sort by a locale that ignores punctuation, so it uses LIKE
 * (codes hold no % or _).
 */
export function regionScopeSql(db: Db, column: Prisma.Sql, parentCode: string | null): Prisma.Sql {
  if (parentCode === null) return Prisma.sql`1 = 1`;
  if (dialectOf(db) === "sqlite") return Prisma.sql`(${column} >= ${parentCode} AND ${column} < ${`${parentCode}/`})`;
  return Prisma.sql`(${column} = ${parentCode} OR ${column} LIKE ${`${parentCode}.%`})`;
}

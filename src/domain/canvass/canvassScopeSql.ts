import { Prisma, type Db } from "../../db/client.js";
import { regionScopeSql } from "../regions/regionScopeSql.js";

/** The reports (alias r) that count for a region: not withdrawn, inside it, and sent since `since` when given. */
export function canvassScopeSql(db: Db, regionCode: string | null, since?: Date): Prisma.Sql {
  const conditions = [Prisma.sql`r."withdrawnAt" IS NULL`, regionScopeSql(db, Prisma.sql`r."regionCode"`, regionCode)];
  if (since) conditions.push(Prisma.sql`r."createdAt" >= ${since}`);
  return Prisma.join(conditions, " AND ");
}

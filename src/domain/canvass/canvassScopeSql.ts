import { Prisma } from "../../db/client.js";

/** The reports (alias r) that count for a region: not withdrawn, inside it, and sent since `since` when given. */
export function canvassScopeSql(regionCode: string | null, since?: Date): Prisma.Sql {
  const conditions = [Prisma.sql`r."withdrawnAt" IS NULL`];
  if (regionCode) conditions.push(Prisma.sql`(r."regionCode" = ${regionCode} OR r."regionCode" LIKE ${`${regionCode}.%`})`);
  if (since) conditions.push(Prisma.sql`r."createdAt" >= ${since}`);
  return Prisma.join(conditions, " AND ");
}

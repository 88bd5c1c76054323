import { Prisma, type Db } from "../../db/client.js";
import type { SegmentDefinition } from "./segmentDefinition.js";
import { segmentScopeSql } from "./segmentScopeSql.js";
import { segmentWhereSql } from "./segmentWhereSql.js";

export interface SegmentSample {
  id: string;
  name: string | null;
  phone: string | null;
  language: string;
}

/** A few of the most recently active members, so staff can sanity-check a filter. */
export async function sampleSegment(db: Db, def: SegmentDefinition, limit = 5): Promise<SegmentSample[]> {
  const scope = segmentScopeSql(db, def);
  const where = scope ? Prisma.sql`${segmentWhereSql(db, def)} AND ${scope}` : segmentWhereSql(db, def);
  return db.$queryRaw<SegmentSample[]>(Prisma.sql`
    SELECT c."id", c."name", c."phone", c."language" FROM "Contact" c
    WHERE ${where}
    ORDER BY c."lastActiveAt" DESC, c."id" LIMIT ${limit}`);
}

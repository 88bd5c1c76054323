import { Prisma, type Db } from "../../db/client.js";
import type { SegmentDefinition } from "./segmentDefinition.js";
import { segmentWhereSql } from "./segmentWhereSql.js";
import { sendableWhereSql } from "./sendableWhereSql.js";

export interface SegmentCount {
  /** Everyone matching the filters. */
  total: number;
  /** Of those, who a broadcast would reach (consent, not opted out, reachable). */
  sendable: number;
}

/**
 * Counted in the database: a segment may be the whole province, never loaded into memory.
 * `operational` counts sendable by the volunteer-tasks consent instead of campaign updates.
 */
export async function countSegment(db: Db, def: SegmentDefinition, options: { operational?: boolean } = {}): Promise<SegmentCount> {
  const rows = await db.$queryRaw<{ total: bigint | number; sendable: bigint | number | null }[]>(Prisma.sql`
    SELECT COUNT(*) AS "total", SUM(CASE WHEN ${sendableWhereSql(options.operational ? "volunteer_tasks" : "updates")} THEN 1 ELSE 0 END) AS "sendable"
    FROM "Contact" c WHERE ${segmentWhereSql(def)}`);
  const row = rows[0];
  return { total: Number(row?.total ?? 0), sendable: Number(row?.sendable ?? 0) };
}

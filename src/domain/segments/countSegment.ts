import { Prisma, type Db } from "../../db/client.js";
import type { SegmentDefinition } from "./segmentDefinition.js";
import { segmentScopeSql } from "./segmentScopeSql.js";
import { segmentWhereSql } from "./segmentWhereSql.js";
import { reachReasonSql, type UnreachableReason } from "./sendableWhereSql.js";

export interface SegmentCount {
  /** Everyone matching the filters. */
  total: number;
  /** Of those, who a broadcast would reach (consent, not opted out, reachable). */
  sendable: number;
  /** Everyone else, by the first reason they cannot be reached (see reachReasonSql). */
  unreachable: Record<UnreachableReason, number>;
}

/**
 * Counted in the database: a segment may be the whole province, never loaded into memory.
 * `operational` counts sendable by the volunteer-tasks consent instead of campaign updates.
 */
export async function countSegment(db: Db, def: SegmentDefinition, options: { operational?: boolean } = {}): Promise<SegmentCount> {
  const scope = segmentScopeSql(db, def);
  const where = scope ? Prisma.sql`${segmentWhereSql(db, def)} AND ${scope}` : segmentWhereSql(db, def);
  const rows = await db.$queryRaw<{ reason: string; people: bigint | number }[]>(Prisma.sql`
    SELECT "reason", COUNT(*) AS "people" FROM (
      SELECT ${reachReasonSql(options.operational ? "volunteer_tasks" : "updates")} AS "reason" FROM "Contact" c WHERE ${where}
    ) reasons GROUP BY "reason"`);
  const count: SegmentCount = { total: 0, sendable: 0, unreachable: { opted_out: 0, no_consent: 0, no_account: 0, blocked: 0 } };
  for (const row of rows) {
    const people = Number(row.people);
    count.total += people;
    if (row.reason === "sendable") count.sendable = people;
    else count.unreachable[row.reason as UnreachableReason] = people;
  }
  return count;
}

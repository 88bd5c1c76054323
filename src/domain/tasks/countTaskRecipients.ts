import { Prisma, type Db } from "../../db/client.js";
import type { SegmentDefinition } from "../segments/segmentDefinition.js";
import { segmentWhereSql } from "../segments/segmentWhereSql.js";
import { taskRecipientsWhereSql } from "./taskRecipientsWhereSql.js";

export interface TaskRecipientCount {
  /** Registered volunteers in the segment. */
  volunteers: number;
  /** Of those, who the task would be offered to (task consent, not stopped, reachable). */
  offered: number;
}

/** Counted in the database, like a segment: never loads the volunteers. */
export async function countTaskRecipients(db: Db, def: SegmentDefinition): Promise<TaskRecipientCount> {
  const rows = await db.$queryRaw<{ volunteers: bigint | number; offered: bigint | number | null }[]>(Prisma.sql`
    SELECT COUNT(*) AS "volunteers", SUM(CASE WHEN ${taskRecipientsWhereSql(db, def)} THEN 1 ELSE 0 END) AS "offered"
    FROM "Contact" c WHERE ${segmentWhereSql(db, def)} AND ${segmentWhereSql(db, { role: "volunteer" })}`);
  const row = rows[0];
  return { volunteers: Number(row?.volunteers ?? 0), offered: Number(row?.offered ?? 0) };
}

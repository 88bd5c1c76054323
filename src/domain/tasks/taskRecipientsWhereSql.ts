import { Prisma, type Db } from "../../db/client.js";
import type { SegmentDefinition } from "../segments/segmentDefinition.js";
import { segmentWhereSql } from "../segments/segmentWhereSql.js";
import { sendableWhereSql } from "../segments/sendableWhereSql.js";

/**
 * Who a task is offered to, as a condition over `"Contact" c`: the segment's people who are
 * registered volunteers, have not said STOP, can be reached, and whose latest answer to
 * "may we send you volunteer tasks?" is yes. Voters in the same segment never get a task.
 */
export function taskRecipientsWhereSql(db: Db, def: SegmentDefinition): Prisma.Sql {
  return Prisma.sql`${segmentWhereSql(db, def)} AND ${segmentWhereSql(db, { role: "volunteer" })} AND ${sendableWhereSql("volunteer_tasks")}`;
}

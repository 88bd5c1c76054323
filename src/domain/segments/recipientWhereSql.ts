import { Prisma, type Db } from "../../db/client.js";
import type { SegmentDefinition } from "./segmentDefinition.js";
import { segmentWhereSql } from "./segmentWhereSql.js";
import { sendableWhereSql } from "./sendableWhereSql.js";

/** A broadcast's recipients: the segment, minus everyone who may not or cannot be messaged. */
export function recipientWhereSql(db: Db, def: SegmentDefinition, options: { operational?: boolean } = {}): Prisma.Sql {
  return Prisma.sql`${segmentWhereSql(db, def)} AND ${sendableWhereSql(options.operational ? "volunteer_tasks" : "updates")}`;
}

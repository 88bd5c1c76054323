import type { Db } from "../../db/client.js";
import { recordAudit } from "../audit/recordAudit.js";
import { findSegment } from "./findSegment.js";

export type SegmentDeleteOutcome = { status: "deleted"; name: string } | { status: "not_found" } | { status: "in_use"; broadcasts: number };

/** A segment a broadcast was sent to stays, so the broadcast's history still says who it was for. */
export async function deleteSegment(db: Db, input: { name: string; actor: string; at: Date }): Promise<SegmentDeleteOutcome> {
  const segment = await findSegment(db, input.name);
  if (!segment) return { status: "not_found" };
  const broadcasts = await db.broadcast.count({ where: { segmentId: segment.id } });
  if (broadcasts > 0) return { status: "in_use", broadcasts };
  await db.segment.delete({ where: { id: segment.id } });
  await recordAudit(db, { actor: input.actor, action: "segment.delete", target: segment.name, details: { id: segment.id, definition: segment.definition }, at: input.at });
  return { status: "deleted", name: segment.name };
}

import type { Database, Db } from "../../db/client.js";
import { recordAudit } from "../audit/recordAudit.js";
import { materializeDeliveries } from "../deliveries/materializeDeliveries.js";
import { recipientWhereSql } from "../segments/recipientWhereSql.js";
import { checkNewBroadcast, type BroadcastPlan, type BroadcastPlanCheck } from "./checkNewBroadcast.js";

export interface BroadcastEdit extends Omit<BroadcastPlan, "operational"> {
  id: string;
  actor: string;
}

export type BroadcastEditOutcome =
  | { status: "changed"; id: string; broadcastStatus: "scheduled" | "sending"; scheduledAt: Date; recipients: number }
  | { status: "not_found" }
  /** Only a scheduled broadcast whose time has not come can be changed; `current` is what it is now. */
  | { status: "started"; id: string; current: string }
  | Exclude<BroadcastPlanCheck, { status: "ok" }>;

/**
 * Changes a scheduled broadcast's texts, image, segment or time before it starts, with every check
 * a new broadcast passes (checkNewBroadcast; its operational flag stays). Its recipients are fixed
 * again from the segment as it is now, all in the caller's transaction; audited as broadcast.edit.
 */
export async function editScheduledBroadcast(db: Db, input: BroadcastEdit): Promise<BroadcastEditOutcome> {
  const broadcast = await db.broadcast.findUnique({ where: { id: input.id }, include: { segment: true } });
  if (!broadcast) return { status: "not_found" };
  const notStarted = { id: broadcast.id, status: "scheduled", scheduledAt: { gt: input.now } };
  // Due but not yet picked up by the dispatcher counts as started: it may be at any moment.
  if (broadcast.status !== "scheduled" || broadcast.scheduledAt.getTime() <= input.now.getTime()) {
    return { status: "started", id: broadcast.id, current: broadcast.status === "scheduled" ? "sending" : broadcast.status };
  }
  const check = await checkNewBroadcast(db, { ...input, operational: broadcast.operational });
  if (check.status !== "ok") return check;
  const later = check.scheduledAt.getTime() > input.now.getTime();
  const broadcastStatus = later ? "scheduled" : "sending";
  // Conditional, so a dispatcher starting it in the meantime wins and nothing is changed here.
  const updated = await db.broadcast.updateMany({
    where: notStarted,
    data: {
      texts: JSON.stringify(input.texts),
      imageUrl: input.imageUrl ?? null,
      segmentId: check.segment.id,
      scheduledAt: check.scheduledAt,
      status: broadcastStatus,
      startedAt: later ? null : input.now,
    },
  });
  if (updated.count === 0) return { status: "started", id: broadcast.id, current: "sending" };
  // Nothing of a scheduled broadcast has been sent: its rows are replaced by the segment's people now.
  await db.delivery.deleteMany({ where: { broadcastId: broadcast.id } });
  const where = recipientWhereSql(db, check.definition, { operational: broadcast.operational });
  const recipients = await materializeDeliveries(db as Database, broadcast.id, where, check.scheduledAt, input.now);
  await recordAudit(db, {
    actor: input.actor,
    action: "broadcast.edit",
    target: broadcast.id,
    details: {
      segment: { from: broadcast.segment.name, to: check.segment.name },
      scheduledAt: { from: broadcast.scheduledAt.toISOString(), to: check.scheduledAt.toISOString() },
      imageUrl: { from: broadcast.imageUrl, to: input.imageUrl ?? null },
      textsChanged: broadcast.texts !== JSON.stringify(input.texts),
      languages: Object.keys(input.texts),
      status: broadcastStatus,
      recipients,
    },
    at: input.now,
  });
  return { status: "changed", id: broadcast.id, broadcastStatus, scheduledAt: check.scheduledAt, recipients };
}

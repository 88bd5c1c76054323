import type { Database, Db } from "../../db/client.js";
import { materializeDeliveries } from "../deliveries/materializeDeliveries.js";
import { recordAudit } from "../audit/recordAudit.js";
import { parseSegmentDefinition } from "../segments/parseSegmentDefinition.js";
import { recipientWhereSql } from "../segments/recipientWhereSql.js";
import { findBroadcast } from "./findBroadcast.js";
import { isInQuietPeriod, type BlackoutRanges } from "./isInQuietPeriod.js";

export type BroadcastSendOutcome =
  | { status: "sent"; id: string; broadcastStatus: "scheduled" | "sending"; added: number; recipients: number }
  | { status: "not_found" }
  | { status: "not_sendable"; id: string; current: string }
  | { status: "quiet_period" };

/**
 * Sends a draft (or tops up a broadcast already going out). Safe to call twice: a delivery is
 * unique per (broadcast, contact) and materialising skips the ones that exist, so the second
 * call adds only people who joined the segment since, and never a duplicate.
 */
export async function sendBroadcast(db: Db, input: { ref: string; actor: string; now: Date; blackout?: BlackoutRanges }): Promise<BroadcastSendOutcome> {
  const broadcast = await findBroadcast(db, input.ref);
  if (!broadcast) return { status: "not_found" };
  if (!["draft", "scheduled", "sending"].includes(broadcast.status)) return { status: "not_sendable", id: broadcast.id, current: broadcast.status };
  // A draft whose time has passed goes now.
  const scheduledAt = broadcast.scheduledAt.getTime() > input.now.getTime() ? broadcast.scheduledAt : input.now;
  if (!broadcast.operational && isInQuietPeriod(input.blackout, [input.now, scheduledAt])) return { status: "quiet_period" };
  const later = scheduledAt.getTime() > input.now.getTime();
  const broadcastStatus = broadcast.status === "sending" ? "sending" : later ? "scheduled" : "sending";
  if (broadcast.status === "draft") {
    await db.broadcast.update({
      where: { id: broadcast.id },
      data: { status: broadcastStatus, scheduledAt, startedAt: broadcastStatus === "sending" ? input.now : null },
    });
  }
  const definition = parseSegmentDefinition(broadcast.segment.definition);
  // In the caller's transaction, like createBroadcast.
  const added = await materializeDeliveries(db as Database, broadcast.id, recipientWhereSql(db, definition, { operational: broadcast.operational }), scheduledAt, input.now);
  const recipients = await db.delivery.count({ where: { broadcastId: broadcast.id } });
  await recordAudit(db, {
    actor: input.actor,
    action: "broadcast.send",
    target: broadcast.id,
    details: { from: broadcast.status, status: broadcastStatus, added, recipients },
    at: input.now,
  });
  return { status: "sent", id: broadcast.id, broadcastStatus, added, recipients };
}

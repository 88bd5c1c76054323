import type { Db } from "../../db/client.js";
import { recordAudit } from "../audit/recordAudit.js";
import { findBroadcast, type FoundBroadcast } from "./findBroadcast.js";
import { isInQuietPeriod, type BlackoutRanges } from "./isInQuietPeriod.js";

export type BroadcastControl = "pause" | "resume" | "cancel";

export type BroadcastControlOutcome =
  | { status: "changed"; id: string; from: string; to: string }
  | { status: "not_found" }
  | { status: "invalid_transition"; id: string; current: string }
  | { status: "quiet_period"; id: string };

// Which broadcasts each action applies to; without an id, the latest of these is meant.
const appliesTo: Record<BroadcastControl, string[]> = {
  pause: ["sending", "scheduled"],
  resume: ["paused"],
  cancel: ["sending", "scheduled", "paused", "draft"],
};

/** Pause, resume or cancel a broadcast by id or short ref, or the latest one the action fits. */
export async function changeBroadcastStatus(
  db: Db,
  input: { action: BroadcastControl; ref?: string; actor: string; now: Date; blackout?: BlackoutRanges },
): Promise<BroadcastControlOutcome> {
  const broadcast: FoundBroadcast | undefined = input.ref
    ? await findBroadcast(db, input.ref)
    : ((await db.broadcast.findFirst({
        where: { status: { in: appliesTo[input.action] } },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        include: { segment: true },
      })) ?? undefined);
  if (!broadcast) return { status: "not_found" };
  if (!appliesTo[input.action].includes(broadcast.status)) return { status: "invalid_transition", id: broadcast.id, current: broadcast.status };

  let to: string;
  if (input.action === "pause") to = "paused";
  else if (input.action === "cancel") to = "cancelled";
  else {
    if (!broadcast.operational && isInQuietPeriod(input.blackout, [input.now])) return { status: "quiet_period", id: broadcast.id };
    to = broadcast.scheduledAt.getTime() > input.now.getTime() ? "scheduled" : "sending";
  }
  await db.broadcast.update({
    where: { id: broadcast.id },
    data: { status: to, ...(to === "sending" && !broadcast.startedAt ? { startedAt: input.now } : {}), ...(to === "cancelled" ? { completedAt: input.now } : {}) },
  });
  // The dispatcher claims only deliveries of sending broadcasts. A cancelled one's queue is closed
  // here too, so counts say so at once even where no dispatcher runs; a send under way finishes.
  if (to === "cancelled") {
    await db.delivery.updateMany({ where: { broadcastId: broadcast.id, status: "queued" }, data: { status: "skipped", reason: "cancelled", updatedAt: input.now } });
  }
  await recordAudit(db, {
    actor: input.actor,
    action: `broadcast.${input.action}`,
    target: broadcast.id,
    details: { from: broadcast.status, to },
    at: input.now,
  });
  return { status: "changed", id: broadcast.id, from: broadcast.status, to };
}

import type { Db } from "../../db/client.js";
import { recordAudit } from "../audit/recordAudit.js";
import { findBroadcast } from "./findBroadcast.js";
import { isInQuietPeriod, type BlackoutRanges } from "./isInQuietPeriod.js";

export type ResendUncertainOutcome =
  /** Nothing changed yet: this many would go again, and some of them may get it twice. Ask, then call again with confirmed. */
  | { status: "confirm"; id: string; count: number }
  /** The uncertain deliveries are queued again and the broadcast is sending until they are done. */
  | { status: "requeued"; id: string; count: number }
  | { status: "not_found" }
  /** Only a completed broadcast: while it sends, an interrupted delivery may still be recovered. */
  | { status: "not_finished"; id: string; current: string }
  | { status: "none_uncertain"; id: string }
  | { status: "quiet_period"; id: string };

/**
 * Sends a finished broadcast again to the people whose delivery is "uncertain": the sender died
 * between the platform call and its answer, so the message may or may not have arrived. Some of
 * them will get it twice: called without `confirmed` it only says how many, so the chat, the CLI
 * and the dashboard can ask first. The resend is audited with the count. People who have since
 * said STOP or withdrawn consent are skipped by the dispatcher as always.
 */
export async function resendUncertainDeliveries(
  db: Db,
  input: { ref: string; actor: string; now: Date; blackout?: BlackoutRanges; confirmed: boolean },
): Promise<ResendUncertainOutcome> {
  const broadcast = await findBroadcast(db, input.ref);
  if (!broadcast) return { status: "not_found" };
  if (broadcast.status !== "completed") return { status: "not_finished", id: broadcast.id, current: broadcast.status };
  if (!broadcast.operational && isInQuietPeriod(input.blackout, [input.now])) return { status: "quiet_period", id: broadcast.id };
  // A delivery whose person erased their data has no one to go to.
  const uncertain = { broadcastId: broadcast.id, status: "uncertain", contactId: { not: null } };
  if (!input.confirmed) {
    const count = await db.delivery.count({ where: uncertain });
    return count === 0 ? { status: "none_uncertain", id: broadcast.id } : { status: "confirm", id: broadcast.id, count };
  }
  const requeued = await db.delivery.updateMany({
    where: uncertain,
    data: { status: "queued", reason: "resend_uncertain", notBefore: input.now, claimedBy: null, leaseUntil: null, updatedAt: input.now },
  });
  if (requeued.count === 0) return { status: "none_uncertain", id: broadcast.id };
  // The dispatcher sends only for a sending broadcast, and completes it again once these are done.
  await db.broadcast.update({ where: { id: broadcast.id }, data: { status: "sending", completedAt: null } });
  await recordAudit(db, { actor: input.actor, action: "broadcast.resend_uncertain", target: broadcast.id, details: { deliveries: requeued.count }, at: input.now });
  return { status: "requeued", id: broadcast.id, count: requeued.count };
}

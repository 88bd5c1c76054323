import type { Db } from "../../db/client.js";

/** A broadcast's deliveries as the platform reported on them after accepting them (the WhatsApp Cloud API's receipts). */
export interface ReceiptCounts {
  /** Sent through a channel that reports receipts, and still counted as sent. */
  sent: number;
  /** Of those, the ones the platform said arrived (read ones included), and were read. */
  delivered: number;
  read: number;
  /** Failed after the platform had accepted them; counted as failed, not sent. */
  failed: number;
}

/**
 * Receipt counts by broadcast, for the broadcasts given; a broadcast none of whose deliveries went
 * through a channel with receipts (Telegram, WhatsApp Web) is absent. Only the Cloud API sets sentAs.
 */
export async function readReceiptCounts(db: Db, broadcastIds: readonly string[]): Promise<Map<string, ReceiptCounts>> {
  if (broadcastIds.length === 0) return new Map();
  const groups = await db.delivery.groupBy({
    by: ["broadcastId", "status"],
    where: { broadcastId: { in: [...broadcastIds] }, sentAs: { not: null }, status: { in: ["sent", "failed"] } },
    _count: { _all: true, deliveredAt: true, readAt: true },
  });
  const counts = new Map<string, ReceiptCounts>();
  for (const group of groups) {
    if (!group.broadcastId) continue;
    const c = counts.get(group.broadcastId) ?? { sent: 0, delivered: 0, read: 0, failed: 0 };
    if (group.status === "failed") c.failed += group._count._all;
    else {
      c.sent += group._count._all;
      c.delivered += group._count.deliveredAt;
      c.read += group._count.readAt;
    }
    counts.set(group.broadcastId, c);
  }
  return counts;
}

import type { Db } from "../../db/client.js";
import { findBroadcast } from "./findBroadcast.js";
import { parseBroadcastTexts, type BroadcastTexts } from "./parseBroadcastTexts.js";
import { readReceiptCounts, type ReceiptCounts } from "./readReceiptCounts.js";

export interface BroadcastSummary {
  id: string;
  status: string;
  segment: string;
  operational: boolean;
  scheduledAt: Date;
  createdAt: Date;
  startedAt: Date | null;
  completedAt: Date | null;
  texts: BroadcastTexts;
  imageUrl: string | null;
  /** Deliveries by status: { queued: 10, sent: 90, failed: 1 }. */
  counts: Record<string, number>;
  total: number;
  /** Delivered, read and failed after acceptance, where the channel reports them (the WhatsApp Cloud API). */
  receipts?: ReceiptCounts;
}

/** The latest broadcasts (or the one asked for) with their delivery counts by status. */
export async function readBroadcastStatus(db: Db, options: { ref?: string; limit?: number } = {}): Promise<BroadcastSummary[]> {
  const rows = options.ref
    ? [await findBroadcast(db, options.ref)].filter((b) => b !== undefined)
    : await db.broadcast.findMany({ orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: options.limit ?? 5, include: { segment: true } });
  if (rows.length === 0) return [];
  const groups = await db.delivery.groupBy({ by: ["broadcastId", "status"], where: { broadcastId: { in: rows.map((r) => r.id) } }, _count: { _all: true } });
  const receipts = await readReceiptCounts(db, rows.map((r) => r.id));
  return rows.map((row) => {
    const counts: Record<string, number> = {};
    for (const group of groups.filter((g) => g.broadcastId === row.id)) counts[group.status] = group._count._all;
    return {
      id: row.id,
      status: row.status,
      segment: row.segment.name,
      operational: row.operational,
      scheduledAt: row.scheduledAt,
      createdAt: row.createdAt,
      startedAt: row.startedAt,
      completedAt: row.completedAt,
      texts: parseBroadcastTexts(row.texts),
      imageUrl: row.imageUrl,
      counts,
      total: Object.values(counts).reduce((a, b) => a + b, 0),
      ...(receipts.has(row.id) ? { receipts: receipts.get(row.id)! } : {}),
    };
  });
}

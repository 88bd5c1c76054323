import type { Db } from "../../db/client.js";
import { recordAudit } from "../audit/recordAudit.js";

export type CloseOutcome = { status: "closed" } | { status: "not_found" } | { status: "not_open"; current: string; answeredAt: Date | null };

/** Takes an item off the open list without a reply (spam, already handled elsewhere). */
export async function closeInboxItem(db: Db, close: { id: number; by: string; at: Date }): Promise<CloseOutcome> {
  const item = await db.inboxItem.findUnique({ where: { id: close.id }, select: { id: true, kind: true } });
  if (!item) return { status: "not_found" };
  const changed = await db.inboxItem.updateMany({ where: { id: item.id, status: "open" }, data: { status: "closed", answeredAt: close.at, answeredBy: close.by } });
  if (changed.count === 0) {
    const now = await db.inboxItem.findUniqueOrThrow({ where: { id: item.id }, select: { status: true, answeredAt: true } });
    return { status: "not_open", current: now.status, answeredAt: now.answeredAt };
  }
  await recordAudit(db, { actor: close.by, action: "inbox.close", target: String(item.id), details: { kind: item.kind }, at: close.at });
  return { status: "closed" };
}

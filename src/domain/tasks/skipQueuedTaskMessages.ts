import type { Db } from "../../db/client.js";

/**
 * Messages about a task that have become pointless before they left: an offer to someone who
 * already answered, the offers nobody can take once a task is full, a reminder to someone who
 * reported done or pulled out. Only queued rows: one being sent is past stopping.
 */
export async function skipQueuedTaskMessages(
  db: Db,
  where: { taskId: number; kind: "task_offer" | "task_reminder"; contactId?: string },
  reason: "answered" | "task_full" | "task_done" | "declined",
  now: Date,
): Promise<number> {
  const { count } = await db.delivery.updateMany({
    where: { taskId: where.taskId, kind: where.kind, status: "queued", ...(where.contactId ? { contactId: where.contactId } : {}) },
    data: { status: "skipped", reason, updatedAt: now },
  });
  return count;
}

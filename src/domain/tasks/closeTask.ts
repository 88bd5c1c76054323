import type { Db } from "../../db/client.js";
import { recordAudit } from "../audit/recordAudit.js";

export type TaskCloseOutcome = { status: "closed"; id: number; title: string } | { status: "not_found" } | { status: "already_closed"; id: number; title: string };

/**
 * Closes a task: nobody can accept it any more, offers and reminders still queued are skipped by
 * the dispatcher ("task_closed"), and volunteers who accepted may still report it done.
 */
export async function closeTask(db: Db, input: { id: number; actor: string; now: Date }): Promise<TaskCloseOutcome> {
  if (!Number.isSafeInteger(input.id) || input.id < 1) return { status: "not_found" };
  const task = await db.task.findUnique({ where: { id: input.id }, select: { id: true, title: true, status: true } });
  if (!task) return { status: "not_found" };
  if (task.status === "closed") return { status: "already_closed", id: task.id, title: task.title };
  await db.task.update({ where: { id: task.id }, data: { status: "closed", closedAt: input.now } });
  await recordAudit(db, { actor: input.actor, action: "task.close", target: String(task.id), details: { title: task.title }, at: input.now });
  return { status: "closed", id: task.id, title: task.title };
}

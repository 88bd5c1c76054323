import type { Db } from "../../db/client.js";
import { findTaskAssignment, type AssignedTask } from "./findTaskAssignment.js";
import { bumpSourceRevisions } from "../deliveries/bumpSourceRevisions.js";
import { skipQueuedTaskMessages } from "./skipQueuedTaskMessages.js";

export type TaskResponse = "accept" | "decline";

export type TaskResponseOutcome =
  | { status: "not_found" }
  | { status: "closed"; task: AssignedTask }
  | { status: "deadline_passed"; task: AssignedTask }
  /** maxVolunteers have already accepted. */
  | { status: "full"; task: AssignedTask }
  | { status: "already"; current: "accepted" | "declined" | "done"; task: AssignedTask }
  /** `filled`: this acceptance took the last place, and the offers still waiting were dropped. */
  | { status: "accepted"; task: AssignedTask; filled: boolean }
  | { status: "declined"; task: AssignedTask };

/**
 * A volunteer accepts or declines a task they were offered. Changing one's mind is allowed while
 * the task is open (declined -> accepted if there is room; accepted -> declined frees the place);
 * a done task stays done. Places are counted as accepted + done.
 */
export async function respondToTask(db: Db, input: { taskId: number; contactId: string; response: TaskResponse; now: Date }): Promise<TaskResponseOutcome> {
  const found = await findTaskAssignment(db, input.taskId, input.contactId);
  if (!found) return { status: "not_found" };
  const { task } = found;
  const wanted = input.response === "accept" ? "accepted" : "declined";
  if (found.status === "done" || found.status === wanted) return { status: "already", current: found.status as "accepted" | "declined" | "done", task };
  if (task.status !== "open") return { status: "closed", task };
  const { taskId, contactId, now } = input;

  if (input.response === "decline") {
    await db.taskAssignment.update({ where: { id: found.id }, data: { status: "declined", respondedAt: now } });
    await skipQueuedTaskMessages(db, { taskId, contactId, kind: "task_offer" }, "answered", now);
    await skipQueuedTaskMessages(db, { taskId, contactId, kind: "task_reminder" }, "declined", now);
    await bumpSourceRevisions(db, { taskIds: [taskId] });
    return { status: "declined", task };
  }

  if (task.deadline.getTime() <= now.getTime()) return { status: "deadline_passed", task };
  let filled = false;
  if (task.maxVolunteers !== null) {
    // Writing the task row first makes two acceptances of one task wait for each other on
    // PostgreSQL (row lock); SQLite has a single writer anyway. Then the count below is current.
    await db.task.update({ where: { id: taskId }, data: { status: "open" } });
    const taken = await db.taskAssignment.count({ where: { taskId, status: { in: ["accepted", "done"] } } });
    if (taken >= task.maxVolunteers) return { status: "full", task };
    filled = taken + 1 >= task.maxVolunteers;
  }
  await db.taskAssignment.update({ where: { id: found.id }, data: { status: "accepted", respondedAt: now } });
  await skipQueuedTaskMessages(db, { taskId, contactId, kind: "task_offer" }, "answered", now);
  // Full: the offers still waiting would only invite people to a task they can no longer take.
  if (filled) await skipQueuedTaskMessages(db, { taskId, kind: "task_offer" }, "task_full", now);
  await bumpSourceRevisions(db, { taskIds: [taskId] });
  return { status: "accepted", task, filled };
}

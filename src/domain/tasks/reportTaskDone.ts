import type { Db } from "../../db/client.js";
import { findTaskAssignment, type AssignedTask } from "./findTaskAssignment.js";
import { bumpSourceRevisions } from "../deliveries/bumpSourceRevisions.js";
import { skipQueuedTaskMessages } from "./skipQueuedTaskMessages.js";

export type TaskProofKind = "photo" | "link" | "text";

export type TaskDoneOutcome =
  | { status: "not_found" }
  /** Only an accepted task can be reported done: accept it first. */
  | { status: "not_accepted"; task: AssignedTask }
  | { status: "already_done"; task: AssignedTask }
  | { status: "done"; task: AssignedTask };

/**
 * Records a task as done with its proof: a photo (the platform's file reference), a link or a
 * short text. Late reports count (overdue work is still work), and so does a report after the
 * coordinator closed the task, as long as the volunteer had accepted it.
 */
export async function reportTaskDone(db: Db, input: { taskId: number; contactId: string; proofKind: TaskProofKind; proof: string; now: Date }): Promise<TaskDoneOutcome> {
  const found = await findTaskAssignment(db, input.taskId, input.contactId);
  if (!found) return { status: "not_found" };
  if (found.status === "done") return { status: "already_done", task: found.task };
  if (found.status !== "accepted") return { status: "not_accepted", task: found.task };
  await db.taskAssignment.update({ where: { id: found.id }, data: { status: "done", doneAt: input.now, proofKind: input.proofKind, proof: input.proof } });
  await skipQueuedTaskMessages(db, { taskId: input.taskId, contactId: input.contactId, kind: "task_reminder" }, "task_done", input.now);
  await bumpSourceRevisions(db, { taskIds: [input.taskId] });
  return { status: "done", task: found.task };
}

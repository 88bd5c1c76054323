import type { Db } from "../../db/client.js";
import { recordAudit } from "../audit/recordAudit.js";
import { checkNewTask, type TaskPlan, type TaskPlanCheck } from "./checkNewTask.js";
import { materializeTaskOffers } from "./materializeTaskOffers.js";
import type { TaskVoice } from "./renderTaskMessage.js";
import { taskRecipientsWhereSql } from "./taskRecipientsWhereSql.js";

export interface NewTask extends TaskPlan {
  /** May be offered during an election quiet period. */
  operational: boolean;
  /** Contact id of the coordinator, or "cli". */
  createdBy: string;
  /** The dashboard form's one-time key: a second task from the same form is refused. */
  formKey?: string;
}

export type TaskCreateOutcome =
  | { status: "created"; id: number; offered: number }
  /** The form with this key already created task `id`: nothing new. */
  | { status: "already_created"; id: number }
  | Exclude<TaskPlanCheck, { status: "ok" }>;

/**
 * Creates a task and offers it at once to every volunteer of the segment who may get it: one
 * assignment and one queued offer each, written with the task in the caller's transaction. The
 * dispatcher sends the offers with the same limits, consent checks, quiet hours and election
 * quiet period as broadcasts (operational tasks excepted from the latter).
 */
export async function createTask(db: Db, input: NewTask, voice: TaskVoice): Promise<TaskCreateOutcome> {
  if (input.formKey) {
    const earlier = await db.task.findUnique({ where: { formKey: input.formKey }, select: { id: true } });
    if (earlier) return { status: "already_created", id: earlier.id };
  }
  const check = await checkNewTask(db, input, voice);
  if (check.status !== "ok") return check;
  const { segment } = check;

  const task = await db.task.create({
    data: {
      title: input.title.trim(),
      instructions: input.instructions.trim(),
      link: check.link ?? null,
      imageUrl: check.imageUrl ?? null,
      segmentId: segment.id,
      deadline: input.deadline,
      maxVolunteers: input.maxVolunteers ?? null,
      operational: input.operational,
      createdBy: input.createdBy,
      createdAt: input.now,
      formKey: input.formKey ?? null,
    },
  });
  const offered = await materializeTaskOffers(db, task, taskRecipientsWhereSql(db, check.definition), voice, input.now);
  await recordAudit(db, {
    actor: input.createdBy,
    action: "task.create",
    target: String(task.id),
    details: {
      title: task.title,
      segment: segment.name,
      deadline: task.deadline.toISOString(),
      maxVolunteers: task.maxVolunteers,
      operational: task.operational,
      link: task.link,
      imageUrl: task.imageUrl,
      offered,
    },
    at: input.now,
  });
  return { status: "created", id: task.id, offered };
}

import type { Db } from "../../db/client.js";
import { recordAudit } from "../audit/recordAudit.js";
import { parseSegmentDefinition } from "../segments/parseSegmentDefinition.js";
import { checkTaskContent, type TaskContentProblem } from "./checkTaskContent.js";
import { materializeTaskOffers } from "./materializeTaskOffers.js";
import type { TaskVoice } from "./renderTaskMessage.js";
import { maxTaskVolunteers } from "./taskLimits.js";
import { taskRecipientsWhereSql } from "./taskRecipientsWhereSql.js";

export interface NewTask {
  title: string;
  instructions: string;
  link?: string;
  imageUrl?: string;
  segmentId: string;
  deadline: Date;
  /** Absent: as many as accept. */
  maxVolunteers?: number;
  /** May be offered during an election quiet period. */
  operational: boolean;
  /** Contact id of the coordinator, or "cli". */
  createdBy: string;
  now: Date;
}

export type TaskCreateOutcome =
  | { status: "created"; id: number; offered: number }
  | ({ status: "invalid" } & TaskContentProblem)
  | { status: "deadline_past" }
  | { status: "bad_max" }
  | { status: "segment_not_found" };

/**
 * Creates a task and offers it at once to every volunteer of the segment who may get it: one
 * assignment and one queued offer each, written with the task in the caller's transaction. The
 * dispatcher sends the offers with the same limits, consent checks, quiet hours and election
 * quiet period as broadcasts (operational tasks excepted from the latter).
 */
export async function createTask(db: Db, input: NewTask, voice: TaskVoice): Promise<TaskCreateOutcome> {
  const problem = checkTaskContent(input, voice);
  if (problem) return { status: "invalid", ...problem };
  if (input.deadline.getTime() <= input.now.getTime()) return { status: "deadline_past" };
  const max = input.maxVolunteers;
  if (max !== undefined && (!Number.isInteger(max) || max < 1 || max > maxTaskVolunteers)) return { status: "bad_max" };
  const segment = await db.segment.findUnique({ where: { id: input.segmentId } });
  if (!segment) return { status: "segment_not_found" };

  const task = await db.task.create({
    data: {
      title: input.title.trim(),
      instructions: input.instructions.trim(),
      link: input.link ?? null,
      imageUrl: input.imageUrl ?? null,
      segmentId: segment.id,
      deadline: input.deadline,
      maxVolunteers: max ?? null,
      operational: input.operational,
      createdBy: input.createdBy,
      createdAt: input.now,
    },
  });
  const offered = await materializeTaskOffers(db, task, taskRecipientsWhereSql(parseSegmentDefinition(segment.definition)), voice, input.now);
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

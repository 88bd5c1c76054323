import type { Db } from "../../db/client.js";
import { parseImageUrl } from "../broadcasts/parseImageUrl.js";
import { parseSegmentDefinition } from "../segments/parseSegmentDefinition.js";
import type { SegmentDefinition } from "../segments/segmentDefinition.js";
import { checkTaskContent, type TaskContentProblem } from "./checkTaskContent.js";
import { countTaskRecipients, type TaskRecipientCount } from "./countTaskRecipients.js";
import { parseTaskLink } from "./parseTaskLink.js";
import type { TaskVoice } from "./renderTaskMessage.js";
import { maxTaskVolunteers } from "./taskLimits.js";

export interface TaskPlan {
  title: string;
  instructions: string;
  link?: string;
  imageUrl?: string;
  segmentId: string;
  deadline: Date;
  /** Absent: as many as accept. */
  maxVolunteers?: number;
  now: Date;
}

export type TaskPlanCheck =
  | {
      status: "ok";
      segment: { id: string; name: string };
      definition: SegmentDefinition;
      count: TaskRecipientCount;
      /** The link and image as they will be stored and sent (a link typed without https:// gains it). */
      link?: string;
      imageUrl?: string;
    }
  | ({ status: "invalid" } & TaskContentProblem)
  | { status: "deadline_past" }
  | { status: "bad_max" }
  | { status: "segment_not_found" }
  /** Nobody in the segment may be offered the task (no volunteers, or none who agreed to tasks); offers are made only once, at creation. */
  | { status: "nobody" };

/**
 * Whether a task may be created as planned, with everything createTask checks, and nothing
 * written: the chat's wizard, the dashboard's preview and createTask refuse exactly the same.
 */
export async function checkNewTask(db: Db, plan: TaskPlan, voice: TaskVoice): Promise<TaskPlanCheck> {
  const problem = checkTaskContent(plan, voice);
  if (problem) return { status: "invalid", ...problem };
  if (plan.deadline.getTime() <= plan.now.getTime()) return { status: "deadline_past" };
  const max = plan.maxVolunteers;
  if (max !== undefined && (!Number.isInteger(max) || max < 1 || max > maxTaskVolunteers)) return { status: "bad_max" };
  const segment = await db.segment.findUnique({ where: { id: plan.segmentId } });
  if (!segment) return { status: "segment_not_found" };
  const definition = parseSegmentDefinition(segment.definition);
  const count = await countTaskRecipients(db, definition);
  if (count.offered === 0) return { status: "nobody" };
  const link = plan.link ? parseTaskLink(plan.link) : undefined;
  const image = plan.imageUrl ? parseImageUrl(plan.imageUrl) : undefined;
  return {
    status: "ok",
    segment: { id: segment.id, name: segment.name },
    definition,
    count,
    ...(link?.status === "ok" ? { link: link.url } : {}),
    ...(image?.status === "ok" ? { imageUrl: image.url } : {}),
  };
}

import { parseImageUrl } from "../broadcasts/parseImageUrl.js";
import { parseTaskLink } from "./parseTaskLink.js";
import { renderTaskMessages } from "./renderTaskMessages.js";
import type { TaskToRender, TaskVoice } from "./renderTaskMessage.js";
import { maxTaskCaption, maxTaskInstructions, maxTaskMessage, maxTaskTitle } from "./taskLimits.js";

export type TaskContentProblem =
  | { problem: "title_missing" }
  | { problem: "title_too_long"; max: number }
  | { problem: "instructions_missing" }
  | { problem: "instructions_too_long"; max: number }
  | { problem: "link" }
  | { problem: "image_url" }
  /** The offer as rendered in some language is longer than the platform takes (a caption with an image). */
  | { problem: "message_too_long"; max: number; length: number };

/** The checks every task passes: fields present and short enough, and the rendered offer fits. */
export function checkTaskContent(task: Omit<TaskToRender, "id"> & { imageUrl?: string | null }, voice: TaskVoice): TaskContentProblem | undefined {
  if (!task.title.trim()) return { problem: "title_missing" };
  if (task.title.trim().length > maxTaskTitle) return { problem: "title_too_long", max: maxTaskTitle };
  if (!task.instructions.trim()) return { problem: "instructions_missing" };
  if (task.instructions.trim().length > maxTaskInstructions) return { problem: "instructions_too_long", max: maxTaskInstructions };
  if (task.link && parseTaskLink(task.link).status !== "ok") return { problem: "link" };
  if (task.imageUrl && parseImageUrl(task.imageUrl).status !== "ok") return { problem: "image_url" };
  const max = task.imageUrl ? maxTaskCaption : maxTaskMessage;
  // The longest task number a campaign will reach, so the real offer is never longer than the check.
  const { texts } = renderTaskMessages("task_offer", { ...task, id: 9_999_999 }, voice);
  const length = Math.max(...Object.values(texts).map((text) => text.length));
  return length > max ? { problem: "message_too_long", max, length } : undefined;
}

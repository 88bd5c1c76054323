// What is wrong with a task's title, instructions, link or image, in the staff member's words: the
// chat's /task new and the dashboard's new-task form say the same.
import type { TaskContentProblem } from "../../domain/tasks/checkTaskContent.js";
import type { Translate } from "../createTranslator.js";

export function describeTaskContentProblem(t: Translate, problem: TaskContentProblem): string {
  switch (problem.problem) {
    case "title_missing":
      return t("tasks:wizard.titleEmpty");
    case "title_too_long":
      return t("tasks:wizard.titleTooLong", { max: problem.max });
    case "instructions_missing":
      return t("tasks:wizard.instructionsEmpty");
    case "instructions_too_long":
      return t("tasks:wizard.instructionsTooLong", { max: problem.max });
    case "link":
      return t("tasks:wizard.badLink");
    case "image_url":
      return t("tasks:wizard.badImage");
    case "message_too_long":
      return t("tasks:wizard.messageTooLong", { max: problem.max, length: problem.length });
  }
}

// POST /tugas/:id/tutup (as /task close <id> in the chat): closeTask, audited as task.close with the
// staff member. A task already closed (by someone else, or this form sent twice) is said so (409).
import { closeTask } from "../../domain/tasks/closeTask.js";
import type { DashboardPage } from "../dashboardTypes.js";
import { showMessage } from "../servePage.js";
import { parseTaskNumber, renderTaskPage } from "./showTaskPage.js";

export const closeTaskFromPage: DashboardPage = {
  method: "POST",
  url: "/tugas/:id/tutup",
  permission: "tasks",
  async handle(context) {
    const { deps, t, staff } = context;
    const id = parseTaskNumber(context);
    if (id === undefined) return showMessage(context, 404, "taskNotFound");
    const outcome = await deps.db.$transaction((tx) => closeTask(tx, { id, actor: staff!.id, now: deps.clock() }));
    if (outcome.status === "not_found") return showMessage(context, 404, "taskNotFound");
    if (outcome.status === "already_closed") return renderTaskPage(context, { status: 409, kind: "problem", text: t("tasks:staff.alreadyClosed", { id }) });
    return context.reply.redirect(`/tugas/${id}?ditutup=1`, 303);
  },
};

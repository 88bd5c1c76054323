// POST /tugas/baru: creates the task previewed (createTask, as the chat's "yes"; audited as
// task.create) and offers it at once. Fields changed since the preview get the new preview instead;
// the same form sent again (a double click, a reload, a replay) creates nothing and says which task
// it made (409): the form's one-time key is stored with the task.
import { isUniqueViolation } from "../../db/isUniqueViolation.js";
import { createTask, type TaskCreateOutcome } from "../../domain/tasks/createTask.js";
import type { DashboardPage } from "../dashboardTypes.js";
import { digestTaskForm, readTaskForm, readTaskPlan } from "../readTaskForm.js";
import { showMessage } from "../servePage.js";
import { renderTaskForm, taskVoiceOfDashboard } from "./renderTaskForm.js";

export const createTaskFromForm: DashboardPage = {
  method: "POST",
  url: "/tugas/baru",
  permission: "tasks",
  async handle(context) {
    const { deps, t, staff } = context;
    const form = readTaskForm(context.request.body);
    if (!form.key) return showMessage(context, 400, "taskFormKey");
    if (form.previewed !== digestTaskForm(form.values)) {
      return renderTaskForm(context, { form, check: true, notice: t("dashboard:tasks.changedSincePreview"), status: 409 });
    }
    const now = deps.clock();
    const reading = readTaskPlan(form.values, now, deps.timeZone);
    const voice = taskVoiceOfDashboard(context);
    const create = () =>
      reading.status !== "ok"
        ? Promise.resolve(undefined)
        : deps.db.$transaction((tx) => createTask(tx, { ...reading.plan, createdBy: staff!.id, now, formKey: form.key }, voice));
    let outcome: TaskCreateOutcome | undefined;
    try {
      outcome = await create();
    } catch (error) {
      // Two copies of one form at the same moment (PostgreSQL): the second finds the first's task.
      if (!isUniqueViolation(error)) throw error;
      outcome = await create();
    }
    if (outcome?.status === "created") return context.reply.redirect(`/tugas/${outcome.id}?dibuat=1`, 303);
    if (outcome?.status === "already_created") {
      const title = t("dashboard:tasks.alreadyCreated.title");
      return context.render("pages/showMessagePage", { heading: title, text: t("dashboard:tasks.alreadyCreated.text", { id: outcome.id }), link: { url: `/tugas/${outcome.id}`, label: t("dashboard:tasks.open", { id: outcome.id }) } }, { status: 409, title });
    }
    // The deadline passed or the segment changed since the preview: the form says what, and nothing was made.
    return renderTaskForm(context, { form, check: true, status: 400 });
  },
};

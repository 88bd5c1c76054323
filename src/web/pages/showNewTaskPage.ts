// GET /tugas/baru (staff who may run /task new in the chat): the empty form, with a fresh one-time key.
import type { DashboardPage } from "../dashboardTypes.js";
import { readTaskForm } from "../readTaskForm.js";
import { renderTaskForm } from "./renderTaskForm.js";

export const showNewTaskPage: DashboardPage = {
  method: "GET",
  url: "/tugas/baru",
  permission: "tasks",
  handle: (context) => renderTaskForm(context, { form: { ...readTaskForm({}), key: undefined }, check: false }),
};

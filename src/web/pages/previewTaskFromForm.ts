// POST /tugas/baru/pratinjau: the form checked as createTask checks it (checkNewTask), and either
// what to fix or the preview of the offer and its count with the button that creates it.
import type { DashboardPage } from "../dashboardTypes.js";
import { readTaskForm } from "../readTaskForm.js";
import { renderTaskForm } from "./renderTaskForm.js";

export const previewTaskFromForm: DashboardPage = {
  method: "POST",
  url: "/tugas/baru/pratinjau",
  permission: "tasks",
  handle: (context) => renderTaskForm(context, { form: readTaskForm(context.request.body), check: true }),
};

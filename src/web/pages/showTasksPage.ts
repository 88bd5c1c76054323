// GET /tugas (staff who may run /task in the chat): the tasks, open ones first, each with how many
// volunteers are at each step; redrawn live when a volunteer answers (live topic "tasks").
import { listTasks } from "../../domain/tasks/listTasks.js";
import { formatLocalTime } from "../../domain/time/formatLocalTime.js";
import type { DashboardPage } from "../dashboardTypes.js";
import { tasksTopic } from "../live/liveTopics.js";
import { readLiveMarker } from "../live/readLiveMarker.js";

const shown = 100;

export const showTasksPage: DashboardPage = {
  method: "GET",
  url: "/tugas",
  permission: "tasks",
  nav: "tasks",
  async handle(context) {
    const { deps, t, language } = context;
    // Read before the list: a change in between redraws the page.
    const marker = await readLiveMarker(tasksTopic, deps.db);
    const rows = (await listTasks(deps.db, shown)).map((task) => {
      const count = (status: string) => task.counts[status] ?? 0;
      return {
        id: task.id,
        title: task.title,
        open: task.status === "open",
        state: t(`tasks:state.${task.status === "open" ? "open" : "closed"}`),
        deadline: formatLocalTime(task.deadline, language, deps.timeZone),
        offered: Object.values(task.counts).reduce((sum, n) => sum + n, 0),
        waiting: count("offered"),
        taken: task.maxVolunteers ? `${count("accepted") + count("done")}/${task.maxVolunteers}` : String(count("accepted") + count("done")),
        done: count("done"),
        declined: count("declined"),
      };
    });
    return context.render("pages/showTasksPage", { rows, marker, more: rows.length === shown }, { title: t("dashboard:tasks.title") });
  },
};

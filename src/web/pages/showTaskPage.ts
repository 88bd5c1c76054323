// GET /tugas/:id (as /task status <id> in the chat): the task, where its offers are, and each
// volunteer's part (offered, accepted, overdue, declined, done with the proof), reminded or not;
// names masked as in the rest of the dashboard, each linked to the person's page. Redrawn live.
import { hasPermission } from "../../domain/staff/hasPermission.js";
import { maskName } from "../../domain/staff/maskName.js";
import { readTaskStatus, taskProgressStates, type TaskPerson } from "../../domain/tasks/readTaskStatus.js";
import { parseTaskLink } from "../../domain/tasks/parseTaskLink.js";
import { cleanTextForStaff } from "../../domain/text/cleanTextForStaff.js";
import { formatLocalTime } from "../../domain/time/formatLocalTime.js";
import type { DashboardPage, PageContext } from "../dashboardTypes.js";
import { tasksTopic } from "../live/liveTopics.js";
import { readLiveMarker } from "../live/readLiveMarker.js";
import { showMessage } from "../servePage.js";

/** People listed per state; the counts are always whole. */
const namesPerState = 200;

export const showTaskPage: DashboardPage = {
  method: "GET",
  url: "/tugas/:id",
  permission: "tasks",
  handle(context) {
    const { t } = context;
    const query = (context.request.query ?? {}) as Record<string, unknown>;
    const id = parseTaskNumber(context);
    if (query.dibuat === "1") return renderTaskPage(context, { status: 200, kind: "saved", text: t("dashboard:tasks.created", { id }) });
    if (query.ditutup === "1") return renderTaskPage(context, { status: 200, kind: "saved", text: t("dashboard:tasks.closed", { id }) });
    return renderTaskPage(context);
  },
};

/** The page; `notice` says what just happened (created, closed, already closed), with its status. */
export async function renderTaskPage(context: PageContext, notice?: { status: number; kind: "saved" | "problem"; text: string }) {
  const { deps, t, language, staff } = context;
  const id = parseTaskNumber(context);
  const marker = await readLiveMarker(tasksTopic, deps.db);
  const status = id === undefined ? undefined : await readTaskStatus(deps.db, id, deps.clock(), namesPerState);
  if (!status) return showMessage(context, 404, "taskNotFound");
  const { task } = status;
  const when = (at: Date | null) => (at ? formatLocalTime(at, language, deps.timeZone) : "");
  const linkToPerson = hasPermission(staff!.role, "people");
  const describe = (person: TaskPerson) => {
    const proof = person.proof === null ? "" : cleanTextForStaff(person.proof).replace(/\s+/g, " ").trim();
    const link = person.proofKind === "link" ? parseTaskLink(proof) : undefined;
    return {
      name: maskName(person.name) ?? t("staff.unnamed"),
      url: linkToPerson ? `/orang/${encodeURIComponent(person.contactId)}` : undefined,
      at: when(person.at),
      reminded: when(person.remindedAt),
      proofKind: person.proofKind ? t(`dashboard:tasks.proof.${person.proofKind}`, { defaultValue: person.proofKind }) : "",
      proofUrl: link?.status === "ok" ? link.url : undefined,
      proof: person.proofKind === "photo" ? "" : proof,
    };
  };
  const states = taskProgressStates.map((state) => {
    const { count, people } = status.states[state];
    return { state, label: t(`tasks:staff.progress.${state}`), count, people: people.map(describe), more: count - people.length };
  });
  const shown = {
    id: task.id,
    title: task.title,
    open: task.status === "open",
    state: t(`tasks:state.${task.status === "open" ? "open" : "closed"}`),
    segment: task.segment,
    deadline: when(task.deadline),
    closedAt: when(task.closedAt),
    max: task.maxVolunteers,
    operational: task.operational,
  };
  const offers = t("tasks:staff.offers", status.offers);
  return context.render("pages/showTaskPage", { task: shown, states, offers, marker, notice }, { status: notice?.status ?? 200, title: `#${task.id} ${task.title}` });
}

export function parseTaskNumber(context: PageContext): number | undefined {
  const { id } = context.request.params as { id: string };
  return /^\d{1,9}$/.test(id) ? Number(id) : undefined;
}

// /task list, /task status <id>, /task close <id> (and /task new, the wizard). Staff see
// volunteers by first name, never by phone number.
import { closeTask } from "../../domain/tasks/closeTask.js";
import { listTasks } from "../../domain/tasks/listTasks.js";
import { readTaskStatus, taskProgressStates, type TaskPerson } from "../../domain/tasks/readTaskStatus.js";
import type { Turn } from "../turn.js";
import { staffReply } from "./staffAccess.js";
import { formatStaffTime } from "./staffFormat.js";
import { startTaskWizard } from "./taskWizard.js";

export async function handleTaskCommand(turn: Turn, sub: string, rest: string): Promise<void> {
  switch (sub) {
    case "new":
    case "baru":
      return startTaskWizard(turn);
    case "":
    case "list":
    case "daftar":
      return showTaskList(turn);
    case "status":
      return showTaskStatus(turn, rest);
    case "close":
    case "tutup":
      return closeTaskCommand(turn, rest);
  }
  // "/task 12" is a status request.
  if (parseTaskId(sub) !== undefined && rest === "") return showTaskStatus(turn, sub);
  return staffReply(turn, turn.t("tasks:staff.usage"));
}

/** "12" or "#12". */
export function parseTaskId(text: string): number | undefined {
  const match = /^#?\s*(\d{1,9})$/.exec(text.trim());
  return match ? Number(match[1]) : undefined;
}

async function showTaskList(turn: Turn): Promise<void> {
  const t = turn.t;
  const tasks = await listTasks(turn.tx);
  if (tasks.length === 0) return staffReply(turn, t("tasks:staff.noTasks"));
  const lines = tasks.map((task) => {
    const taken = (task.counts.accepted ?? 0) + (task.counts.done ?? 0);
    return t("tasks:staff.listLine", {
      id: task.id,
      title: task.title,
      state: t(`tasks:state.${task.status === "open" ? "open" : "closed"}`),
      deadline: formatStaffTime(task.deadline, turn.language, turn.deps.timeZone),
      taken: task.maxVolunteers ? `${taken}/${task.maxVolunteers}` : String(taken),
      done: task.counts.done ?? 0,
      offered: Object.values(task.counts).reduce((sum, n) => sum + n, 0),
    });
  });
  staffReply(turn, [...lines, "", t("tasks:staff.listHint")].join("\n"), t("tasks:staff.listTitle"));
}

async function showTaskStatus(turn: Turn, arg: string): Promise<void> {
  const t = turn.t;
  const id = parseTaskId(arg);
  if (id === undefined) return staffReply(turn, t("tasks:staff.usage"));
  const status = await readTaskStatus(turn.tx, id, turn.now);
  if (!status) return staffReply(turn, t("tasks:staff.notFound", { id: arg.trim().slice(0, 20) }));
  const { task } = status;
  const facts = [
    t("tasks:staff.statusSegment", { name: task.segment }),
    t("tasks:staff.statusDeadline", { when: formatStaffTime(task.deadline, turn.language, turn.deps.timeZone) }),
    task.maxVolunteers ? t("tasks:staff.statusMax", { max: task.maxVolunteers }) : "",
    task.operational ? t("tasks:staff.statusOperational") : "",
  ].filter(Boolean);
  const lines = [task.title, facts.join(" · "), ""];
  for (const state of taskProgressStates) {
    const { count, people } = status.states[state];
    const shown = people.map((person) => describePerson(turn, person)).join(", ");
    const more = count > people.length ? ` ${t("tasks:staff.andMore", { count: count - people.length })}` : "";
    lines.push(`${t(`tasks:staff.progress.${state}`)}: ${count}${shown ? ` — ${shown}${more}` : ""}`);
  }
  const o = status.offers;
  lines.push("", t("tasks:staff.offers", { sent: o.sent, waiting: o.waiting, held: o.held, skipped: o.skipped, failed: o.failed }));
  if (task.status === "open") lines.push(t("tasks:staff.closeHint", { id: task.id }));
  staffReply(turn, lines.join("\n"), t("tasks:staff.statusTitle", { id: task.id, state: t(`tasks:state.${task.status === "open" ? "open" : "closed"}`) }));
}

/** A first name, and for a done report what kind of proof came with it (a short text or link shown). */
function describePerson(turn: Turn, person: TaskPerson): string {
  const t = turn.t;
  const name = person.name?.trim().split(/\s+/)[0] || t("staff.unnamed");
  if (!person.proofKind) return name;
  if (person.proofKind === "photo") return `${name} (${t("tasks:staff.proofPhoto")})`;
  const proof = (person.proof ?? "").replace(/\s+/g, " ");
  return `${name} (“${proof.length > 60 ? `${proof.slice(0, 60)}…` : proof}”)`;
}

async function closeTaskCommand(turn: Turn, arg: string): Promise<void> {
  const t = turn.t;
  const id = parseTaskId(arg);
  if (id === undefined) return staffReply(turn, t("tasks:staff.usage"));
  const outcome = await closeTask(turn.tx, { id, actor: turn.contact.id, now: turn.now });
  switch (outcome.status) {
    case "not_found":
      return staffReply(turn, t("tasks:staff.notFound", { id: arg.trim().slice(0, 20) }));
    case "already_closed":
      return staffReply(turn, t("tasks:staff.alreadyClosed", { id: outcome.id }));
    case "closed":
      return staffReply(turn, t("tasks:staff.closed", { id: outcome.id, title: outcome.title }));
  }
}
